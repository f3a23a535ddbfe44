#!/usr/bin/env bash
# ci/gc-bench.sh — the garbage collector's benchmark, side by side with HotSpot (not part of
# ci/test.sh: timings need a quiet machine).
#
#   1. ci/bench/BinaryTreesBench.java (depth 18) and every ../shared/acceptance/gc/*.java:
#      wall time and peak RSS (/usr/bin/time) of `java -cp` and of the roast executable, with
#      the ratios roast/java (bars: time <= 1.0, RSS <= 0.5).
#   2. ci/bench/LiveSetChurn.java (10 MB live set, continuous allocation) under -Xmx32m for
#      FLAT_SECONDS (default 60): the roast executable's RSS sampled every second after a
#      5 s warm-up; max/min must stay within 20%.
#
# Environment: ROAST (default target/release/roast), ACCEPTANCE_DIR (default
# ../shared/acceptance), FLAT_SECONDS, REPEAT (runs per program, best time kept; default 1).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
ROAST="${ROAST:-$REPO/target/release/roast}"
ACC="${ACCEPTANCE_DIR:-$REPO/../shared/acceptance}"
FLAT_SECONDS="${FLAT_SECONDS:-60}"
REPEAT="${REPEAT:-1}"
WORK="$REPO/target/gc-bench"
rm -rf -- "$WORK" && mkdir -p -- "$WORK/classes"
javac -d "$WORK/classes" ci/bench/*.java "$ACC"/gc/*.java

# measure CMD...: prints "seconds peak_kib" of the best of REPEAT runs.
measure() {
    local best_t="" best_m="" t m
    for _ in $(seq "$REPEAT"); do
        /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
        read -r t m < "$WORK/time"
        if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; best_m=$m; fi
    done
    echo "$best_t $best_m"
}

printf '%-22s %9s %9s %10s %10s %7s %7s\n' program java_s roast_s java_MiB roast_MiB time_x rss_x
programs=(BinaryTreesBench)
for f in "$ACC"/gc/*.java; do programs+=("$(basename "$f" .java)"); done
for p in "${programs[@]}"; do
    "$ROAST" build -o "$WORK/$p" --main "$p" "$WORK/classes" >"$WORK/$p.build.log" 2>&1
    read -r jt jm < <(measure java -cp "$WORK/classes" "$p")
    read -r rt rm < <(measure "$WORK/$p")
    awk -v p="$p" -v jt="$jt" -v rt="$rt" -v jm="$jm" -v rm="$rm" 'BEGIN{
        printf "%-22s %9.2f %9.2f %10.1f %10.1f %7.2f %7.2f\n", p, jt, rt, jm/1024, rm/1024, rt/jt, rm/jm }'
done

echo "flat RSS: LiveSetChurn under -Xmx32m for ${FLAT_SECONDS}s"
"$ROAST" build -o "$WORK/LiveSetChurn" --main LiveSetChurn "$WORK/classes" >"$WORK/flat.build.log" 2>&1
ROAST_OPTS=-Xmx32m "$WORK/LiveSetChurn" "$FLAT_SECONDS" >"$WORK/flat.out" &
pid=$!
samples=()
for s in $(seq "$FLAT_SECONDS"); do
    sleep 1
    rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$rss" ] || break
    [ "$s" -gt 5 ] && samples+=("$rss")
done
wait "$pid"
cat "$WORK/flat.out"
# (An empty sample list still prints one empty line: only lines with a number count.)
printf '%s\n' "${samples[@]}" | awk 'NF == 0 { next } { n++; if (n == 1 || $1 < min) min = $1; if ($1 > max) max = $1 }
    END { if (n == 0 || min == 0) { print "RSS: no samples after the 5 s warm-up (FLAT_SECONDS too small?)"; exit 1 }
          printf "RSS KiB min %d max %d ratio %.3f: %s\n", min, max, max / min, (max <= 1.2 * min) ? "flat" : "NOT FLAT"; exit !(max <= 1.2 * min) }'
