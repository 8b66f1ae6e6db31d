#!/usr/bin/env bash
# Builds the libFuzzer target for the TF.js loader with clang (ASan + UBSan) and runs it for a fixed time over a
# copy of tests/model/fuzz/corpus. Exits non-zero on any crash, leak, timeout, out-of-memory or sanitizer report,
# printing the input that caused it.
#
#   packaging/fuzz.sh [--seconds N] [--build-dir DIR]
#
# The build dir defaults to build-fuzz/ beside build/ (or NSFW_FUZZ_BUILD_DIR). New inputs the fuzzer finds go to
# DIR/fuzz-run/corpus, never into the repository. Needs clang and libclang-rt-14-dev (packaging/setup.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${NSFW_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=60

while (($#)); do
  case $1 in
    --seconds) seconds=${2:-}; shift 2 ;;
    --build-dir) build=${2:-}; shift 2 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz.sh: --seconds needs a positive whole number" >&2
  exit 2
fi
for tool in clang++ cmake ninja; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing (run packaging/setup.sh)" >&2; exit 2; }
done

# ccache makes a rebuild of an unchanged loader take seconds; CCACHE_BASEDIR keeps the cache valid across checkouts.
export CCACHE_BASEDIR=$root
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

start=$SECONDS
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER=clang++ -DNSFW_BUILD_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz_tfjsloader
echo "fuzz.sh: build took $((SECONDS - start)) s"

run=$build/fuzz-run
rm -rf "$run"
mkdir -p "$run/corpus" "$run/artifacts"
cp "$root"/tests/model/fuzz/corpus/* "$run/corpus/"

# -timeout: the loader's limits (core/model/modellimits.h) bound one input's dry run: under a second in a release
# build, but the worst accepted work (the seed malformed-element-wise-layers.json: 21 ReLUs over 50 M values) takes
# 20-40 s here, where AddressSanitizer's allocator maps and fills every 200 MB activation. 120 s is a hang; slower
# units are reported (-report_slow_units) only from there, so a slow but finite seed is no finding.
# -malloc_limit_mb: no single tensor a model may ask for exceeds 256 MiB. -rss_limit_mb: a dry run holds a few of
# those at once, and ASan keeps freed memory in quarantine for a while. -max_len: bigger than every seed.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
set +e
"$build/tests/fuzz_tfjsloader" -max_total_time="$seconds" -timeout=120 -report_slow_units=120 -rss_limit_mb=4096 \
  -malloc_limit_mb=1024 \
  -max_len=8192 -print_final_stats=1 -artifact_prefix="$run/artifacts/" "$run/corpus" >"$run/fuzz.log" 2>&1
status=$?
set -e
# The progress lines are in the log; show the start, the errors and the final figures.
grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$run/fuzz.log" | tail -n 60

found=$(find "$run/artifacts" -type f | sort)
if ((status != 0)) || [[ -n $found ]] || grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$run/fuzz.log"; then
  echo "fuzz.sh: FAILED (exit status $status); log: $run/fuzz.log" >&2
  for f in $found; do
    echo "fuzz.sh: input that fails: $f (reproduce: $build/tests/fuzz_tfjsloader $f)" >&2
  done
  exit 1
fi
echo "fuzz.sh: no crash in ${seconds} s; total $((SECONDS - start)) s; log: $run/fuzz.log"
