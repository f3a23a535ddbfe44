#!/usr/bin/env bash
# ci/bench.sh — roast against HotSpot on the benchmark suite, side by side in one run.
#
# usage: ci/bench.sh [--runs N] [--only NAME[,NAME...]] [--sizes short|long|both] [--no-xint]
#                    [--interp] [--quick] [--out DIR]
#
#   --runs N       runs per program, size and runner (default 5)
#   --only LIST    only these programs of bench/suite.txt (comma-separated names)
#   --sizes S      which sizes of bench/suite.txt to run (default both)
#   --no-xint      leave out `java -Xint`
#   --interp       also build each program with `roast build --interpret-program` (its classes
#                  run in roast's interpreter, the JDK compiled) and run it at the short size
#                  beside `java -Xint`: the interpreter's speed ratio
#   --quick        smoke test: 1 run at the TINY sizes (a few milliseconds of work), no cold
#                  build; checks the script and that every program agrees with java
#   --out DIR      results directory (default bench/results)
#
# What it does, in order:
#   1. ci/setup.sh --bench (gnuplot-nox for the chart), cargo build --release
#   2. javac each bench/programs/NAME.java; roast-build it (warm cache: the build time and
#      binary size of each program are recorded)
#   3. hello world (samples/Hello.java): cold build (empty object cache), warm rebuild, binary
#      size; then runs of roast and java side by side (startup wall time and peak RSS)
#   4. for each program and size: roast, `java`, and (short size only) `java -Xint` run in
#      turn, N times each, under /usr/bin/time (wall seconds, peak RSS). Every run's stdout
#      must equal java's first run; a difference is reported as a failure of that program.
#   5. ci/bench_report.py: OUT/results.md (medians and ratios), OUT/results.png (chart),
#      OUT/runs.tsv (every measurement) and a last line with the geomean ratios.
#
# Sizes come from bench/suite.txt: TINY is for --quick, SHORT is where HotSpot runs 0.1-1 s, LONG where it runs 5 s
# or more on the reference machine; the report flags medians outside those bands. Run it on
# an otherwise idle machine: the numbers are wall times. Exit status: non-zero when a build
# fails or a program's output differs from java's.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"

die() {
    echo "bench.sh: ERROR: $*" >&2
    exit 1
}

