#!/usr/bin/python3
"""Reference measurement: one fine-tuning step of MobileNetV2 in PyTorch-Python at its best CPU settings.

The same step as `nsfw-workbench benchmark train`: torchvision's MobileNetV2 backbone with nsfwjs's head
(average pooling, Dense 256 relu, Dropout 0.5, Dense 128 relu, Dropout 0.25, Dense 5 softmax), binary
cross-entropy on p(nsfw) = p1 + p3 + p4, AdamW, BatchNorm frozen (eval), channels_last, batch 32.
mode "full" trains everything, "partial" the last BLOCKS inverted-residual blocks plus the head.
Run with Debian's /usr/bin/python3 and LD_PRELOAD=libtcmalloc_minimal.so.4. Prints one JSON line.
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torchvision


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--mode", default="full", choices=["full", "partial"])
    ap.add_argument("--blocks", type=int, default=6)
    ap.add_argument("--no-channels-last", action="store_true")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    backbone = torchvision.models.mobilenet_v2(weights=None).features
    head = nn.Sequential(nn.AvgPool2d(7), nn.Flatten(), nn.Linear(1280, 256), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(256, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 5), nn.Softmax(dim=1))
    fmt = torch.contiguous_format if args.no_channels_last else torch.channels_last
    model = nn.Sequential(backbone, head).to(memory_format=fmt)
    if args.mode == "partial":
        # features[1..17] are the 17 inverted-residual blocks (nsfwjs names them expanded_conv, block_1..16).
        first = len(backbone) - 1 - args.blocks
        for i, layer in enumerate(backbone):
            for p in layer.parameters():
                p.requires_grad = i >= first
    model.train()
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()
            for p in m.parameters():
                p.requires_grad = False
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=1e-4, weight_decay=1e-4)
    x = torch.rand(args.batch, 3, 224, 224).contiguous(memory_format=fmt)
    y = (torch.rand(args.batch) < 0.5).float()

    def step():
        opt.zero_grad()
        probs = model(x)
        p = (probs[:, 1] + probs[:, 3] + probs[:, 4]).clamp(1e-7, 1 - 1e-7)
        loss = -(y * p.log() + (1 - y) * (1 - p).log()).mean()
        loss.backward()
        opt.step()

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    med = statistics.median(times)
    print(json.dumps({
        "runtime": "pytorch-python " + torch.__version__,
        "mode": args.mode,
        "threads": args.threads,
        "batch": args.batch,
        "channels_last": not args.no_channels_last,
        "step_ms": med * 1000.0,
        "images_per_s": args.batch / med,
    }))


if __name__ == "__main__":
    main()
