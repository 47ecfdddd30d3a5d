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

# expect_failed_shard_reported EXIT_STATUS OUTPUT_FILE VANISHED_FILE: the run failed, and its
# report names a failed shard and the file that made it fail.
expect_failed_shard_reported() {
    local status="$1" output="$2" vanished="$3"
    [ "$status" -ne 0 ] || check_fail "the run with a vanished input reported success"
    grep -qE 'shard [0-9]+ FAILED' "$output" || check_fail "no 'shard I FAILED' line in $output"
    grep -qF "$(basename "$vanished")" "$output" || check_fail "the report does not name $vanished"
}
