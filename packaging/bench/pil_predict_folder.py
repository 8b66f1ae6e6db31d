#!/usr/bin/python3
"""Reference measurement for `nsfw-workbench benchmark predict`: scoring a folder the way a PyTorch user would write it.

Run with Debian's /usr/bin/python3 (python3-torch, python3-torchvision, python3-pil) and
LD_PRELOAD=libtcmalloc_minimal.so.4, so both sides get the same allocator. What it does, end to end per repeat:
the files of LIST (one path a line, the same files the tool scores) are decoded with PIL on a ThreadPoolExecutor
(default workers, min(32, cores + 4)), converted to RGB, resized to 224x224 (bilinear), scaled to [0, 1], stacked in
batches of BATCH and run through torchvision's MobileNetV2 with channels_last input and weights, inference_mode,
torch.set_num_threads(THREADS). Decoding runs ahead of the network (executor.map submits every file at once), as
a user who knows the executor would write it. The weights are torchvision's default initialisation (weights=None):
only speed is measured, and a random network costs the same as a trained one. A file PIL cannot read gets no score.
Prints one JSON line: {"images_per_s": median over repeats, "runs": [...], ...}.

With --video PATH --every S it scores a video instead, as the same user would with PyAV (python3-av): every frame
decoded in order (FFmpeg's frame threads on), one every S seconds converted to RGB, resized with PIL and scored in
batches of BATCH. Prints {"video_frames_per_s": the video's frames / wall seconds, "scored_frames_per_s", ...}.

usage: pil_predict_folder.py LIST [--threads N] [--batch N] [--repeat N]
       pil_predict_folder.py --video PATH --every S [--threads N] [--batch N] [--repeat N]
"""
import argparse
import json
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch
import torchvision
from PIL import Image


def load(path):
    try:
        with Image.open(path) as im:
            rgb = im.convert("RGB").resize((224, 224), Image.BILINEAR)
        return torch.from_numpy(np.asarray(rgb, dtype=np.uint8).copy())
    except Exception:  # noqa: BLE001 - an unreadable file is skipped, as the tool reports it and goes on
        return None


def score(paths, model, batch):
    scored = 0
    with ThreadPoolExecutor() as pool, torch.inference_mode():
        pending = []

        def flush():
            nonlocal scored
            x = torch.stack(pending).permute(0, 3, 1, 2).float().div_(255.0)
            x = x.contiguous(memory_format=torch.channels_last)
            p = torch.softmax(model(x), dim=1)
            scored += int(p.shape[0])
            pending.clear()

        for image in pool.map(load, paths):
            if image is not None:
                pending.append(image)
            if len(pending) == batch:
                flush()
        if pending:
            flush()
    return scored


def score_video(path, every, model, batch):
    import av  # python3-av; only this mode needs it

    frames = scored = 0
    pending = []

    def flush():
        nonlocal scored
        x = torch.stack(pending).permute(0, 3, 1, 2).float().div_(255.0)
        p = torch.softmax(model(x.contiguous(memory_format=torch.channels_last)), dim=1)
        scored += int(p.shape[0])
        pending.clear()

    with av.open(path) as container, torch.inference_mode():
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        next_time = 0.0
        for frame in container.decode(stream):
            frames += 1
            t = float(frame.pts * stream.time_base) if frame.pts is not None else frames / float(stream.average_rate)
            if t + 1e-6 < next_time:
                continue
            next_time += every
            image = frame.to_image().resize((224, 224), Image.BILINEAR)
            pending.append(torch.from_numpy(np.asarray(image, dtype=np.uint8).copy()))
            if len(pending) == batch:
                flush()
        if pending:
            flush()
    return frames, scored


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("list", nargs="?")
    ap.add_argument("--video")
    ap.add_argument("--every", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    model = torchvision.models.mobilenet_v2(weights=None).eval().to(memory_format=torch.channels_last)
    with torch.inference_mode():  # warm-up: oneDNN primitives, allocator pools (not timed, as the tool's)
        model(torch.rand(args.batch, 3, 224, 224).contiguous(memory_format=torch.channels_last))
    if args.video:
        rates, scored_rates = [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            frames, scored = score_video(args.video, args.every, model, args.batch)
            seconds = time.perf_counter() - t
            rates.append(frames / seconds)
            scored_rates.append(scored / seconds)
        print(json.dumps({
            "runtime": "pytorch-python " + torch.__version__ + ", pyav",
            "threads": args.threads,
            "every_s": args.every,
            "frames": frames,
            "scored": scored,
            "video_frames_per_s": statistics.median(rates),
            "scored_frames_per_s": statistics.median(scored_rates),
        }))
        return 0
    with open(args.list, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    rates, scored = [], 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        scored = score(paths, model, args.batch)
        rates.append(len(paths) / (time.perf_counter() - t))
    print(json.dumps({
        "runtime": "pytorch-python " + torch.__version__ + ", pillow " + Image.__version__,
        "model": "torchvision mobilenet_v2 (default init)",
        "threads": args.threads,
        "batch": args.batch,
        "files": len(paths),
        "scored": scored,
        "runs": rates,
        "images_per_s": statistics.median(rates),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
