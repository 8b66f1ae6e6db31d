#!/usr/bin/env bash
# Renders the PNG sizes of the application's icon from its SVG into hicolor/NxN/apps/. The PNGs are checked in (a
# few KB each), so building and packaging need no SVG renderer; run this again after changing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
id=io.github.nsfw_workbench.NsfwWorkbench
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$here/hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "$here/$id.svg" -o "$here/hicolor/${size}x${size}/apps/$id.png"
done
