#!/usr/bin/env bash
# Runs scripts/dask/run_shards.py on a Dask LocalCluster of 2 workers (Debian's
# python3-distributed):
#  1. the sample corpus in 3 shards gives the same rows as a serial `dossier import`
#     (tests/cluster/compare_projects.py);
#  2. a shard whose input vanished between plan and run is reported with its index and error,
#     and the merge does not run, so no project is written; --missing then runs only that shard
#     once the file is back, and the merged project equals the serial one.
#   tests/cluster/dask_local_cluster.sh DOSSIER_PROGRAM
set -euo pipefail
dossier="$(realpath "${1:?usage: dask_local_cluster.sh DOSSIER_PROGRAM}")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/cluster/sharded_run_checks.sh"
python=/usr/bin/python3 # Debian's, which has python3-distributed (a pyenv python3 may be first on PATH)
"$python" -c 'import distributed' 2>/dev/null ||
    check_fail "$python cannot import distributed: install python3-distributed (scripts/setup.sh does)"

work="$(mktemp -d /tmp/dossier-dask-test.XXXXXX)"
finish() {
    if [ $? -eq 0 ]; then rm -rf "$work"; else echo "dask test: FAILED; files kept in $work" >&2; fi
}
trap finish EXIT
run_shards=("$python" "$root/scripts/dask/run_shards.py" --local 2 --dossier "$dossier" --shards 3)

make_corpus_and_serial_project "$dossier" "$root/data/samples" "$work"

echo "dask test: 3 shards on a LocalCluster of 2 workers"
"${run_shards[@]}" --run "$work/run" -o "$work/sharded.dossier" "$work/corpus"
"$python" "$root/tests/cluster/compare_projects.py" "$work/serial.dossier" "$work/sharded.dossier"

echo "dask test: a shard that fails stops the merge"
"$dossier" plan "$work/corpus" --shards 3 -o "$work/failing-run/"
vanished="$(move_one_planned_file_away "$work/failing-run/plan.tsv" "$work/corpus" "$work/aside")"
failing_shard="$(planned_shard_of "$work/failing-run/plan.tsv" "$vanished")"
status=0
"${run_shards[@]}" --run "$work/failing-run" -o "$work/failing.dossier" >"$work/failing.out" 2>&1 || status=$?
cat "$work/failing.out"
expect_failed_shard_reported "$status" "$work/failing.out" "$failing_shard" "$vanished"
[ ! -e "$work/failing.dossier" ] || check_fail "the merge wrote $work/failing.dossier although a shard failed"
! grep -q '^merge' "$work/failing.out" || check_fail "the merge ran although a shard failed"

echo "dask test: the file is back; --missing runs the failed shard only, then merges"
mv "$work/aside/$(basename "$vanished")" "$vanished"
"${run_shards[@]}" --run "$work/failing-run" -o "$work/failing.dossier" --missing | tee "$work/rerun.out"
[ "$(grep -c '^shard .* done' "$work/rerun.out")" -eq 1 ] && grep -q "^shard $failing_shard done" "$work/rerun.out" ||
    check_fail "the rerun did not run shard $failing_shard alone"
"$python" "$root/tests/cluster/compare_projects.py" "$work/serial.dossier" "$work/failing.dossier"
echo "dask test: passed"
