#!/usr/bin/env bash
# ci/samples.sh — differential test of samples/*.java: HotSpot vs the roast executable.
#
# For each sample NAME: javac -d target/samples/NAME-classes, run `java -cp ... NAME` for the
# expected stdout and exit status (a sample must compile and exit 0 on the JVM, or it is a
# broken sample: always a failure), `roast build -o target/samples/NAME --main NAME`, run the
# executable, compare stdout bytes and exit status. Prints "PASS NAME" / "FAIL NAME: reason"
# per sample and, last, "N passed, N failed".
#
# RATCHET: samples listed in ci/samples-ratchet.txt (one NAME per line, '#' comments) are known
# not to work with roast yet: their roast failures are reported but do not fail this script;
# listed samples that pass are reported under "NOW PASSING (remove from ...)".
# Exit status: 0 unless a sample outside the ratchet failed.
#
# Environment: ROAST (default <repo>/target/release/roast; build it first with
# `cargo build --release --workspace`), RATCHET_FILE (default <repo>/ci/samples-ratchet.txt),
# RUN_TIMEOUT (seconds, default 10), BUILD_TIMEOUT (seconds, default 600).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
# shellcheck source=ci/env.sh
source ci/env.sh

ROAST="${ROAST:-$REPO/target/release/roast}"
RATCHET_FILE="${RATCHET_FILE:-$REPO/ci/samples-ratchet.txt}"
RATCHET_NAME="${RATCHET_FILE#"$REPO"/}"
RUN_TIMEOUT="${RUN_TIMEOUT:-10}"
BUILD_TIMEOUT="${BUILD_TIMEOUT:-600}"
OUT="$REPO/target/samples"
mkdir -p -- "$OUT"

# Same fixed environment as the acceptance runner.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS CLASSPATH

declare -A listed=()
if [ -f "$RATCHET_FILE" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line%%#*}"
        line="${line//[[:space:]]/}"
        [ -z "$line" ] || listed[$line]=1
    done <"$RATCHET_FILE"
fi
if [ ! -x "$ROAST" ]; then
    echo "samples.sh: warning: $ROAST not found; run: cargo build --release --workspace" >&2
fi

passed=0
failed=0
new_failures=()
now_passing=()

pass() {
    passed=$((passed + 1))
    echo "PASS $1"
    if [ -n "${listed[$1]+x}" ]; then now_passing+=("$1"); fi
}
# fail NAME REASON [hard]: "hard" failures (a broken sample) ignore the ratchet.
fail() {
    failed=$((failed + 1))
    if [ -n "${listed[$1]+x}" ] && [ "${3:-}" != hard ]; then
        echo "FAIL $1: $2 (known: listed in $RATCHET_NAME)"
    else
        echo "FAIL $1: $2"
        new_failures+=("$1")
    fi
}

# describe_diff EXPECTED ACTUAL: "stdout differs at line N: expected '...' got '...'".
describe_diff() {
    local msg n
    msg="$(cmp -- "$1" "$2" 2>&1 | head -n 1)"
    n="$(printf '%s\n' "$msg" | sed -n 's/.* line \([0-9][0-9]*\).*/\1/p')"
    [ -n "$n" ] || n=0
    case "$msg" in *EOF*) n=$((n + 1)) ;; esac
    printf "stdout differs at line %s: expected '%s' got '%s'" "$n" \
        "$(sed -n "${n}p" "$1" | cut -c 1-100)" "$(sed -n "${n}p" "$2" | cut -c 1-100)"
}

for src in samples/*.java; do
    name="$(basename -- "$src" .java)"
    classes="$OUT/$name-classes"
    exe="$OUT/$name"
    rm -rf -- "$classes" "$exe" "$OUT/$name".*
    mkdir -p -- "$classes"
    if ! javac -encoding UTF-8 -d "$classes" "$src" >"$OUT/$name.javac.log" 2>&1; then
        fail "$name" "javac failed: $(head -n 1 "$OUT/$name.javac.log")" hard
        continue
    fi
    exp_rc=0
    (cd -- "$OUT" && timeout -k 2 "$RUN_TIMEOUT" java -cp "$classes" "$name" \
        </dev/null >"$OUT/$name.expected.out" 2>"$OUT/$name.expected.err") || exp_rc=$?
    if [ "$exp_rc" -ne 0 ]; then
        fail "$name" "java run exited $exp_rc (samples must exit 0): $(head -n 1 "$OUT/$name.expected.err")" hard
        continue
    fi
    build_rc=0
    timeout -k 5 "$BUILD_TIMEOUT" "$ROAST" build -o "$exe" --main "$name" "$classes" \
        </dev/null >"$OUT/$name.build.log" 2>&1 || build_rc=$?
    if [ "$build_rc" -ne 0 ] || [ ! -x "$exe" ]; then
        fail "$name" "roast build failed (exit $build_rc): $(head -n 1 "$OUT/$name.build.log")"
        continue
    fi
    got_rc=0
    (cd -- "$OUT" && timeout -k 2 "$RUN_TIMEOUT" "$exe" \
        </dev/null >"$OUT/$name.actual.out" 2>"$OUT/$name.actual.err") || got_rc=$?
    if [ "$got_rc" -ne "$exp_rc" ]; then
        fail "$name" "exit code $exp_rc vs $got_rc"
    elif ! cmp -s -- "$OUT/$name.expected.out" "$OUT/$name.actual.out"; then
        fail "$name" "$(describe_diff "$OUT/$name.expected.out" "$OUT/$name.actual.out")"
    else
        pass "$name"
    fi
done

if [ ${#now_passing[@]} -gt 0 ]; then
    echo "NOW PASSING (remove from $RATCHET_NAME):"
    printf '  %s\n' "${now_passing[@]}"
fi
if [ ${#new_failures[@]} -gt 0 ]; then
    echo "NEW FAILURES (not in $RATCHET_NAME): ${new_failures[*]}"
fi
echo "$passed passed, $failed failed"
[ ${#new_failures[@]} -eq 0 ]
