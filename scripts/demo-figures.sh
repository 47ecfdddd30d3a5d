#!/usr/bin/env bash
# Writes the demo figures of a project: the network as SVG, PDF (with its evidence appendix)
# and PNG, plus a small PNG preview of the PDF, and prints the entities and the cooperation
# relations. Called by scripts/demo.sh as: demo-figures.sh DOSSIER_BIN PROJECT OUT_DIR
# Commands the build does not have yet are skipped with a message, so the demo never fails
# because a later feature is missing.
set -euo pipefail

if [ "$#" -ne 3 ]; then
    echo "usage: $(basename "$0") DOSSIER_BIN PROJECT OUT_DIR" >&2
    exit 1
fi
bin="$1"
project="$2"
out_dir="$3"

if [ ! -x "$bin" ]; then
    echo "demo-figures: $bin : not an executable dossier binary" >&2
    exit 1
fi
if [ ! -f "$project" ]; then
    echo "demo-figures: $project : no such project file" >&2
    exit 1
fi
mkdir -p "$out_dir"

# A command exists in this build when its own --help succeeds. The exit status alone is not
# enough: asked `dossier unknown --help`, CLI11 prints the top-level help and exits 0. So the
# help must be the subcommand's (its usage line names it), or the top-level help must list it.
has_command() {
    local help
    help="$("$bin" "$1" --help 2>&1)" || return 1
    grep -Eq "^Usage: [^ ]+ $1( |\$)" <<<"$help" && return 0
    "$bin" --help 2>/dev/null | grep -Eq "^ +$1( |\$)"
}

if has_command entities; then
    echo
    echo "== Entities (dossier entities)"
    "$bin" entities "$project"
fi

if has_command relations; then
    echo
    echo "== Cooperation relations (dossier relations --type cooperates_with)"
    "$bin" relations "$project" --type cooperates_with
fi

echo
if ! has_command export; then
    echo "figures: dossier export is not available in this build"
    exit 0
fi

title="Sample corpus: who wrote to whom, and what countries do"
# The demo view leaves out dates and the dense co-occurrence and mention edges, so the figure shows
# the documents' senders and recipients and the relations stated in the prose.
view="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/data/views/demo.view.json"
svg="$out_dir/network.svg"
pdf="$out_dir/network.pdf"
png="$out_dir/network.png"
column_pdf="$out_dir/network-85mm.pdf"
evidence="$out_dir/evidence.csv"
preview_base="$out_dir/network-preview"

echo "== Figures"
"$bin" export "$project" --view "$view" --size-by degree --format svg -o "$svg" --legend --title "$title"
"$bin" export "$project" --view "$view" --size-by degree --format pdf -o "$pdf" --legend --title "$title" --evidence "$evidence"
"$bin" export "$project" --view "$view" --size-by degree --format png -o "$png" --dpi 150 --legend --title "$title"

# One journal column: the legend goes below the network, names are shortened, and the caption
# counts the labels that found no room.
"$bin" export "$project" --view "$view" --size-by degree --format pdf -o "$column_pdf" --width 85mm --height 100mm --legend --title "$title"

echo "figure (SVG):            $svg"
echo "figure (PDF):            $pdf"
echo "evidence for the PDF:    $evidence"
echo "figure (PNG, 150 dpi):   $png"
echo "one column (PDF, 85 mm): $column_pdf"

if command -v pdftoppm >/dev/null 2>&1; then
    # -singlefile: the preview is one page, named without pdftoppm's page-number suffix.
    pdftoppm -png -r 60 -singlefile "$pdf" "$preview_base"
    echo "preview of the PDF:      $preview_base.png (60 dpi)"
else
    echo "preview of the PDF:      skipped, pdftoppm (poppler-utils) is not installed"
fi
