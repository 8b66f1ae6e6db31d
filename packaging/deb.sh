#!/usr/bin/env bash
# Builds the Debian packages with CPack in the build folder and checks them:
#   nsfw-workbench_<version>_amd64.deb        the application (packaging/deb/package.cmake says what is in it)
#   nsfw-workbench-model_<version>_all.deb    nsfwjs's pretrained models (MIT)
# The listing must hold the binary, the desktop entry, the icons, the metainfo, the man page, the models and their
# license; desktop-file-validate and appstreamcli validate must pass; the packaged binary must speak German when asked
# (the translations are in it). --install then installs both (dpkg -i, apt-get -f install when dependencies are
# missing), runs /usr/bin/nsfw-workbench --help, and scores a picture with HOME pointing to an empty folder, so the
# model can only come from /usr/share. The packages are left installed (remove: apt-get remove nsfw-workbench
# nsfw-workbench-model).
#
#   bash packaging/deb.sh [--install] [--no-setup]
#
# --no-setup: the build is up to date (packaging/test.sh), do not run packaging/setup.sh first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${NSFW_BUILD_DIR:-$root/build}
install=0
setup=1
for arg in "$@"; do
  case "$arg" in
    --install) install=1 ;;
    --no-setup) setup=0 ;;
    *) echo "usage: bash packaging/deb.sh [--install] [--no-setup]" >&2; exit 2 ;;
  esac
done
((setup)) && bash "$root/packaging/setup.sh"

id=io.github.nsfw_workbench.NsfwWorkbench
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
app_deb="$build/nsfw-workbench_${version}_amd64.deb"
model_deb="$build/nsfw-workbench-model_${version}_all.deb"

rm -f "$app_deb" "$model_deb"
if ! (cd "$build" && cpack -G DEB >"$build/cpack.log" 2>&1); then
  cat "$build/cpack.log" >&2
  echo "deb.sh: cpack -G DEB failed" >&2
  exit 1
fi
echo "Built $(basename "$app_deb") ($(du -k "$app_deb" | cut -f1) KB) and $(basename "$model_deb") ($(du -k "$model_deb" | cut -f1) KB)"

failed=0
# The listing must hold each path (a line of `dpkg-deb -c` ends with it).
expect() {
  local deb=$1 listing
  shift
  listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
  for path in "$@"; do
    grep -qxF "./$path" <<<"$listing" || { echo "deb.sh: $(basename "$deb") lacks /$path" >&2; failed=1; }
  done
}
pngs=()
for size in 16 24 32 48 64 128 256; do pngs+=("usr/share/icons/hicolor/${size}x${size}/apps/$id.png"); done
expect "$app_deb" usr/bin/nsfw-workbench "usr/share/applications/$id.desktop" \
  "usr/share/icons/hicolor/scalable/apps/$id.svg" "${pngs[@]}" "usr/share/metainfo/$id.metainfo.xml" \
  usr/share/man/man1/nsfw-workbench.1.gz
expect "$model_deb" usr/share/nsfw-workbench/models/mobilenet_v2/model.json \
  usr/share/nsfw-workbench/models/mobilenet_v2/group1-shard1of1 usr/share/nsfw-workbench/models/mobilenet_v2/profile.json \
  usr/share/nsfw-workbench/models/inception_v3/model.json usr/share/nsfw-workbench/models/inception_v3/profile.json \
  usr/share/doc/nsfw-workbench-model/copyright
depends=$(dpkg-deb -f "$app_deb" Depends)
for dep in libtorch libqt6widgets6 libopencv-core libqt6sql6-sqlite; do
  [[ $depends == *"$dep"* ]] || { echo "deb.sh: Depends lacks $dep: $depends" >&2; failed=1; }
done

staged=$(mktemp -d)
trap 'rm -rf "$staged"' EXIT
dpkg-deb -x "$app_deb" "$staged"
desktop-file-validate "$staged/usr/share/applications/$id.desktop" || failed=1
appstreamcli validate --no-net "$staged/usr/share/metainfo/$id.metainfo.xml" || failed=1
# The translations are embedded: the packaged binary answers in German with nothing but itself.
german=$(env -i PATH=/usr/bin:/bin HOME="$staged" LANG=de_DE.UTF-8 "$staged/usr/bin/nsfw-workbench" --help)
[[ $german == Aufruf:* ]] || { echo "deb.sh: the packaged binary has no German translation: ${german%%$'\n'*}" >&2; failed=1; }
((failed == 0)) || exit 1
echo "Contents, desktop entry, metainfo and translations checked"
((install)) || exit 0

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
if ! DEBIAN_FRONTEND=noninteractive $sudo dpkg -i "$app_deb" "$model_deb" >"$build/dpkg.log" 2>&1; then
  echo "dpkg -i left dependencies to install: apt-get -f install"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -f install -y -qq >>"$build/dpkg.log" 2>&1 ||
    { cat "$build/dpkg.log" >&2; echo "deb.sh: the packages do not install" >&2; exit 1; }
fi
for package in nsfw-workbench nsfw-workbench-model; do
  [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) == "install ok installed" ]] ||
    { cat "$build/dpkg.log" >&2; echo "deb.sh: $package is not installed" >&2; exit 1; }
done
/usr/bin/nsfw-workbench --help >/dev/null
# The model from /usr/share alone: an empty home, no model variables, XDG_DATA_DIRS without /usr/share.
home=$(mktemp -d)
scores=$(env -i PATH=/usr/bin:/bin HOME="$home" XDG_DATA_DIRS="$home" \
  /usr/bin/nsfw-workbench predict "$root/resources/icons/hicolor/256x256/apps/$id.png")
rm -rf "$home"
[[ $scores == *'"nsfw":'* ]] || { echo "deb.sh: predict found no model in /usr/share: $scores" >&2; exit 1; }
echo "Installed; /usr/bin/nsfw-workbench --help runs, and predict uses the model in /usr/share: $scores"
