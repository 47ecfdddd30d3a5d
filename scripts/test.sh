#!/usr/bin/env bash
# Installs what is missing, builds everything, runs every test through ctest.
# Usage: scripts/test.sh [--no-gui]     (build dir: build/, or $DOSSIER_BUILD_DIR)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

cmake_options=()
for arg in "$@"; do
    case "$arg" in
    --no-gui) cmake_options+=(-DDOSSIER_BUILD_GUI=OFF) ;;
    *) echo "usage: scripts/test.sh [--no-gui]" >&2; exit 1 ;;
    esac
done

build_dir="${DOSSIER_BUILD_DIR:-$DOSSIER_ROOT/build}"
dossier_install_dependencies
dossier_build "$build_dir" "${cmake_options[@]}"

export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
ctest --output-on-failure -j2 --timeout 900
