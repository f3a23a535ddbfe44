#!/usr/bin/env bash
# The shared acceptance corpus with the programs' own classes interpreted (every build goes
# through ci/roast-interpreted.sh, i.e. `roast build --interpret-program`): tests the
# interpreter on whole programs. No ratchet: prints the runner's lines and summary.
#
# usage: ci/acceptance-interpreted.sh [RUNNER OPTIONS...]   (--filter STR, --keep DIR, ...)
# Environment: ACCEPTANCE_DIR (default <repo>/../shared/acceptance), ROAST_COMPILER (default
# <repo>/target/release/roast), RUN_TIMEOUT (per run, default 180 s here instead of the
# runner's 10 s: this mode checks behaviour, not speed — HotSpot's own interpreter, java -Xint,
# needs 37 s of CPU for gc/BinaryTrees; interpreter speed is measured by `ci/bench.sh --interp`).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
ACCEPTANCE_DIR="${ACCEPTANCE_DIR:-$REPO/../shared/acceptance}"
export RUN_TIMEOUT="${RUN_TIMEOUT:-180}"
export ROAST_COMPILER="${ROAST_COMPILER:-$REPO/target/release/roast}"
exec "$ACCEPTANCE_DIR/run.sh" --roast "$REPO/ci/roast-interpreted.sh" "$@" "$ACCEPTANCE_DIR"
