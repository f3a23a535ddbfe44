#!/usr/bin/env bash
# ci/run-sample.sh [NAME [ARGS...]] — build samples/NAME.java with roast and run it.
#
#   1. ci/setup.sh (installs LLVM 19, JDK 17, rustfmt/clippy when missing)
#   2. cargo build --release --workspace (the roast compiler and the runtime library)
#   3. javac -d target/samples/NAME-classes samples/NAME.java
#   4. target/release/roast build -o target/samples/NAME --main NAME target/samples/NAME-classes
#   5. run target/samples/NAME ARGS...; its exit status is this script's
#
# NAME defaults to Hello; "Hello", "Hello.java" and "samples/Hello.java" all work.
# ROAST=/path/to/roast uses that compiler instead and skips step 2.
# Progress goes to stderr, so stdout is the program's own output. Works from any directory.
set -euo pipefail
case "${ROAST:-}" in
    "" | /*) ;;
    */*) ROAST="$PWD/$ROAST" ;; # relative to the caller's directory
esac
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

die() {
    echo "run-sample.sh: ERROR: $*" >&2
    exit 1
}

name="Hello"
if [ $# -gt 0 ]; then
    name="$(basename -- "$1" .java)"
    shift
fi
if [ ! -f "samples/$name.java" ]; then
    die "no sample samples/$name.java; available: $(cd samples && for f in *.java; do printf '%s ' "${f%.java}"; done)"
fi

bash ci/setup.sh >&2
# shellcheck source=ci/env.sh
source ci/env.sh

if [ -z "${ROAST:-}" ]; then
    echo "==> cargo build --release --workspace" >&2
    cargo build --release --workspace >&2 || die "cargo build failed"
    ROAST=target/release/roast
fi

classes="target/samples/$name-classes"
exe="target/samples/$name"
rm -rf -- "$classes" "$exe"
mkdir -p -- "$classes"
echo "==> javac -d $classes samples/$name.java" >&2
javac -encoding UTF-8 -d "$classes" "samples/$name.java" >&2 || die "javac failed"
echo "==> $ROAST build -o $exe --main $name $classes" >&2
"$ROAST" build -o "$exe" --main "$name" "$classes" >&2 || die "roast build failed"
[ -x "$exe" ] || die "roast build produced no executable $exe"
echo "==> $exe $*" >&2
exec "$exe" "$@"
