#!/usr/bin/env bash
# `roast` with every build in interpret-program mode (the program's own classes run in the
# interpreter, the JDK stays compiled): a drop-in for the acceptance runner's --roast.
#   usage: ci/roast-interpreted.sh build ...   (other commands pass through unchanged)
# ROAST_COMPILER: the roast binary (default: target/release/roast next to this script's repository).
set -eu
here="$(cd -- "$(dirname -- "$0")" && pwd)"
roast="${ROAST_COMPILER:-$here/../target/release/roast}"
if [ "${1:-}" = build ]; then
    shift
    exec "$roast" build --interpret-program "$@"
fi
exec "$roast" "$@"
