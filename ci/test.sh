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
#   8. ci/repeat.sh --reuse ...                      the passing programs again, in the
#                                                    collector's stress mode
#
# Stops at the first failing step with "test.sh: FAILED at step ..." on stderr. When every
# step before it passes, the last line printed is the acceptance summary "N passed, N failed"
# (repeated after step 8).
# Arguments are passed to ci/acceptance.sh (e.g. --filter lang/).
#
# Environment:
#   TEST_PROFILE=debug|release   profile for `cargo test` (default debug). release shares
#                                its build with step 5, which helps if integration tests
#                                that run compiled programs are slow, but turns off
#                                debug assertions.
#   ACCEPTANCE_DIR               corpus root (default ../shared/acceptance), see acceptance.sh
#   GC_STRESS_EVERY=N            step 8 collects every N allocations of a thread (default 100;
#                                gc/ programs, which allocate hundreds of millions of objects,
#                                use 2,000 times N); 0 skips step 8
#   GC_STRESS_TIMEOUT=S          per-run limit in step 8 (default 120 s: every collection
#                                also runs the heap verifier over the live set)
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
# acceptance.sh prints the ratchet report and then the runner's "N passed, N failed" summary.
# The executables stay in $work for step 8, which reruns them without building again.
work=target/acceptance-work
rm -rf -- "$work"
acceptance_rc=0
bash ci/acceptance.sh --keep "$work" "$@" || acceptance_rc=$?
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' target/acceptance.log | tail -n 1 || true)"
stress_rc=0
every="${GC_STRESS_EVERY:-100}"
if [ "$acceptance_rc" = 0 ] && [ "$every" != 0 ]; then
    for group in "lang/ lib/ exc/ thr/ refl/ dyn/:$every" "gc/:$((every * 2000))"; do
        filters=()
        for f in ${group%%:*}; do filters+=(--filter "$f"); done
        echo "==> gc stress: ${group%%:*} with ROAST_GC_STRESS=${group##*:}"
        RUN_TIMEOUT="${GC_STRESS_TIMEOUT:-120}" bash ci/repeat.sh --reuse "$work" \
            --results target/acceptance.log --runs 1 "${filters[@]}" \
            --env "ROAST_GC_STRESS=${group##*:}" || stress_rc=1
    done
    [ "$stress_rc" = 0 ] || echo "test.sh: FAILED at step 'gc stress' (work directories in $work)" >&2
fi
[ "$acceptance_rc$stress_rc" = 00 ] && rm -rf -- "$work"
echo "$summary"
[ "$acceptance_rc" = 0 ] && [ "$stress_rc" = 0 ]
