#!/usr/bin/env bash
# Set-up for a Debian 12 machine: installs the missing packages, fetches the pretrained model, builds
# (Release) into build/. Safe to run again: each step does nothing when its work is already done.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${NSFW_BUILD_DIR:-$root/build}

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ccache mold clang libclang-rt-14-dev
  # libraries
  qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-image-formats-plugins
  libqcustomplot-dev libopencv-dev libtorch-dev libgoogle-perftools-dev libtcmalloc-minimal4 libopenblas0-openmp
  libblas-dev
  # the PostgreSQL backend: Qt's QPSQL driver, and the server the tests start a throwaway copy of (packaging/pgtest.sh)
  libqt6sql6-psql postgresql
  # real pictures for tests and benchmarks
  openclipart-png plasma-workspace-wallpapers dataset-fashion-mnist
  # the PyTorch-in-Python peer the benchmarks compare against
  python3-torch python3-torchvision
  # scikit-learn makes the reference values the metric tests compare against
  python3-sklearn
  # the ONNX export writes its graph with onnx's protobuf classes; its test runs onnx.checker in Python
  libonnx-dev libprotobuf-dev python3-onnx
  # running the window headless for screenshots, util-linux for setpriv in tests
  xvfb x11-apps util-linux
  # the Debian packages (packaging/deb.sh): the man page, the desktop entry's and the metainfo's validators
  help2man desktop-file-utils appstream
)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Installing postgresql may start Debian's cluster 15/main as a service. Nothing here uses it (the tests start a
# throwaway server of their own), so it is stopped, never dropped: it may hold someone's data.
if [[ $(pg_lsclusters --no-header 15 main 2>/dev/null) == *online* ]]; then
  echo "Stopping the packaged PostgreSQL cluster 15/main (the tests run a server of their own)"
  $sudo pg_ctlcluster 15 main stop || echo "warning: could not stop the PostgreSQL cluster 15/main" >&2
fi

bash "$root/packaging/model/fetch-model.sh"

# ccache: rebuilds of other checkouts of the same tree (CI's clean clone, a second work tree) reuse the objects;
# CCACHE_BASEDIR makes the cached compile commands relative to the checkout.
export CCACHE_BASEDIR="$root"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build "$build" -j "$(nproc)"
