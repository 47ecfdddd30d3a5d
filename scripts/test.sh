#!/usr/bin/env bash
# Installs what is missing, builds everything, runs every test through ctest.
# Usage: scripts/test.sh [--no-gui]     (build dir: build/, or $DOSSIER_BUILD_DIR)
#        scripts/test.sh --sanitize     every non-GUI test under AddressSanitizer + UndefinedBehaviorSanitizer,
#                                       built with clang in build-asan/ (or $DOSSIER_ASAN_BUILD_DIR)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

cmake_options=()
sanitize=0
for arg in "$@"; do
    case "$arg" in
    --no-gui) cmake_options+=(-DDOSSIER_BUILD_GUI=OFF) ;;
    --sanitize) sanitize=1 ;;
    *) echo "usage: scripts/test.sh [--no-gui | --sanitize]" >&2; exit 1 ;;
    esac
done

dossier_install_dependencies
export QT_QPA_PLATFORM=offscreen

if [ "$sanitize" -eq 1 ]; then
    # clang, because the fuzz targets need it too and its UBSan knows more checks; Debian's
    # libgtest is built with g++ against the same libstdc++, so it links and runs unchanged.
    build_dir="${DOSSIER_ASAN_BUILD_DIR:-$DOSSIER_ROOT/build-asan}"
    CC=clang CXX=clang++ dossier_build "$build_dir" -DDOSSIER_SANITIZE=ON -DDOSSIER_BUILD_GUI=OFF \
        -DDOSSIER_BUILD_BENCH=OFF
    # Any report fails the test that produced it: leaks included, UB stops at the first finding.
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export LSAN_OPTIONS="suppressions=$DOSSIER_ROOT/scripts/sanitizer/lsan.supp:print_suppressions=0"
    cd "$build_dir"
    ctest --output-on-failure -j2 --timeout 1800
    exit 0
fi

build_dir="${DOSSIER_BUILD_DIR:-$DOSSIER_ROOT/build}"
dossier_build "$build_dir" "${cmake_options[@]}"

cd "$build_dir"
ctest --output-on-failure -j2 --timeout 900
