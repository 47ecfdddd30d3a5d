#!/usr/bin/env bash
# Runs scripts/slurm/ on a real single-node Slurm started here (tests/cluster/single_node_slurm.sh):
#  1. the sample corpus in 3 shards: the array job and the merge job it gates give the same rows as
#     a serial `dossier import` (tests/cluster/compare_projects.py);
#  2. a shard whose input vanished between plan and run: status.sh names the shard and its error,
#     and the merge job never runs (afterok + --kill-on-invalid-dep), so no project is written;
#  3. the file back, `submit.sh --rerun` submits only that shard and a new merge job, and the
#     merged project equals the serial one.
# Needs root and Debian's munge, slurmctld, slurmd, slurm-client; fails (does not skip) without.
#   tests/cluster/slurm_single_node.sh DOSSIER_PROGRAM
set -euo pipefail
dossier="$(realpath "${1:?usage: slurm_single_node.sh DOSSIER_PROGRAM}")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/cluster/single_node_slurm.sh"
source "$root/tests/cluster/sharded_run_checks.sh"

work="$(mktemp -d /tmp/dossier-slurm-test.XXXXXX)"
finish() {
    local code=$?
    slurm_stop
    if [ "$code" -eq 0 ]; then rm -rf "$work"; else echo "slurm test: FAILED; files kept in $work" >&2; fi
}
trap finish EXIT
export DOSSIER_STATUS_POLL=1

slurm_start "$work/slurm"
echo "slurm test: single-node Slurm up (daemon PIDs ${SLURM_TEST_PIDS[*]})"
make_corpus_and_serial_project "$dossier" "$root/data/samples" "$work"

echo "slurm test: 3 shards through the array job and the merge job"
"$root/scripts/slurm/submit.sh" --dossier "$dossier" --shards 3 --run "$work/run" \
    -o "$work/sharded.dossier" --wait "$work/corpus" | tee "$work/run.out"
/usr/bin/python3 "$root/tests/cluster/compare_projects.py" "$work/serial.dossier" "$work/sharded.dossier"

echo "slurm test: a shard that fails stops the merge"
"$dossier" plan "$work/corpus" --shards 3 -o "$work/failing-run/"
vanished="$(move_one_planned_file_away "$work/failing-run/plan.tsv" "$work/corpus" "$work/aside")"
failing_shard="$(planned_shard_of "$work/failing-run/plan.tsv" "$vanished")"
status=0
"$root/scripts/slurm/submit.sh" --dossier "$dossier" --shards 3 --run "$work/failing-run" \
    -o "$work/failing.dossier" --wait >"$work/failing.out" 2>&1 || status=$?
cat "$work/failing.out"
expect_failed_shard_reported "$status" "$work/failing.out" "$failing_shard" "$vanished"
merge_job="$(sed -n 's/^MERGE_JOB=//p' "$work/failing-run/jobs.env")"
[ ! -e "$work/failing.dossier" ] || check_fail "the merge wrote $work/failing.dossier although a shard failed"
[ ! -e "$work/failing-run/logs/merge.log" ] || check_fail "the merge job ran although a shard failed"
scontrol -o show job "$merge_job" | grep -q 'JobState=CANCELLED' ||
    check_fail "merge job $merge_job is not cancelled: $(scontrol -o show job "$merge_job")"
echo "slurm test: merge job $merge_job cancelled, $(grep -oE 'Reason=[^ ]+' <<<"$(scontrol -o show job "$merge_job")")"

echo "slurm test: the file is back; --rerun submits the failed shard only and a new merge job"
mv "$work/aside/$(basename "$vanished")" "$vanished"
"$root/scripts/slurm/submit.sh" --dossier "$dossier" --rerun "$work/failing-run" --wait | tee "$work/rerun.out"
grep -qE "^array job [0-9]+ \\(shards $failing_shard\\)" "$work/rerun.out" ||
    check_fail "the rerun did not submit shard $failing_shard alone"
/usr/bin/python3 "$root/tests/cluster/compare_projects.py" "$work/serial.dossier" "$work/failing.dossier"
echo "slurm test: passed"
