#!/usr/bin/env bash
# ci/test.sh — THE test command (README, .ci/run). Works from any directory.
#
#   1. ci/setup.sh                                   toolchain check / install
#   2. cargo fmt --all -- --check
#   3. cargo clippy --workspace --all-targets -- -D warnings
#   4. cargo test --workspace                        ($TEST_PROFILE, see below)
#   5. cargo build --release --workspace             target/release/roast + runtime library
#   6. ci/samples.sh                                 samples/*.java on java vs roast (ratchet)
#   7. ci/acceptance.sh [ARGS...]                    ../shared/acceptance (ratchet)
#
# Stops at the first failing step with "test.sh: FAILED at step ..." on stderr. When every
# step before it passes, the last line printed is the acceptance summary "N passed, N failed".
# Arguments are passed to ci/acceptance.sh (e.g. --filter lang/).
#
# Environment:
#   TEST_PROFILE=debug|release   profile for `cargo test` (default debug). release shares
#                                its build with step 5, which helps if integration tests
#                                that run compiled programs are slow, but turns off
#                                debug assertions.
#   ACCEPTANCE_DIR               corpus root (default ../shared/acceptance), see acceptance.sh
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=ci/env.sh
source ci/env.sh

TEST_PROFILE="${TEST_PROFILE:-debug}"
case "$TEST_PROFILE" in
    debug) test_flags=() ;;
    release) test_flags=(--release) ;;
    *)
        echo "test.sh: TEST_PROFILE must be debug or release, not '$TEST_PROFILE'" >&2
        exit 2
        ;;
esac

# On CI every build starts from a clean clone: incremental artifacts only cost time there.
if [ "${CI:-}" = true ]; then
    export CARGO_INCREMENTAL=0
fi

# step NAME CMD...: announce, run, stop the whole script on failure.
step() {
    local name="$1" start rc
    shift
    echo "==> $name"
    start=$SECONDS
    if "$@"; then
        echo "==> $name: ok ($((SECONDS - start)) s)"
    else
        rc=$?
        echo "test.sh: FAILED at step '$name' (exit $rc): $*" >&2
        exit 1
    fi
}

step setup bash ci/setup.sh
# Compiled classes are shared through roast's object cache (~/.cache/roast, or
# $ROAST_CACHE_DIR): the first build of a program compiles the reachable part of java.base
# (one to two minutes on 2 cores); later builds of any program reuse it and take seconds.
# The differential tests of step 4 fill the cache with the same release compiler, so the
# samples and acceptance builds are warm. A build that still takes longer than this is cut.
export BUILD_TIMEOUT="${BUILD_TIMEOUT:-300}"
step fmt cargo fmt --all -- --check
step clippy cargo clippy --workspace --all-targets -- -D warnings
step "test ($TEST_PROFILE)" cargo test --workspace "${test_flags[@]}"
step "build (release)" cargo build --release --workspace
step samples bash ci/samples.sh
echo "==> acceptance"
# Last step: acceptance.sh prints the ratchet report and then, as its final line, the
# runner's "N passed, N failed" summary; its exit status is ours.
exec bash ci/acceptance.sh "$@"
