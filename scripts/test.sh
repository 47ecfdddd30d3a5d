#!/usr/bin/env bash
# Installs what is missing, builds everything, runs every test through ctest. Both builds (g++, and
# clang under --sanitize) turn warnings into errors (DOSSIER_WERROR), so a warning fails CI.
# Usage: scripts/test.sh [--no-gui]     (build dir: build/, or $DOSSIER_BUILD_DIR)
#        scripts/test.sh --sanitize     the whole suite, GUI tests included (offscreen), under
#                                       AddressSanitizer + UndefinedBehaviorSanitizer, built with clang
#                                       in build-asan/ (or $DOSSIER_ASAN_BUILD_DIR); the same tree
#                                       holds the fuzz targets (scripts/fuzz.sh)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$DOSSIER_ROOT/scripts/sanitizer/configure.sh"
# ccache keys on paths relative to the checkout, so a fresh clone (CI) reuses earlier compilations.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$DOSSIER_ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"

gui=ON
sanitize=0
for arg in "$@"; do
    case "$arg" in
    --no-gui) gui=OFF ;;
    --sanitize) sanitize=1 ;;
    *) echo "usage: scripts/test.sh [--no-gui] [--sanitize]" >&2; exit 1 ;;
    esac
done

dossier_install_dependencies
export QT_QPA_PLATFORM=offscreen

if [ "$sanitize" -eq 1 ]; then
    build_dir="${DOSSIER_ASAN_BUILD_DIR:-$DOSSIER_ROOT/build-asan}"
    dossier_configure_sanitized "$build_dir" -DDOSSIER_BUILD_GUI="$gui"
    cmake --build "$build_dir" -j2
    dossier_sanitizer_environment
    cd "$build_dir"
    ctest --output-on-failure -j2 --timeout 1800
    exit 0
fi

build_dir="${DOSSIER_BUILD_DIR:-$DOSSIER_ROOT/build}"
dossier_build "$build_dir" -DDOSSIER_BUILD_GUI="$gui" -DDOSSIER_WERROR=ON

cd "$build_dir"
ctest --output-on-failure -j2 --timeout 900
