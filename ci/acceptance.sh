#!/usr/bin/env bash
# ci/acceptance.sh — run the shared acceptance corpus against roast, with a ratchet.
#
# usage: ci/acceptance.sh [--update-ratchet] [RUNNER OPTIONS...]
#   RUNNER OPTIONS (--filter STR, --keep DIR, ...) go to the runner unchanged:
#       $ACCEPTANCE_DIR/run.sh --roast $ROAST RUNNER_OPTIONS... $ACCEPTANCE_DIR
#   --update-ratchet   rewrite the ratchet file from this run's results: programs that ran and
#                      failed are listed, programs that ran and passed are removed, entries for
#                      programs that did not run (filtered out, skipped) are kept, entries for
#                      programs no longer in the corpus are dropped. Never fails on a ratchet
#                      difference (it still fails when the runner gives no summary).
#
# RATCHET: ci/acceptance-ratchet.txt lists, one "category/Name" per line ('#' starts a
# comment), the programs known not to pass yet. This script
#   - FAILS when a program that is not listed fails (printed under "NEW FAILURES:"),
#   - reports listed programs that passed under "NOW PASSING (remove from ...)" (not a failure),
#   - FAILS when the runner's "N passed, N failed" summary line is missing.
# The runner's output is shown live and saved to target/acceptance.log. The last line printed
# is the runner's summary line, copied exactly.
#
# Environment:
#   ACCEPTANCE_DIR  corpus root holding run.sh and <category>/<Name>.java
#                   (default: <repo>/../shared/acceptance)
#   ROAST           compiler under test (default: <repo>/target/release/roast)
#   RATCHET_FILE    ratchet file (default: <repo>/ci/acceptance-ratchet.txt)
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
# shellcheck source=ci/env.sh
source ci/env.sh

die() {
    echo "acceptance.sh: ERROR: $*" >&2
    exit 1
}

UPDATE=0
runner_args=()
for arg in "$@"; do
    case "$arg" in
        --update-ratchet) UPDATE=1 ;;
        *) runner_args+=("$arg") ;;
    esac
done

ACC="${ACCEPTANCE_DIR:-$REPO/../shared/acceptance}"
[ -f "$ACC/run.sh" ] || die "acceptance runner not found: $ACC/run.sh (set ACCEPTANCE_DIR to the corpus root)"
ACC="$(cd -- "$ACC" && pwd)"
ROAST="${ROAST:-$REPO/target/release/roast}"
RATCHET_FILE="${RATCHET_FILE:-$REPO/ci/acceptance-ratchet.txt}"
RATCHET_NAME="${RATCHET_FILE#"$REPO"/}"
LOG="$REPO/target/acceptance.log"
mkdir -p -- "$REPO/target"

# ---- ratchet ----------------------------------------------------------------------------
declare -A listed=() listed_line=()
if [ -f "$RATCHET_FILE" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        id="${line%%#*}"
        id="${id//[[:space:]]/}"
        [ -n "$id" ] || continue
        listed[$id]=1
        # keep the line (with any trailing comment) for --update-ratchet
        listed_line[$id]="$(printf '%s' "$line" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')"
    done <"$RATCHET_FILE"
else
    echo "acceptance.sh: note: no ratchet file $RATCHET_NAME; every failure counts" >&2
fi

# ---- run --------------------------------------------------------------------------------
echo "acceptance: $ACC/run.sh --roast $ROAST ${runner_args[*]} $ACC"
set +e
bash "$ACC/run.sh" --roast "$ROAST" "${runner_args[@]}" "$ACC" 2>&1 | tee "$LOG"
runner_rc=${PIPESTATUS[0]}
set -e

summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$LOG" | tail -n 1 || true)"

# ---- compare ----------------------------------------------------------------------------
declare -A result=() reason=()
ids=()
while IFS= read -r line; do
    case "$line" in
        "PASS "*) id="${line#PASS }" st=PASS why="" ;;
        "FAIL "*) rest="${line#FAIL }" && id="${rest%%: *}" st=FAIL why="${rest#*: }" ;;
        "SKIP "*) rest="${line#SKIP }" && id="${rest%%: *}" st=SKIP why="${rest#*: }" ;;
        *) continue ;;
    esac
    [ -n "${result[$id]+x}" ] || ids+=("$id")
    result[$id]=$st
    reason[$id]=$why
