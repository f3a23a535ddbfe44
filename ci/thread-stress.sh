#!/usr/bin/env bash
# ci/thread-stress.sh — the threads stress test (not part of ci/test.sh: it runs for a minute).
#
#   1. aot/tests/java/threads/ThreadStress.java is compiled and built with roast.
#   2. The fixed workload (no arguments) runs on java and on the roast executable: stdout
#      must be identical (this is also what `cargo test --test threads` checks).
#   3. The timed workload runs on the roast executable for SECONDS (default 60): 4 producer
#      and 4 consumer threads allocate, lock (monitors, ReentrantLock), and exchange items
#      through a bounded queue; the program checks every total itself and exits 1 on a
#      mismatch. ROAST_GC_LOG=1 counts the collections that happened meanwhile; the run
#      fails if there were none (the test must exercise GC across threads).
#
# usage: ci/thread-stress.sh [SECONDS]
# Environment: ROAST (default target/release/roast), ROAST_OPTS (default -Xmx64m, a small
# heap so that collections are frequent).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
# shellcheck source=ci/env.sh
source ci/env.sh
SECONDS_TO_RUN="${1:-60}"
case "$SECONDS_TO_RUN" in '' | *[!0-9]*) echo "thread-stress.sh: SECONDS must be a number" >&2; exit 2 ;; esac
ROAST="${ROAST:-$REPO/target/release/roast}"
[ -x "$ROAST" ] || { echo "thread-stress.sh: $ROAST not found: run cargo build --release" >&2; exit 1; }
WORK="$REPO/target/thread-stress"
rm -rf -- "$WORK" && mkdir -p -- "$WORK/classes"
javac -d "$WORK/classes" aot/tests/java/threads/ThreadStress.java
"$ROAST" build -o "$WORK/ThreadStress" --main ThreadStress "$WORK/classes" >/dev/null

java -cp "$WORK/classes" ThreadStress > "$WORK/java.out"
"$WORK/ThreadStress" > "$WORK/roast.out"
if ! cmp -s "$WORK/java.out" "$WORK/roast.out"; then
    echo "thread-stress.sh: FAIL: fixed workload differs from java:" >&2
    diff "$WORK/java.out" "$WORK/roast.out" >&2 || true
    exit 1
fi
echo "fixed workload: same output as java ($(tail -1 "$WORK/roast.out"))"

export ROAST_OPTS="${ROAST_OPTS:--Xmx64m}"
start=$(date +%s.%N)
status=0
ROAST_GC_LOG=1 /usr/bin/time -f "%e s wall, %U s user, %M KiB peak RSS" -o "$WORK/time" \
    "$WORK/ThreadStress" seconds "$SECONDS_TO_RUN" > "$WORK/timed.out" 2> "$WORK/gc.log" || status=$?
end=$(date +%s.%N)
collections=$(grep -c '^\[gc\] [0-9]' "$WORK/gc.log" || true)
max_pause_us=$(awk '/^\[gc\] [0-9]/ { if ($5 > m) m = $5 } END { print m + 0 }' "$WORK/gc.log")
cat "$WORK/timed.out"
echo "timed workload ($SECONDS_TO_RUN s, ROAST_OPTS=$ROAST_OPTS): exit $status, $collections collections (longest pause $((max_pause_us / 1000)) ms), $(cat "$WORK/time")"
if [ "$status" != 0 ] || ! grep -qx "all totals exact" "$WORK/timed.out"; then
    echo "thread-stress.sh: FAIL: the timed workload did not end with exact totals" >&2
    exit 1
fi
if [ "$collections" -eq 0 ]; then
    echo "thread-stress.sh: FAIL: no garbage collection ran during the stress test" >&2
    exit 1
fi
awk -v s="$start" -v e="$end" 'BEGIN { printf "thread-stress.sh: PASS in %.1f s\n", e - s }'
