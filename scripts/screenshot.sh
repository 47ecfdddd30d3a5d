#!/usr/bin/env bash
# Takes a screenshot of dossier-gui on a project under Xvfb and writes it to docs/screenshot.png.
# Builds nothing: point it at an existing build. When no project is given it imports the sample
# corpus (data/samples) into a scratch project first, through the window's own import.
#
#   scripts/screenshot.sh [BUILD_DIR] [PROJECT] [OUTPUT.png] [ENTITY NAME TO SELECT]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build}"
project="${2:-}"
output="${3:-$root/docs/screenshot.png}"
select_name="${4:-${DOSSIER_SCREENSHOT_SELECT:-}}"
gui="$build_dir/gui/dossier-gui"

for tool in Xvfb import xwininfo; do
    command -v "$tool" >/dev/null || { echo "screenshot: '$tool' is missing (apt-get install xvfb imagemagick x11-utils)" >&2; exit 1; }
done
[ -x "$gui" ] || { echo "screenshot: no $gui; build with -DDOSSIER_BUILD_GUI=ON first" >&2; exit 1; }

scratch="$(mktemp -d)"
cleanup() {
    [ -n "${gui_pid:-}" ] && kill "$gui_pid" 2>/dev/null || true
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# Without a project, the window itself imports the samples (import, extraction, relations) into a
# scratch project, as an analyst would with File > Import Folder.
import_args=()
if [ -z "$project" ]; then
    project="$scratch/samples.dossier"
    # Every sample document, but not the folder's README (it describes the corpus, it is not part of it).
    for sample in "$root"/data/samples/*; do
        [[ "$sample" == *.md ]] || import_args+=(--import "$sample")
    done
fi

# A display number nobody uses, a clean settings folder so the default window layout shows.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

args=("$project" "${import_args[@]}")
[ -n "$select_name" ] && args+=(--select "$select_name")
# Start from one entity (it and its neighbours), or unfold one entity's community in the overview.
[ -n "${DOSSIER_SCREENSHOT_FOCUS:-}" ] && args+=(--focus "$DOSSIER_SCREENSHOT_FOCUS")
[ -n "${DOSSIER_SCREENSHOT_UNFOLD:-}" ] && args+=(--unfold "$DOSSIER_SCREENSHOT_UNFOLD")
DISPLAY=":$display" XDG_CONFIG_HOME="$scratch/config" QT_QPA_PLATFORM=xcb \
    "$gui" "${args[@]}" --maximized >"$scratch/gui.log" 2>&1 &
gui_pid=$!

# Wait for the window, then for the project to load and paint.
for _ in $(seq 100); do
    DISPLAY=":$display" xwininfo -root -tree 2>/dev/null | grep -q "Dossier" && break
    sleep 0.2
done
sleep "${DOSSIER_SCREENSHOT_SETTLE:-20}"
kill -0 "$gui_pid" 2>/dev/null || { echo "screenshot: dossier-gui exited early:" >&2; cat "$scratch/gui.log" >&2; exit 1; }
mkdir -p "$(dirname "$output")"
DISPLAY=":$display" import -window root "$output"
echo "screenshot: wrote $output"
