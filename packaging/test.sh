#!/usr/bin/env bash
# Set up (packages, model, build) if needed, then run the whole test suite through CTest.
#
#   bash packaging/test.sh [--sanitize] [CTEST ARGS...]
#
# --sanitize (what CI runs) then also builds, checks and installs the Debian packages (packaging/deb.sh --install), and
# builds and runs the suite with AddressSanitizer + UndefinedBehaviorSanitizer
# (build-asan/, every test; benchmarks and screenshot programs are not built), the tests that do not load LibTorch with ThreadSanitizer (build-tsan/), and the
# TF.js loader's fuzzer for a fixed time (packaging/fuzz.sh). Any sanitizer report fails the run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=0
ctest_args=()
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=1 ;;
    *) ctest_args+=("$arg") ;;
  esac
done

started=$SECONDS
bash "$root/packaging/setup.sh"

# One throwaway PostgreSQL server for every stage (packaging/pgtest.sh): the tests make fresh databases on it
# (testsupport's freshPostgresDatabase) and a benchmark may restart it (pgtest.sh restart "$NSFW_TEST_PG_DIR").
# It is stopped and its folder removed however the run ends: success, failure, Ctrl-C or kill.
pg_dir=""
stop_postgres() {
  [[ -z $pg_dir ]] || bash "$root/packaging/pgtest.sh" stop "$pg_dir" || true
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
# Under /tmp, not $TMPDIR: the server's user must reach it and its socket path must stay short.
pg_dir=$(mktemp -d /tmp/nsfw-pgtest.XXXXXX)
NSFW_TEST_PG=$(bash "$root/packaging/pgtest.sh" start "$pg_dir")
export NSFW_TEST_PG NSFW_TEST_PG_DIR="$pg_dir"

# Tests run side by side, one per core; those that restart the server or count on a clock have RUN_SERIAL.
jobs=$(nproc)
cd "${NSFW_BUILD_DIR:-$root/build}"
ctest -j "$jobs" --output-on-failure --timeout 900 "${ctest_args[@]}"
echo "== release build and tests: $((SECONDS - started)) s"
((sanitize)) || exit 0

# The Debian packages (packaging/deb.sh): cpack -G DEB, the listing, desktop-file-validate, appstreamcli validate,
# then installed with dpkg -i (they stay installed) and /usr/bin/nsfw-workbench --help run.
step=$SECONDS
bash "$root/packaging/deb.sh" --install --no-setup
echo "== package: $((SECONDS - step)) s"

export CCACHE_BASEDIR="$root"
# QtTest stops a test function after 5 minutes; the sanitizers' slowdown must not make that a failure.
export QTEST_FUNCTION_TIMEOUT=1800000
# One sanitized build: -O1 with line tables, so reports name files and lines and the suite still runs quickly.
sanitized_build() {
  local kind=$1 dir=$2
  shift 2
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DNSFW_SANITIZE="$kind" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
  cmake --build "$dir" -j "$(nproc)" "$@"
}

supp="$root/packaging/sanitizers"
step=$SECONDS
sanitized_build address "$root/build-asan"
(
  cd "$root/build-asan"
  # Leaks are not checked: Qt, OpenCV and LibTorch keep process-lifetime allocations that LeakSanitizer reports.
  export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=0:$(
    [[ -f $supp/asan.supp ]] && echo "suppressions=$supp/asan.supp")"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
  export NSFW_TEST_TIME_FACTOR=4
  ctest -j "$jobs" --output-on-failure --timeout 1800 "${ctest_args[@]}"
)
echo "== AddressSanitizer + UndefinedBehaviorSanitizer: $((SECONDS - step)) s"

step=$SECONDS
# ThreadSanitizer: the tests that load neither LibTorch (its OpenMP pool is not instrumented) nor the window's thread
# pools and queued signals, whose hand-offs happen inside Qt (not built with ThreadSanitizer, so every one of them
# would be reported). The import's decoding threads are std::async threads, which it sees whole: in process
# (tst_importer) and in the `import` and `label` children tst_crashsafety kills. tst_cli is not run here (5 minutes
# under ThreadSanitizer): its commands' threads are that import's and common/parallel.h's, the same std::async hand-off.
tsan_tests=(tst_ownedfolder tst_projectdatabase tst_labelstore tst_runstore tst_crashsafety tst_importer
            nsfw-workbench)
sanitized_build thread "$root/build-tsan" --target "${tsan_tests[@]}"
(
  cd "$root/build-tsan"
  # die_after_fork=0: QProcess forks from a multi-threaded test and the child execs at once.
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$supp/tsan.supp"
  export NSFW_TEST_TIME_FACTOR=6
  ctest -j "$jobs" --output-on-failure --timeout 1800 -R "^($(IFS='|'; echo "${tsan_tests[*]}"))\$" "${ctest_args[@]}"
)
echo "== ThreadSanitizer: $((SECONDS - step)) s"

step=$SECONDS
bash "$root/packaging/fuzz.sh" --seconds 60
echo "== fuzzing the TF.js loader: $((SECONDS - step)) s"
echo "== all: $((SECONDS - started)) s"
