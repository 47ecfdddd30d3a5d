#!/usr/bin/env bash
# Installs what is missing, builds, imports the bundled sample corpus and opens the explorer.
# With no display it writes the figures instead and says where.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

build_dir="${DOSSIER_BUILD_DIR:-$DOSSIER_ROOT/build}"
out_dir="${DOSSIER_DEMO_DIR:-$DOSSIER_ROOT/out/demo}"
dossier_install_dependencies
dossier_build "$build_dir"

dossier="$build_dir/cli/dossier"
project="$out_dir/samples.dossier"
mkdir -p "$out_dir"
rm -f "$project" "$project-wal" "$project-shm"

echo
echo "== Importing the sample corpus (data/samples) into $project"
"$dossier" import "$project" "$DOSSIER_ROOT/data/samples" --exclude "README.md"
echo
echo "== What the project holds"
"$dossier" info "$project"
echo
"$dossier" documents "$project"
echo
echo "== OCR evidence: person mentions read from the scanned page (data/samples/scans), with their box"
"$dossier" mentions "$project" --json | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin) if "box" in r and r["type"] == "person"]
for r in rows[:8]:
    b = r["box"]
    print("  %-28s page %d  box (%d,%d)-(%d,%d) px at %d dpi  lowest word confidence %.0f" % (
        r["text"].replace("\n", " "), r["page"], b["left"], b["top"], b["right"], b["bottom"],
        r["dpi"], r["ocr_confidence"]))
print("  (%d person mentions located on the scan)" % len(rows))'

if [ -x "$DOSSIER_ROOT/scripts/demo-figures.sh" ]; then
    "$DOSSIER_ROOT/scripts/demo-figures.sh" "$dossier" "$project" "$out_dir"
fi

gui="$build_dir/gui/dossier-gui"
if [ -x "$gui" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "== Opening the explorer"
    exec "$gui" "$project"
fi
echo
echo "No display (or no GUI build): the project is $project; outputs are in $out_dir"
