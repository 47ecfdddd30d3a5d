#!/usr/bin/env bash
# Plans a sharded run and submits it to Slurm: an array job with one task per shard
# (shard.sbatch, `dossier extract-shard`) and a merge job (merge.sbatch, `dossier merge`) that
# runs only when every task succeeded (--dependency=afterok, --kill-on-invalid-dep=yes).
# Prints the two job ids and records them in RUN/jobs.env for status.sh.
#
#   scripts/slurm/submit.sh --shards K --run RUN/ -o PROJECT.dossier [options] FILES|FOLDERS...
#   scripts/slurm/submit.sh --shards K --run RUN/ -o PROJECT.dossier [options]
#                                                      RUN/plan.tsv made before by `dossier plan`
#   scripts/slurm/submit.sh --rerun RUN/ [options]     resubmit the shards `dossier plan
#                                                      --missing` lists, and a new merge job
# Options:
#   --dossier PATH     the dossier program the jobs run (default: `dossier` on PATH)
#   --sbatch OPTION    passed to both sbatch calls, repeatable (--sbatch=--partition=short
#                      --sbatch=--time=2:00:00 --sbatch=--account=lab)
#   --throttle N       at most N shard tasks at once (--array=0-K%N)
#   --wait             wait for the run and print its status (scripts/slurm/status.sh --wait)
# RUN/, the inputs and the dossier program must be on a file system every node sees.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    sed -n '7,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 1
}
fail() {
    echo "submit: $*" >&2
    exit 1
}

shards="" run="" output="" rerun="" dossier="" throttle="" wait=0
sbatch_options=() inputs=()
while [ $# -gt 0 ]; do
    case "$1" in
    --shards) shards="${2:?}"; shift 2 ;;
    --run) run="${2:?}"; shift 2 ;;
    -o | --output) output="${2:?}"; shift 2 ;;
    --rerun) rerun="${2:?}"; shift 2 ;;
    --dossier) dossier="${2:?}"; shift 2 ;;
    --sbatch) sbatch_options+=("${2:?}"); shift 2 ;;
    --sbatch=*) sbatch_options+=("${1#--sbatch=}"); shift ;;
    --throttle) throttle="%${2:?}"; shift 2 ;;
    --wait) wait=1; shift ;;
    -h | --help) usage ;;
    -*) fail "unknown option $1" ;;
    *) inputs+=("$(realpath "$1")"); shift ;;
    esac
done

dossier="$(realpath "$(command -v "${dossier:-dossier}")")" || fail "no dossier program (give --dossier PATH)"
command -v sbatch >/dev/null || fail "sbatch is not on PATH (is this a Slurm login node?)"

if [ -n "$rerun" ]; then
    run="$(realpath "$rerun")"
    [ -f "$run/jobs.env" ] || fail "$run/jobs.env is missing: was this run submitted with submit.sh?"
    output="$(sed -n 's/^OUTPUT=//p' "$run/jobs.env")"
    # The indices, whatever separates them (one a line or a list).
    array="$("$dossier" plan --missing "$run" | grep -oE '[0-9]+' | paste -sd, -)" ||
        fail "dossier plan --missing $run failed"
    [ -n "$array" ] || fail "no shard of $run is missing; nothing to resubmit"
    shards="$(sed -n 's/^SHARDS=//p' "$run/jobs.env")"
else
    [ -n "$shards" ] && [ -n "$run" ] && [ -n "$output" ] || usage
    [[ "$shards" =~ ^[1-9][0-9]*$ ]] || fail "--shards must be a positive number, not '$shards'"
    mkdir -p "$run"
    run="$(realpath "$run")"
    output="$(realpath -m "$output")"
    if [ ${#inputs[@]} -gt 0 ]; then
        "$dossier" plan "${inputs[@]}" --shards "$shards" -o "$run/" || fail "dossier plan failed"
    elif [ ! -f "$run/plan.tsv" ]; then
        fail "no inputs given and no $run/plan.tsv to run"
    fi
    array="0-$((shards - 1))"
fi
mkdir -p "$run/logs"
# A shard's status file says how its last task ended; the tasks submitted now have not ended yet.
if [ -n "$rerun" ]; then
    for shard in ${array//,/ }; do rm -f "$run/logs/shard-$shard.status"; done
else
    rm -f "$run"/logs/shard-*.status
fi

array_job="$(sbatch --parsable --array="$array$throttle" --output="$run/logs/shard-%a.log" \
    --export=ALL,DOSSIER_BIN="$dossier",DOSSIER_RUN="$run" "${sbatch_options[@]}" \
    "$here/shard.sbatch")" || fail "sbatch of the shard array failed"
array_job="${array_job%%;*}" # --parsable prints "id;cluster" on a multi-cluster site
merge_job="$(sbatch --parsable --dependency="afterok:$array_job" --kill-on-invalid-dep=yes \
    --output="$run/logs/merge.log" \
    --export=ALL,DOSSIER_BIN="$dossier",DOSSIER_RUN="$run",DOSSIER_OUTPUT="$output" \
    "${sbatch_options[@]}" "$here/merge.sbatch")" || fail "sbatch of the merge job failed (array job $array_job is queued: scancel $array_job)"
merge_job="${merge_job%%;*}"

printf 'SHARDS=%s\nOUTPUT=%s\nDOSSIER=%s\nARRAY_JOB=%s\nARRAY=%s\nMERGE_JOB=%s\n' "$shards" \
    "$output" "$dossier" "$array_job" "$array" "$merge_job" >"$run/jobs.env"
rm -f "$run/logs/merge.status"
echo "array job $array_job (shards $array), merge job $merge_job -> $output"
echo "follow it with: $here/status.sh $run"
if [ "$wait" -eq 1 ]; then
    exec "$here/status.sh" --wait "$run"
fi
