#!/usr/bin/env bash
# The analyst's route today (ocrmypdf, then a normal import of its text layer) against
# `dossier import` reading the same image-only PDF by OCR. Same 4 pages as bench/ocr_bench.cpp.
#   bench/ocr_vs_ocrmypdf.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build="${1:-build}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
QT_QPA_PLATFORM=offscreen "$build/bench/ocr_bench" --write-scan-pdf "$work/scan.pdf"
seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
for run in $(seq "$runs"); do
    rm -f "$work"/*.dossier "$work/ocr.pdf"
    d=$(seconds "$build/cli/dossier" import "$work/d.dossier" "$work/scan.pdf" --no-extract --quiet)
    o=$(seconds ocrmypdf --jobs 2 "$work/scan.pdf" "$work/ocr.pdf")
    i=$(seconds "$build/cli/dossier" import "$work/o.dossier" "$work/ocr.pdf" --no-extract --quiet --ocr never)
    echo "run $run: dossier import (OCR) ${d}s; ocrmypdf ${o}s + dossier import --ocr never ${i}s"
done
