# shellcheck shell=bash
# ci/env.sh — environment for building and testing roast. Source it, do not run it:
#
#     source ci/env.sh
#
# - JAVA_HOME: kept when already set; otherwise the JDK 17 that `javac` on PATH resolves to
#   (following symlinks, e.g. /usr/bin/javac -> /usr/lib/jvm/java-17-openjdk-amd64/bin/javac),
#   or else the first JDK 17 under /usr/lib/jvm. Left unset when there is none (ci/setup.sh
#   installs one). $JAVA_HOME/bin is put first on PATH so `java`/`javac` match JAVA_HOME.
# - LLVM_SYS_191_PREFIX: kept when set, else /usr/lib/llvm-19 (Debian's llvm-19-dev), the same
#   value .cargo/config.toml gives cargo.
# - ~/.cargo/bin is added to PATH when cargo is not already there (rustup installs).
#
# Safe to source repeatedly and under `set -euo pipefail`; it never exits the calling shell.

# _roast_jdk_version HOME: print the feature version ("17") of the JDK at HOME, or nothing.
_roast_jdk_version() {
    if [ -x "$1/bin/javac" ] && [ -f "$1/release" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
    fi
}

# _roast_find_jdk17: print the home of a JDK 17 (javac on PATH first, then /usr/lib/jvm/*).
_roast_find_jdk17() {
    local javac home
    if javac="$(command -v javac 2>/dev/null)"; then
        home="$(dirname -- "$(dirname -- "$(readlink -f -- "$javac")")")"
        if [ "$(_roast_jdk_version "$home")" = 17 ]; then
            printf '%s\n' "$home"
            return 0
        fi
    fi
    for home in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/*17*; do
        if [ "$(_roast_jdk_version "$home")" = 17 ]; then
            printf '%s\n' "$home"
            return 0
        fi
    done
    return 1
}

if [ -d "${HOME:-/root}/.cargo/bin" ] && ! command -v cargo >/dev/null 2>&1; then
    PATH="${HOME:-/root}/.cargo/bin:$PATH"
fi

if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(_roast_find_jdk17 || true)"
    if [ -n "$JAVA_HOME" ]; then
        export JAVA_HOME
    else
        unset JAVA_HOME
    fi
fi
if [ -n "${JAVA_HOME:-}" ] && [ "${PATH%%:*}" != "$JAVA_HOME/bin" ]; then
    PATH="$JAVA_HOME/bin:$PATH"
fi
export PATH

: "${LLVM_SYS_191_PREFIX:=/usr/lib/llvm-19}"
export LLVM_SYS_191_PREFIX
