#!/usr/bin/env bash
# The whole `dossier export --format svg --layout sfdp` of a 4,100-node network against Graphviz's
# own `sfdp -Tsvg` on the same graph's DOT, measured in the same run, interleaved (A B A B ...), so
# both see the same load. Prints each run and the medians of wall and CPU time and their ratio.
#   bench/export_vs_graphviz.sh [BUILD_DIR] [RUNS] [ENTITIES] [LINKS]
# The project is written once by the build's synthetic_project (bench/synthetic_network.h) into
# $DOSSIER_BENCH_DIR (default /tmp) and reused.
set -euo pipefail
build="$(cd "${1:-build}" && pwd)"
runs="${2:-5}"
entities="${3:-4100}"
links="${4:-6}"
work="${DOSSIER_BENCH_DIR:-/tmp}/dossier-export-vs-graphviz-$entities-$links"
mkdir -p "$work"
project="$work/network.dossier"
[ -f "$project" ] || "$build/bench/synthetic_project" -o "$project" --entities "$entities" --links "$links"
# The reference's input: the graph Dossier exports, with the node sizes its layout asks for
# (--layout writes width/height and positions; the positions are dropped so sfdp starts fresh)
# and the layout problem Dossier's worker gives Graphviz: fixed-size unlabelled ellipses, overlap
# removal, straight edges. The program draws no labels; Dossier's export does (and places them).
"$build/cli/dossier" export "$project" --format dot --layout sfdp -o "$work/placed.dot" 2>/dev/null
sed -E 's/, pos="[^"]*"//; s/label="[^"]*", //;
        s/inputscale=72/inputscale=72, overlap=false, splines=line/;
        s/node \[shape=ellipse\]/node [shape=ellipse, fixedsize=true, label=""]/' \
    "$work/placed.dot" >"$work/graph.dot"

times="$work/times.txt"
: >"$times"
TIMEFORMAT='%R %U %S'
for ((i = 0; i <= runs; i++)); do # run 0 warms the caches and is not counted
    a=$({ time "$build/cli/dossier" export "$project" --format svg --layout sfdp \
        -o "$work/dossier.svg" 2>/dev/null; } 2>&1)
    b=$({ time sfdp -Tsvg "$work/graph.dot" -o "$work/graphviz.svg"; } 2>&1)
    [ "$i" -gt 0 ] && echo "$a $b" >>"$times"
done
python3 - "$times" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
for i, r in enumerate(rows, 1):
    print(f"run {i}: dossier {r[0]:.2f} s wall {r[1]+r[2]:.2f} s CPU   sfdp {r[3]:.2f} s wall {r[4]+r[5]:.2f} s CPU   ratio {r[0]/r[3]:.2f}")
med = lambda xs: statistics.median(xs)
dw, dc = med([r[0] for r in rows]), med([r[1] + r[2] for r in rows])
gw, gc = med([r[3] for r in rows]), med([r[4] + r[5] for r in rows])
print(f"median: dossier export {dw:.2f} s wall / {dc:.2f} s CPU; sfdp -Tsvg {gw:.2f} s wall / {gc:.2f} s CPU")
print(f"median of the pairwise wall ratios: {med([r[0] / r[3] for r in rows]):.2f}x; CPU: {med([(r[1]+r[2]) / (r[4]+r[5]) for r in rows]):.2f}x")
PY
