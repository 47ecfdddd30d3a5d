#!/usr/bin/env bash
# Source it: what the Slurm and Dask tests share.

check_fail() {
    echo "check failed: $*" >&2
    exit 1
}

# make_corpus_and_serial_project DOSSIER SAMPLES WORK: copies the sample corpus to WORK/corpus
# (the failing case removes a file from a copy) and imports it serially into WORK/serial.dossier,
# the project every sharded run must reproduce.
make_corpus_and_serial_project() {
    local dossier="$1" samples="$2" work="$3"
    cp -r "$samples" "$work/corpus"
    "$dossier" import "$work/serial.dossier" "$work/corpus" --jobs 1 --quiet ||
        check_fail "the serial import of $work/corpus failed"
}

# move_one_planned_file_away PLAN CORPUS ASIDE: moves one file of CORPUS that PLAN names into
# the folder ASIDE, as if it had vanished between planning and running; prints its path.
move_one_planned_file_away() {
    local plan="$1" corpus="$2" aside="$3" file
    file="$(find "$corpus" -name '*.txt' | sort | head -n 1)"
    grep -qF "$file" "$plan" || check_fail "$plan does not name $file"
    mkdir -p "$aside"
    mv "$file" "$aside/"
    echo "$file"
}

# planned_shard_of PLAN FILE: the shard PLAN puts FILE in (plan.tsv rows: shard, bytes, path).
planned_shard_of() {
    awk -F'\t' -v file="$2" '$3 == file { print $1 }' "$1"
}

# expect_failed_shard_reported EXIT_STATUS OUTPUT_FILE SHARD VANISHED_FILE: the run failed, and
# its report names the shard that failed, and only it, and the file that made it fail.
expect_failed_shard_reported() {
    local status="$1" output="$2" shard="$3" vanished="$4"
    [ "$status" -ne 0 ] || check_fail "the run with a vanished input reported success"
    [ -n "$shard" ] || check_fail "the plan does not put $vanished in a shard"
    grep -qE "^shard $shard FAILED" "$output" || check_fail "no 'shard $shard FAILED' line in $output"
    [ "$(grep -cE '^shard [0-9]+ FAILED' "$output")" -eq 1 ] || check_fail "more than one shard reported failed"
    grep -qF "$vanished" "$output" || check_fail "the report does not name $vanished"
}
