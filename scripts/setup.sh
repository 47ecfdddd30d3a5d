#!/usr/bin/env bash
# Shared by test.sh and demo.sh: install what is missing (Debian 12 packages only), configure, build.
# Source it, then call: dossier_install_dependencies; dossier_build BUILD_DIR [cmake options...]
set -euo pipefail

DOSSIER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build tools and libraries, then what the tests and figures use at run time.
DOSSIER_PACKAGES=(
    cmake g++ ninja-build pkg-config ccache
    libsqlite3-dev sqlite3 libicu-dev libssl-dev libpoppler-cpp-dev poppler-utils libpugixml-dev
    libcli11-dev nlohmann-json3-dev libboost-dev libboost-graph-dev libgraphviz-dev graphviz
    libigraph-dev iso-codes libgtest-dev libgmock-dev libbenchmark-dev
    qt6-base-dev qt6-svg-dev libgl-dev
    xvfb xauth x11-utils imagemagick python3 python3-networkx python3-bibtexparser fonts-dejavu-core
    fonts-noto-cjk
    clang libclang-rt-14-dev qpdf
    libxml2-dev
    munge slurmctld slurmd slurm-client python3-distributed
    libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-deu
    tesseract-ocr-fra fonts-freefont-ttf ocrmypdf
)

dossier_install_dependencies() {
    local missing=()
    for pkg in "${DOSSIER_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "setup: all ${#DOSSIER_PACKAGES[@]} Debian packages are installed"
        return 0
    fi
    echo "setup: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then
            sudo=(sudo)
        else
            echo "setup: these packages are missing and I am not root and have no sudo: ${missing[*]}" >&2
            return 1
        fi
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

dossier_build() {
    local build_dir="$1"
    shift
    cmake -S "$DOSSIER_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$build_dir" -j2
}
