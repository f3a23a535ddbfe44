#!/usr/bin/env bash
# ci/repeat.sh — flake hunt: acceptance programs built once and run many times.
#
# usage: ci/repeat.sh [--runs N] [--filter STR]... [--env VAR=VALUE]... [--reuse DIR --results FILE]
#                     [CORPUS_DIR]
#
#   --runs N          runs of each executable (default 20), the first one being the acceptance
#                     runner's own (with --reuse, all N are reruns)
#   --filter STR      programs whose id "category/Name" contains STR; repeat it to select
#                     several groups (default thr/)
#   --env VAR=VALUE   environment of the reruns (repeatable), e.g. ROAST_GC_STRESS=20000 to
#                     rerun the programs in the collector's stress mode
#   --reuse DIR       do not build: rerun the executables that an earlier
#                     `run.sh --keep DIR` left there (CI's acceptance run); needs
#   --results FILE    that run's output: only programs it reports as PASS are rerun
#   CORPUS_DIR        default ../shared/acceptance
#
# Without --reuse the acceptance runner builds and checks every selected program once
# (--keep target/repeat). Then each program that passed runs again (N-1 times, or N with
# --reuse) with the same arguments, stdin and working directory, and must give the same
# stdout, exit code and (on failure) first stderr line as `java` did. Prints one line per
# program ("PASS cat/Name: N/N runs" or the first difference) and exits non-zero when any run
# differs. Environment: ROAST (default target/release/roast), RUN_TIMEOUT (default 10 s per
# run).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
# shellcheck source=ci/env.sh
source ci/env.sh
runs=20
filters=()
run_env=()
reuse=""
results=""
corpus="$REPO/../shared/acceptance"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --filter) filters+=("${2:?--filter needs a string}"); shift 2 ;;
        --env)
            case "${2:-}" in
                [A-Za-z_]*=*) run_env+=("$2") ;;
                *) echo "repeat.sh: --env needs VAR=VALUE" >&2; exit 2 ;;
            esac
            shift 2 ;;
        --reuse) reuse="${2:?--reuse needs a directory}"; shift 2 ;;
        --results) results="${2:?--results needs a file}"; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "repeat.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
        *) corpus="$1"; shift ;;
    esac
done
case "$runs" in '' | *[!0-9]* | 0) echo "repeat.sh: --runs needs a positive number" >&2; exit 2 ;; esac
[ ${#filters[@]} -gt 0 ] || filters=(thr/)
if [ -n "$reuse" ] && { [ -z "$results" ] || [ ! -f "$results" ] || [ ! -d "$reuse" ]; }; then
    echo "repeat.sh: --reuse needs an existing directory and --results FILE of that run" >&2
    exit 2
fi
ROAST="${ROAST:-$REPO/target/release/roast}"
RUN_TIMEOUT="${RUN_TIMEOUT:-10}"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS CLASSPATH

# selected ID: does the program id match one of the filters?
selected() {
    local f
    for f in "${filters[@]}"; do
        case "$1" in *"$f"*) return 0 ;; esac
    done
    return 1
}

if [ -n "$reuse" ]; then
    keep="$(cd -- "$reuse" && pwd)"
    first_runs=0
    listing="$(mktemp)"
    trap 'rm -f -- "$listing"' EXIT
    grep -E '^(PASS|FAIL) [a-z]+/[A-Za-z0-9_]+' "$results" >"$listing" || true
else
    keep="$REPO/target/repeat"
    first_runs=1
    rm -rf -- "$keep"
    listing="$keep.first"
    for f in "${filters[@]}"; do
        bash "$corpus/run.sh" --roast "$ROAST" --filter "$f" --keep "$keep" "$corpus" || true
    done | tee "$listing"
fi

# header VALUE KEY FILE: the value of the `// KEY:` line in the leading comment of FILE.
header() {
    awk -v key="$1" '
        !/^\/\// { exit }
        { line = $0; sub(/^\/\/ */, "", line) }
        index(line, key ":") == 1 { sub(/^[^:]*: */, "", line); print line; exit }' "$2"
}

first_err_line() {
    grep -v '^Picked up ' "$1" | head -n 1 || true
}

failed=0
while read -r status id _; do
    [ "$status" = PASS ] || continue
    selected "$id" || continue
    category="${id%%/*}"
    name="${id#*/}"
    work="$keep/$category/$name"
    source_file="$corpus/$category/$name.java"
    args=()
    argline="$(header args "$source_file")"
    if [ -n "$argline" ]; then
        while IFS= read -r -d '' a; do
            args+=("${a//@PLUGINS@/$work/plugins}")
        done < <(printf '%s\n' "$argline" | xargs -r printf '%s\0')
    fi
    input=/dev/null
    stdin_name="$(header stdin "$source_file")"
    [ -n "$stdin_name" ] && input="$corpus/$category/$stdin_name"
    expected_rc=$(header exit "$source_file")
    expected_rc="${expected_rc:-0}"
    expected_err="$(first_err_line "$work/expected.err")"
    ok=1
    for run in $(seq $((1 + first_runs)) "$runs"); do
        rc=0
        (cd -- "$work" && env ${run_env[@]+"${run_env[@]}"} \
            timeout -k 2 "$RUN_TIMEOUT" "$work/bin" ${args[@]+"${args[@]}"} \
            < "$input" > "$work/repeat.out" 2> "$work/repeat.err") || rc=$?
        why=""
        if [ "$rc" != "$expected_rc" ]; then
            why="exit code $rc, expected $expected_rc"
        elif ! cmp -s "$work/expected.out" "$work/repeat.out"; then
            why="stdout differs: $(diff "$work/expected.out" "$work/repeat.out" | head -n 3 | tr '\n' ' ')"
        elif [ "$rc" != 0 ] && [ "$(first_err_line "$work/repeat.err")" != "$expected_err" ]; then
            why="stderr first line: $(first_err_line "$work/repeat.err")"
        fi
        if [ -n "$why" ]; then
            echo "FAIL $id: run $run of $runs: $why"
            cp -- "$work/repeat.out" "$work/failed-run-$run.out"
            cp -- "$work/repeat.err" "$work/failed-run-$run.err"
            ok=0
            failed=$((failed + 1))
            break
        fi
    done
    [ "$ok" = 1 ] && echo "PASS $id: $runs/$runs runs"
done < "$listing"
first_failures=0
[ -n "$reuse" ] || first_failures=$(grep -c '^FAIL' "$listing" || true)
echo "repeat.sh: $((failed + first_failures)) program(s) failed; work directories in $keep"
[ "$failed" = 0 ] && [ "$first_failures" = 0 ]
