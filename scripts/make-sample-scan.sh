#!/usr/bin/env bash
# Makes data/samples/scans/memcon-1980-05-12-vienna-scan.jpg: the sample memorandum of
# conversation typed in a typewriter face (GNU FreeMono, fonts-freefont-ttf) on a US-letter page
# at 200 dpi, slightly skewed, grey and speckled, saved as a JPEG like a reading-room scan. The
# demo imports it with OCR (docs/OCR.md). Run again to regenerate; needs ImageMagick.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_text="$root/data/samples/memcon-1980-05-12-vienna.txt"
out="$root/data/samples/scans/memcon-1980-05-12-vienna-scan.jpg"
mkdir -p "$(dirname "$out")"

dpi=200
width=$((dpi * 17 / 2))
height=$((dpi * 11))
line_height=$((dpi * 10 * 13 / 720)) # 10 pt type, 13 pt leading
args=()
y=$((dpi * 3 / 4))
# ImageMagick expands % escapes and reads @file in -annotate text: double every %, and the text
# never starts with @ here.
while IFS= read -r line; do
    y=$((y + line_height))
    [ -z "$line" ] && continue
    args+=(-annotate "+$((dpi * 3 / 4))+$y" "${line//%/%%}")
done < <(fold -s -w 78 "$source_text")

convert -size "${width}x${height}" xc:white -density "$dpi" -units PixelsPerInch \
    -font FreeMono -pointsize 10 -fill 'gray25' "${args[@]}" \
    -background white -rotate 0.7 -gravity center -extent "${width}x${height}" \
    -attenuate 0.06 +noise Impulse -blur 0x0.5 \
    -colorspace Gray -quality 45 "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
