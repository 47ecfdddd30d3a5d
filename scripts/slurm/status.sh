#!/usr/bin/env bash
# Where a run submitted by submit.sh stands: each shard done, failed (with its index, exit code
# and the error lines of its log), pending or running, and the merge job.
#   scripts/slurm/status.sh [--wait] RUN/
# Exit: 0 the merged project is written; 1 a shard or the merge failed (the merge job is then
# cancelled by Slurm: resubmit the failed shards with submit.sh --rerun RUN/); 3 still running.
# --wait polls every $DOSSIER_STATUS_POLL seconds (default 10) until nothing of the run is queued.
set -euo pipefail

wait=0
[ "${1:-}" = --wait ] && { wait=1; shift; }
run="${1:?usage: status.sh [--wait] RUN/}"
[ -f "$run/jobs.env" ] || { echo "status: $run/jobs.env is missing (not submitted by submit.sh?)" >&2; exit 1; }
setting() { sed -n "s/^$1=//p" "$run/jobs.env"; }
shards="$(setting SHARDS)" array_job="$(setting ARRAY_JOB)" merge_job="$(setting MERGE_JOB)"

# "JOBID STATE REASON" of every task of this run still known to squeue (pending or running).
# One squeue per job: given a list, squeue fails as a whole when one job is already forgotten.
queued() {
    local job
    for job in "$array_job" "$merge_job"; do
        squeue -h -r -j "$job" -o '%i %T %r' 2>/dev/null || true
    done
}

# What the controller still knows of a finished job (State, Reason, ExitCode), if anything.
controller_says() {
    scontrol -o show job "$1" 2>/dev/null | grep -oE '(JobState|Reason|ExitCode)=[^ ]+' | paste -sd' ' - || true
}

# The lines that say why: dossier's error lines and failed files, else the log's tail.
why() {
    local log="$1"
    [ -f "$log" ] || { echo "    (no log $log)"; return; }
    { grep -E '^dossier|^FAILED |error|Error|slurmstepd' "$log" || tail -n 5 "$log"; } |
        tail -n 5 | sed 's/^/    /'
}

report() {
    local queue done=0 failed=0 waiting=0 shard state code
    queue="$(queued)"
    for ((shard = 0; shard < shards; shard++)); do
        if [ -f "$run/logs/shard-$shard.status" ]; then
            code="$(grep -oE 'exit=[0-9]+' "$run/logs/shard-$shard.status" | cut -d= -f2)"
            if [ "$code" = 0 ]; then done=$((done + 1)); continue; fi
            failed=$((failed + 1))
            echo "shard $shard FAILED (exit $code; log $run/logs/shard-$shard.log):"
            why "$run/logs/shard-$shard.log"
        elif state="$(grep -E "^${array_job}_$shard " <<<"$queue")"; then
            waiting=$((waiting + 1))
            [ "$wait" -eq 1 ] || echo "shard $shard ${state#* }"
        else # ended without writing its status: killed (time limit, memory, node failure)
            failed=$((failed + 1))
            echo "shard $shard FAILED without a status: $(controller_says "${array_job}_$shard") (log $run/logs/shard-$shard.log):"
            why "$run/logs/shard-$shard.log"
        fi
    done
    echo "shards: $done done, $failed failed, $waiting pending or running, of $shards"
    if [ -f "$run/logs/merge.status" ]; then
        code="$(grep -oE 'exit=[0-9]+' "$run/logs/merge.status" | cut -d= -f2)"
        if [ "$code" = 0 ]; then
            echo "merge: done, $(setting OUTPUT) written (job $merge_job)"
            return 0
        fi
        echo "merge: FAILED (exit $code; log $run/logs/merge.log):"
        why "$run/logs/merge.log"
        return 1
    fi
    if state="$(grep -E "^$merge_job " <<<"$queue")"; then
        echo "merge: job $merge_job ${state#* }"
        [ "$failed" -gt 0 ] && return 1 # queued but never to run (DependencyNeverSatisfied)
        return 3
    fi
    echo "merge: job $merge_job did not run: $(controller_says "$merge_job")"
    return 1
}

if [ "$wait" -eq 1 ]; then
    while [ -n "$(queued)" ]; do
        # A failed shard leaves the merge waiting on a dependency that can never be met, on a
        # cluster without --kill-on-invalid-dep; stop waiting once only that is left.
        if ! grep -qvE ' DependencyNeverSatisfied$' <<<"$(queued)"; then break; fi
        sleep "${DOSSIER_STATUS_POLL:-10}"
    done
fi
report
