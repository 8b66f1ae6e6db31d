#!/usr/bin/python3
"""Writes the parity test images (tests/data/parity/*.png) from Debian packages.

Sources: openclipart-png (clip art, many with alpha), plasma-workspace-wallpapers (photos),
dataset-fashion-mnist (28x28 grayscale). Everything is stored as lossless PNG so that nsfwjs in Node
(decoding with pngjs) and our C++ side (OpenCV) see identical pixels. Big images are downscaled here,
once, with PIL; sizes are deliberately varied (odd, non-square, exactly 224x224, tiny) and so are the
PNG colour types (RGB, RGBA, grayscale, gray+alpha, palette).

usage: make-parity-images.py OUT_DIR
"""
import gzip
import os
import sys

import numpy as np
from PIL import Image

CLIPART = "/usr/share/openclipart/png"
WALLPAPERS = "/usr/share/wallpapers"
FMNIST = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"


def sorted_files(root, exts):
    out = []
    for d, _, files in os.walk(root):
        out += [os.path.join(d, f) for f in files if f.lower().endswith(exts)]
    return sorted(out)


def fit(img, longest):
    w, h = img.size
    s = min(1.0, longest / max(w, h))
    return img.resize((max(1, round(w * s)), max(1, round(h * s))), Image.LANCZOS) if s < 1 else img


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    n = 0

    def save(img, name):
        nonlocal n
        n += 1
        img.save(os.path.join(out, "%02d-%s.png" % (n, name)), optimize=True)

    clip = sorted_files(CLIPART, (".png",))
    # Spread the picks over the sorted list so several categories are covered.
    for i, path in enumerate(clip[:: max(1, len(clip) // 8)][:8]):
        img = Image.open(path)
        img = fit(img.convert("RGBA") if img.mode not in ("RGB", "RGBA") else img, 300 - 37 * (i % 3))
        save(img, "clipart-" + os.path.splitext(os.path.basename(path))[0][:24])

    walls = [p for p in sorted_files(WALLPAPERS, (".jpg", ".png")) if "screenshot" in p]
    sizes = [(224, 224), (301, 169), (256, 160), (160, 256), (333, 187), (97, 131)]
    for path, size in zip(walls[:: max(1, len(walls) // 6)], sizes):
        img = Image.open(path).convert("RGB").resize(size, Image.LANCZOS)
        save(img, "photo-" + path.split("/")[4][:20])

    with gzip.open(FMNIST) as f:
        data = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    for i in range(6):
        img = Image.fromarray(data[i * 97])
        if i == 4:
            img = img.resize((112, 112), Image.NEAREST)
        save(img, "fmnist-%d" % (i * 97))

    # Colour types the decoders must agree on: gray+alpha, palette, thin strips.
    g = Image.fromarray(data[5])
    la = Image.merge("LA", (g, Image.fromarray((255 - data[6]))))
    save(la, "graya")
    base = Image.open(walls[0]).convert("RGB").resize((200, 150), Image.LANCZOS)
    save(base.quantize(64), "palette")
    save(base.resize((7, 300), Image.LANCZOS), "strip")
    save(base.resize((400, 3), Image.LANCZOS), "band")
    print("%d images -> %s" % (n, out))


if __name__ == "__main__":
    main()
