#!/usr/bin/env bash
# ci/setup.sh — make this Debian 12 machine able to build and test roast. Idempotent: when
# everything is present it only checks (well under 2 s) and installs nothing.
#
#   Debian packages  llvm-19-dev libpolly-19-dev libzstd-dev (LLVM 19 for inkwell/llvm-sys),
#                    zlib1g-dev (linked statically into executables for java.util.zip),
#                    a C compiler (gcc, for the cc crate and for linking executables),
#                    openjdk-17-jdk-headless (only when no JDK 17 with jmods/ is found)
#   rustup           the rustfmt and clippy components of the active toolchain
#   --bench          also gnuplot-nox (ci/bench.sh draws its chart with it)
#
# `apt-get update` runs only when something has to be installed. It exports nothing: the
# scripts that need JAVA_HOME / LLVM_SYS_191_PREFIX `source ci/env.sh` themselves.
# Exits non-zero with an "ERROR:" line when something is missing and cannot be installed.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=ci/env.sh
source ci/env.sh

say() { echo "setup: $*"; }
die() {
    echo "setup: ERROR: $*" >&2
    exit 1
}

deb_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# jdk_ok HOME: a JDK 17 with the jmods roast reads the class library from.
jdk_ok() {
    [ "$(_roast_jdk_version "$1")" = 17 ] && [ -f "$1/jmods/java.base.jmod" ]
}

command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script supports Debian 12 only"

# ---- Debian packages --------------------------------------------------------------------
packages=(llvm-19-dev libpolly-19-dev libzstd-dev zlib1g-dev)
case "${1:-}" in
    "") ;;
    --bench) packages+=(gnuplot-nox) ;;
    *) die "unknown argument '$1' (usage: ci/setup.sh [--bench])" ;;
esac
missing=()
for pkg in "${packages[@]}"; do
    deb_installed "$pkg" || missing+=("$pkg")
done
if ! command -v cc >/dev/null 2>&1; then
    missing+=(gcc libc6-dev)
fi
if [ -n "${JAVA_HOME:-}" ]; then
    if ! jdk_ok "$JAVA_HOME"; then
        die "JAVA_HOME=$JAVA_HOME is not a JDK 17 with jmods/java.base.jmod; unset JAVA_HOME or point it at one"
    fi
elif ! deb_installed openjdk-17-jdk-headless; then
    missing+=(openjdk-17-jdk-headless)
else
    die "openjdk-17-jdk-headless is installed but no JDK 17 was found (javac on PATH or /usr/lib/jvm/java-17-openjdk-*)"
fi

if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "not root and no sudo; install as root: apt-get install ${missing[*]}"
        sudo=(sudo)
    fi
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install: ${missing[*]}"
    say "missing Debian packages: ${missing[*]}"
    say "running apt-get update"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
        || die "apt-get update failed"
    say "running apt-get install -y ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" </dev/null \
        || die "apt-get install ${missing[*]} failed"
    for pkg in "${missing[@]}"; do
        deb_installed "$pkg" || die "package $pkg is still not installed after apt-get install"
    done
fi

# ---- check what the build uses ----------------------------------------------------------
[ -x "$LLVM_SYS_191_PREFIX/bin/llvm-config" ] \
    || die "no llvm-config in LLVM_SYS_191_PREFIX=$LLVM_SYS_191_PREFIX (expected LLVM 19 from llvm-19-dev)"
llvm_version="$("$LLVM_SYS_191_PREFIX/bin/llvm-config" --version)"
case "$llvm_version" in
    19.*) ;;
    *) die "$LLVM_SYS_191_PREFIX/bin/llvm-config reports LLVM $llvm_version, need 19.x" ;;
esac
command -v cc >/dev/null 2>&1 || die "no C compiler (cc) after installing gcc"

if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(_roast_find_jdk17 || true)"
fi
[ -n "${JAVA_HOME:-}" ] || die "no JDK 17 found after installing openjdk-17-jdk-headless"
jdk_ok "$JAVA_HOME" || die "JDK at $JAVA_HOME lacks jmods/java.base.jmod (need a full JDK 17, e.g. openjdk-17-jdk-headless)"

# ---- Rust toolchain ---------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 || die "cargo not found (not on PATH nor in ~/.cargo/bin); install Rust with rustup"
if command -v rustup >/dev/null 2>&1; then
    installed="$(rustup component list --installed 2>/dev/null)" \
        || die "rustup component list failed (is a default toolchain set? try: rustup default stable)"
    components=()
    for comp in rustfmt clippy; do
        grep -q "^$comp" <<<"$installed" || components+=("$comp")
    done
    if [ ${#components[@]} -gt 0 ]; then
        say "running rustup component add ${components[*]}"
        rustup component add "${components[@]}" </dev/null || die "rustup component add ${components[*]} failed"
    fi
else
    # A toolchain not managed by rustup: the components cannot be added, only checked.
    cargo fmt --version >/dev/null 2>&1 || die "cargo fmt missing and rustup not found to add rustfmt"
    cargo clippy --version >/dev/null 2>&1 || die "cargo clippy missing and rustup not found to add clippy"
fi

say "ok: LLVM $llvm_version at $LLVM_SYS_191_PREFIX, JDK 17 at $JAVA_HOME, $(cargo --version), rustfmt and clippy present"
