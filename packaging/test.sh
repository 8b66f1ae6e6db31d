#!/usr/bin/env bash
# Set up (packages, model, build) if needed, then run the whole test suite through CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/packaging/setup.sh"
cd "${NSFW_BUILD_DIR:-$root/build}"
ctest --output-on-failure --timeout 900 "$@"
