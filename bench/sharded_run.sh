#!/usr/bin/env bash
# A sharded run end to end on this machine, each step under /usr/bin/time -v, for docs/SCALING.md:
# a generated corpus of plain-text cables (bench's cable_corpus), `dossier plan`, every
# `dossier extract-shard` (PARALLEL at a time), `dossier merge`; with --serial also a serial
# `dossier import --jobs 1` of the same corpus, the reference measured in the same run.
#   bench/sharded_run.sh BUILD_DIR WORK_DIR DOCUMENTS SHARDS PARALLEL [--serial]
# Prints one line per step (wall seconds, peak resident memory) and the sizes.
set -euo pipefail
build="$(realpath "${1:?usage: sharded_run.sh BUILD_DIR WORK_DIR DOCUMENTS SHARDS PARALLEL [--serial]}")"
work="${2:?}" documents="${3:?}" shards="${4:?}" parallel="${5:?}" serial="${6:-}"
dossier="$build/cli/dossier"
mkdir -p "$work"
work="$(realpath "$work")"
corpus="$work/corpus-$documents"
run="$work/run-$documents-$shards"

# "wall seconds, CPU seconds (user + system), peak MB" from a `/usr/bin/time -v` report; on a
# shared machine the CPU seconds are the figure to scale from.
wall_and_peak() {
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                    for (i = 1; i <= n; i++) s = s * 60 + t[i] }
                /User time|System time/ { cpu += $2 }
                /Maximum resident set size/ { kb = $2 }
                END { printf "%.1f s wall, %.1f s CPU, peak %.0f MB", s, cpu, kb / 1024 }' "$1"
}

[ -d "$corpus" ] || "$build/bench/cable_corpus" "$corpus" --documents "$documents"
echo "corpus: $documents cables, $(du -sb "$corpus" | cut -f1) bytes in files"
rm -rf "$run" "$work/merged.dossier" "$work/serial.dossier"
mkdir -p "$run/time"

/usr/bin/time -v -o "$run/time/plan" "$dossier" plan "$corpus" --shards "$shards" -o "$run/" >/dev/null
echo "plan: $(wall_and_peak "$run/time/plan")"

started=$(date +%s.%N)
seq 0 $((shards - 1)) | xargs -P "$parallel" -I{} \
    /usr/bin/time -v -o "$run/time/shard-{}" "$dossier" extract-shard "$run/plan.tsv" --shard {} --jobs 1 --quiet
finished=$(date +%s.%N)
echo "extract-shard: $shards shards, $parallel at a time: $(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }') s wall"
for ((i = 0; i < shards; i++)); do
    echo "  shard $i: $(wall_and_peak "$run/time/shard-$i"), $(stat -c %s "$run/shard-$i.dossier") bytes"
done

/usr/bin/time -v -o "$run/time/merge" "$dossier" merge "$run/" -o "$work/merged.dossier" --jobs 1 --quiet
mentions=$(sqlite3 "$work/merged.dossier" 'SELECT count(*) FROM mentions')
echo "merge: $(wall_and_peak "$run/time/merge"); $mentions mentions," \
    "$(sqlite3 "$work/merged.dossier" 'SELECT count(*) FROM relations') relations," \
    "$(sqlite3 "$work/merged.dossier" 'SELECT count(*) FROM entities') entities," \
    "$(stat -c %s "$work/merged.dossier") bytes"

if [ "$serial" = --serial ]; then
    /usr/bin/time -v -o "$run/time/serial" "$dossier" import "$work/serial.dossier" "$corpus" \
        --jobs 1 --quiet
    echo "serial import --jobs 1: $(wall_and_peak "$run/time/serial")"
fi