done <"$LOG"

new_failures=()
now_passing=()
for id in "${ids[@]}"; do
    if [ "${result[$id]}" = FAIL ] && [ -z "${listed[$id]+x}" ]; then new_failures+=("$id"); fi
    if [ "${result[$id]}" = PASS ] && [ -n "${listed[$id]+x}" ]; then now_passing+=("$id"); fi
done
stale=()
for id in "${!listed[@]}"; do
    [ -f "$ACC/$id.java" ] || stale+=("$id")
done

echo
echo "== acceptance ratchet ($RATCHET_NAME, ${#listed[@]} entries) =="
if [ ${#new_failures[@]} -gt 0 ]; then
    echo "NEW FAILURES:"
    for id in "${new_failures[@]}"; do echo "  $id: ${reason[$id]}"; done
fi
if [ ${#now_passing[@]} -gt 0 ]; then
    echo "NOW PASSING (remove from $RATCHET_NAME):"
    for id in "${now_passing[@]}"; do echo "  $id"; done
fi
if [ ${#stale[@]} -gt 0 ]; then
    echo "STALE ENTRIES (not in the corpus; remove from $RATCHET_NAME):"
    printf '%s\n' "${stale[@]}" | LC_ALL=C sort | sed 's/^/  /'
fi
echo "ratchet: ${#new_failures[@]} new failures, ${#now_passing[@]} now passing"

# ---- --update-ratchet -------------------------------------------------------------------
if [ "$UPDATE" -eq 1 ]; then
    [ -n "$summary" ] || die "runner printed no summary line (exit $runner_rc); ratchet not updated"
    keep=()
    for id in "${!listed[@]}"; do
        [ -f "$ACC/$id.java" ] || continue
        case "${result[$id]:-}" in
            PASS | FAIL) ;;
            *) keep+=("${listed_line[$id]}") ;;
        esac
    done
    for id in "${ids[@]}"; do
        if [ "${result[$id]}" = FAIL ]; then
            if [ -n "${listed[$id]+x}" ]; then keep+=("${listed_line[$id]}"); else keep+=("$id"); fi
        fi
    done
    tmp="$RATCHET_FILE.tmp.$$"
    {
        echo "# Acceptance programs (category/Name) known not to pass yet; one per line, '#' comments."
        echo "# ci/acceptance.sh fails when a program NOT listed here fails and reports listed"
        echo "# programs that pass. Regenerate: bash ci/acceptance.sh --update-ratchet"
        if [ ${#keep[@]} -gt 0 ]; then printf '%s\n' "${keep[@]}" | LC_ALL=C sort -u; fi
    } >"$tmp"
    mv -- "$tmp" "$RATCHET_FILE"
    echo "ratchet updated: $RATCHET_NAME now lists ${#keep[@]} programs"
    echo "$summary"
    exit 0
fi

# ---- verdict (summary line last) --------------------------------------------------------
if [ -z "$summary" ]; then
    die "the acceptance runner printed no 'N passed, N failed' summary line (exit $runner_rc); see $LOG"
fi
status=0
if [ "$runner_rc" -ne 0 ] && [ "$runner_rc" -ne 1 ]; then
    echo "acceptance.sh: FAILED: the runner exited with status $runner_rc; see ${LOG#"$REPO"/}"
    status=1
fi
if [ ${#new_failures[@]} -gt 0 ]; then
    echo "acceptance.sh: FAILED: ${#new_failures[@]} program(s) not in $RATCHET_NAME failed (NEW FAILURES above)"
    status=1
fi
echo "$summary"
exit "$status"
