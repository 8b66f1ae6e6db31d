#!/usr/bin/env bash
# Set up (packages, model, build) if needed, then start NSFW Workbench: on the project given as an
# argument, else the last one, else a default project in the user's data folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/packaging/setup.sh"
exec "${NSFW_BUILD_DIR:-$root/build}/app/nsfw-workbench" "$@"
