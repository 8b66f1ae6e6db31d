#!/usr/bin/python3
"""Reference measurement: torchvision's MobileNetV2 in PyTorch-Python at its best CPU settings.

Run by `nsfw-workbench benchmark` with Debian's /usr/bin/python3 (python3-torch, python3-torchvision)
and LD_PRELOAD=libtcmalloc_minimal.so.4, so both sides get the same allocator. Settings: channels_last
input and weights, torch.inference_mode(), eval(), torch.set_num_threads(THREADS). Prints one JSON line:
{"images_per_s": median img/s at BATCH, "latency_ms": median batch-1 latency, ...}.

usage: torchvision_mobilenet_v2.py [--threads N] [--batch N] [--runs N] [--latency-runs N]
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torchvision


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--latency-runs", type=int, default=30)
    ap.add_argument("--no-channels-last", action="store_true")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    fmt = torch.contiguous_format if args.no_channels_last else torch.channels_last
    model = torchvision.models.mobilenet_v2(weights=None).eval().to(memory_format=fmt)
    x = torch.rand(args.batch, 3, 224, 224).to(memory_format=fmt)
    x1 = torch.rand(1, 3, 224, 224).to(memory_format=fmt)
    with torch.inference_mode():
        for _ in range(2):  # warm-up: oneDNN primitive creation, allocator pools
            model(x)
        rates = []
        for _ in range(args.runs):
            t = time.perf_counter()
            model(x)
            rates.append(args.batch / (time.perf_counter() - t))
        for _ in range(5):
            model(x1)
        lat = []
        for _ in range(args.latency_runs):
            t = time.perf_counter()
            model(x1)
            lat.append((time.perf_counter() - t) * 1000.0)
    print(json.dumps({
        "runtime": "pytorch-python " + torch.__version__,
        "model": "torchvision mobilenet_v2",
        "threads": args.threads,
        "batch": args.batch,
        "channels_last": not args.no_channels_last,
        "images_per_s": statistics.median(rates),
        "latency_ms": statistics.median(lat),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