runs=5
only=""
sizes=both
xint=1
interp=0
quick=0
out="$REPO/bench/results"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --only) only="${2:?--only needs names}"; shift 2 ;;
        --sizes) sizes="${2:?--sizes needs short, long or both}"; shift 2 ;;
        --no-xint) xint=0; shift ;;
        --interp) interp=1; shift ;;
        --quick) quick=1; shift ;;
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done
case "$runs" in '' | *[!0-9]* | 0) die "--runs needs a positive number, not '$runs'" ;; esac
case "$sizes" in short | long | both) ;; *) die "--sizes must be short, long or both" ;; esac
case "$out" in /*) ;; *) out="$REPO/$out" ;; esac
if [ "$quick" = 1 ]; then
    runs=1
    sizes=short
fi

bash ci/setup.sh --bench >&2
# shellcheck source=ci/env.sh
source ci/env.sh
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS CLASSPATH

echo "==> cargo build --release --workspace" >&2
cargo build --release --workspace >&2 || die "cargo build failed"
ROAST="$REPO/target/release/roast"

work="$REPO/target/bench"
rm -rf -- "$work"
mkdir -p -- "$work" "$out"
runs_tsv="$out/runs.tsv"
builds_tsv="$out/builds.tsv"
printf 'program\tsize\tsize_arg\trunner\trun\twall_s\trss_kb\n' >"$runs_tsv"
printf 'program\tkind\tseconds\tbinary_bytes\n' >"$builds_tsv"
failures=0

# now_s: wall clock in seconds with nanoseconds.
now_s() { date +%s.%N; }

# roast_build NAME CLASSES OUT_BIN [ENV...]: build, print the seconds it took. ROAST_FLAGS
# (an array, default empty) adds build flags.
ROAST_FLAGS=()
roast_build() {
    local name="$1" classes="$2" bin="$3" start end
    shift 3
    start="$(now_s)"
    if ! env "$@" "$ROAST" build ${ROAST_FLAGS[@]+"${ROAST_FLAGS[@]}"} -o "$bin" --main "$name" "$classes" \
        >"$bin.build.log" 2>&1; then
        echo "bench.sh: FAIL $name: roast build failed (log: $bin.build.log)" >&2
        return 1
    fi
    end="$(now_s)"
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'
}

# measure PROGRAM SIZE SIZE_ARG RUNNER RUN CMD...: one timed run, appended to runs.tsv; the
# program's stdout goes to $work/last.out.
measure() {
    local program="$1" size="$2" size_arg="$3" runner="$4" run="$5" start end wall rss
    shift 5
    start="$(now_s)"
    if ! /usr/bin/time -f '%M' -o "$work/time.txt" timeout 900 "$@" >"$work/last.out" 2>"$work/last.err"; then
        echo "bench.sh: FAIL $program ($runner, size $size_arg): exit status non-zero; stderr: $(head -c 300 "$work/last.err")" >&2
        return 1
    fi
    end="$(now_s)"
    wall="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", e - s }')"
    read -r rss <"$work/time.txt"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$program" "$size" "$size_arg" "$runner" "$run" "$wall" "$rss" >>"$runs_tsv"
}

# ---- hello world ---------------------------------------------------------------------------
echo "==> hello world" >&2
mkdir -p "$work/Hello-classes"
javac -d "$work/Hello-classes" samples/Hello.java
if [ "$quick" = 0 ]; then
    cold_cache="$work/cold-cache"
    rm -rf -- "$cold_cache"
    secs="$(roast_build Hello "$work/Hello-classes" "$work/Hello" ROAST_CACHE_DIR="$cold_cache")" || die "hello world build failed"
    printf 'Hello\tcold\t%s\t%s\n' "$secs" "$(stat -c %s "$work/Hello")" >>"$builds_tsv"
    secs="$(roast_build Hello "$work/Hello-classes" "$work/Hello" ROAST_CACHE_DIR="$cold_cache")" || die "hello world build failed"
    printf 'Hello\twarm\t%s\t%s\n' "$secs" "$(stat -c %s "$work/Hello")" >>"$builds_tsv"
    rm -rf -- "$cold_cache"
else
    secs="$(roast_build Hello "$work/Hello-classes" "$work/Hello")" || die "hello world build failed"
    printf 'Hello\twarm\t%s\t%s\n' "$secs" "$(stat -c %s "$work/Hello")" >>"$builds_tsv"
fi
hello_runs=$((runs * 2))
for run in $(seq 1 "$hello_runs"); do
    measure Hello startup - roast "$run" "$work/Hello" || failures=$((failures + 1))
    measure Hello startup - java "$run" java -cp "$work/Hello-classes" Hello || failures=$((failures + 1))
done

# ---- the suite -----------------------------------------------------------------------------
selected() {
    [ -z "$only" ] && return 0
    case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac
}

while read -r name tiny short long; do
    case "$name" in '' | '#'*) continue ;; esac
    selected "$name" || continue
    [ -f "bench/programs/$name.java" ] || die "bench/suite.txt names $name but bench/programs/$name.java is missing"
    echo "==> $name" >&2
    classes="$work/$name-classes"
    mkdir -p "$classes"
    javac -d "$classes" "bench/programs/$name.java" || die "javac failed on bench/programs/$name.java"
    if ! secs="$(roast_build "$name" "$classes" "$work/$name")"; then
        failures=$((failures + 1))
        continue
    fi
    printf '%s\twarm\t%s\t%s\n' "$name" "$secs" "$(stat -c %s "$work/$name")" >>"$builds_tsv"
    if [ "$interp" = 1 ]; then
        ROAST_FLAGS=(--interpret-program)
        roast_build "$name" "$classes" "$work/$name-interp" >/dev/null || failures=$((failures + 1))
        ROAST_FLAGS=()
    fi
    for size in short long; do
        [ "$sizes" = both ] || [ "$sizes" = "$size" ] || continue
        arg="$short"
        [ "$size" = long ] && arg="$long"
        if [ "$quick" = 1 ]; then
            [ "$size" = long ] && continue
            arg="$tiny"
        fi
        runners=(roast java)
        [ "$xint" = 1 ] && [ "$size" = short ] && runners+=(xint)
        [ "$interp" = 1 ] && [ "$size" = short ] && [ -x "$work/$name-interp" ] && runners+=(interp)
        expected=""
        for run in $(seq 1 "$runs"); do
            for runner in "${runners[@]}"; do
                case "$runner" in
                    roast) cmd=("$work/$name" "$arg") ;;
                    java) cmd=(java -cp "$classes" "$name" "$arg") ;;
                    xint) cmd=(java -Xint -cp "$classes" "$name" "$arg") ;;
                    interp) cmd=("$work/$name-interp" "$arg") ;;
                esac
                if ! measure "$name" "$size" "$arg" "$runner" "$run" "${cmd[@]}"; then
                    failures=$((failures + 1))
                    continue
                fi
                if [ -z "$expected" ]; then
                    # The first runner of the first run is roast; java's output is the reference.
                    [ "$runner" = java ] && expected="$work/$name.$size.expected" && cp "$work/last.out" "$expected"
                    [ "$runner" = roast ] && cp "$work/last.out" "$work/$name.$size.roast-first"
                elif ! cmp -s "$expected" "$work/last.out"; then
                    echo "bench.sh: FAIL $name ($runner, size $arg): stdout differs from java's" >&2
                    failures=$((failures + 1))
                fi
            done
        done
        if [ -n "$expected" ] && [ -f "$work/$name.$size.roast-first" ] \
            && ! cmp -s "$expected" "$work/$name.$size.roast-first"; then
            echo "bench.sh: FAIL $name (roast, size $arg): stdout differs from java's" >&2
            failures=$((failures + 1))
        fi
    done
done <bench/suite.txt

python3 ci/bench_report.py --runs "$runs_tsv" --builds "$builds_tsv" --out "$out" --failures "$failures"
[ "$failures" = 0 ] || die "$failures failure(s); see the FAIL lines above"
