#!/usr/bin/env bash
# ci/repeat.sh — flake hunt: acceptance programs built once and run many times.
#
# usage: ci/repeat.sh [--runs N] [--filter STR] [CORPUS_DIR]
#
#   --runs N       runs of each executable (default 20), the first one being the acceptance
#                  runner's own
#   --filter STR   programs whose id "category/Name" contains STR (default thr/)
#   CORPUS_DIR     default ../shared/acceptance
#
# The acceptance runner builds and checks every selected program once (--keep); then each
# program that passed runs N-1 more times with the same arguments, stdin and working
# directory, and must give the same stdout, exit code and (on failure) first stderr line as
# `java` did. Prints one line per program ("PASS cat/Name: N/N runs" or the first difference)
# and exits non-zero when any run differs. Environment: ROAST (default
# target/release/roast), RUN_TIMEOUT (default 10 s per run).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
# shellcheck source=ci/env.sh
source ci/env.sh
runs=20
filter=thr/
corpus="$REPO/../shared/acceptance"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --filter) filter="${2:?--filter needs a string}"; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "repeat.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
        *) corpus="$1"; shift ;;
    esac
done
case "$runs" in '' | *[!0-9]* | 0) echo "repeat.sh: --runs needs a positive number" >&2; exit 2 ;; esac
ROAST="${ROAST:-$REPO/target/release/roast}"
RUN_TIMEOUT="${RUN_TIMEOUT:-10}"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS CLASSPATH

keep="$REPO/target/repeat"
rm -rf -- "$keep"
bash "$corpus/run.sh" --roast "$ROAST" --filter "$filter" --keep "$keep" "$corpus" | tee "$keep.first" || true

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
    for run in $(seq 2 "$runs"); do
        rc=0
        (cd -- "$work" && timeout -k 2 "$RUN_TIMEOUT" "$work/bin" ${args[@]+"${args[@]}"} \
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
done < "$keep.first"
first_failures=$(grep -c '^FAIL' "$keep.first" || true)
echo "repeat.sh: $((failed + first_failures)) program(s) failed; work directories in $keep"
[ "$failed" = 0 ] && [ "$first_failures" = 0 ]
