#!/usr/bin/env bash
# Fetches the pinned nsfwjs package with npm and writes its MobileNetV2 (default) and InceptionV3 models
# as standard TF.js Layers files into the user's data folder. Does nothing when they are already there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${NSFW_WORKBENCH_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/nsfw-workbench/models}
npm_dir=${XDG_CACHE_HOME:-$HOME/.cache}/nsfw-workbench/npm
stamp="$data/.nsfwjs-version"
want=$(sed -n 's/.*"nsfwjs": "\(.*\)".*/\1/p' "$here/package.json")

# Each model's profile (input, preprocessing, classes, which make p(nsfw), where its blocks start) beside its
# model.json: the application reads nsfwjs's conventions from there (core/model/modelprofile.h).
profiles() {
  for model in mobilenet_v2 inception_v3; do
    cmp -s "$here/profiles/$model.json" "$data/$model/profile.json" || cp "$here/profiles/$model.json" "$data/$model/profile.json"
  done
}
if [[ -f "$data/mobilenet_v2/model.json" && -f "$data/inception_v3/model.json" && "$(cat "$stamp" 2>/dev/null)" == "$want" \
      && -d "$npm_dir/node_modules/nsfwjs" && -d "$npm_dir/node_modules/pngjs" ]]; then
  profiles
  exit 0
fi
echo "Fetching the pretrained model (nsfwjs $want) with npm ..."
mkdir -p "$npm_dir" "$data"
cp "$here/package.json" "$npm_dir/package.json"
(cd "$npm_dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
for model in mobilenet_v2 inception_v3; do
  node "$here/convert-nsfwjs.js" "$npm_dir/node_modules" "$model" "$data/$model"
done
profiles
echo "$want" > "$stamp"
