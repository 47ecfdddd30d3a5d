#!/usr/bin/env bash
# Soak test: the explorer (dossier-gui, offscreen) holds a project open while other processes
# import, extract, correct and export it in loops, each run killed with SIGKILL at a random moment
# about one time in three. Afterwards: PRAGMA integrity_check is ok, every document whose import
# exited 0 is still there, the explorer is still running, and every run ended done, killed by us,
# or refused only because our kill cut an extraction short (no other refusal, no crash), and the
# explorer noticed: it reloaded on its own after other processes' commits (one line each in
# DOSSIER_LOG_RELOADS), at least once per 5 imports that exited 0, and a few seconds after the
# last run the documents it shows are the project's. Figures go to stdout (docs/RELIABILITY.md
# has a run).
# Usage: scripts/soak.sh [SECONDS] [BUILD_DIR]      (default 600 s, build/)
set -euo pipefail
seconds="${1:-600}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${2:-$root/build}"
dossier="$build/cli/dossier"
gui="$build/gui/dossier-gui"
for program in "$dossier" "$gui"; do
    [ -x "$program" ] || { echo "soak: $program is missing; build first" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "soak: needs sqlite3" >&2; exit 1; }

work="$(mktemp -d)"
project="$work/soak.dossier"
log="$work/log"
mkdir -p "$log"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ "${SOAK_KEEP:-0}" = 1 ] && echo "soak: kept $work" || rm -rf "$work"
}
trap cleanup EXIT

# One batch of cables: distinct texts (content hashes), a few recurring names for extraction.
write_batch() {
    local folder="$1" tag="$2"
    mkdir -p "$folder"
    for i in 1 2 3 4 5; do
        printf 'TELEGRAM %s-%s\nFROM: AMEMBASSY MOSCOW\nTO: SECSTATE WASHDC\nGromyko met Rusk and Kuznetsov in Geneva on 1962-03-%02d about Laos (%s-%s).\n' \
            "$tag" "$i" "$((i + 10))" "$tag" "$i" >"$folder/cable-$tag-$i.txt"
    done
}

# Runs "$@" in the background and SIGKILLs it after a random 0.1-3 s about one time in three.
# Prints the exit status (137 for our kill). A correction refused because one of our kills cut an
# extraction short (its entities cleared, not yet rebuilt: the command says so and exits 1) is
# what the project really looks like then, not a failure: printed as "refused-after-our-kill".
run_maybe_killed() {
    local err
    err="$(mktemp "$log/run.XXXXXX")"
    "$@" >/dev/null 2>"$err" &
    local pid=$!
    if [ $((RANDOM % 3)) -eq 0 ]; then
        sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
        sleep "$((RANDOM % 3))"
        kill -9 "$pid" 2>/dev/null || true
    fi
    local status=0
    wait "$pid" || status=$?
    cat "$err" >>"$log/stderr"
    if [ "$status" -eq 1 ] && grep -q "the last extraction did not finish" "$err"; then
        status=refused-after-our-kill
    fi
    rm -f "$err"
    echo "$status"
}

write_batch "$work/seed" seed
"$dossier" import "$project" "$work/seed" --quiet
echo "$work/seed"/*.txt | tr ' ' '\n' >"$log/committed"

touch "$log/reloads"
DOSSIER_LOG_RELOADS="$log/reloads" QT_QPA_PLATFORM=offscreen "$gui" "$project" >"$log/gui.out" 2>&1 &
gui_pid=$!
pids+=("$gui_pid")

deadline=$((SECONDS + seconds))

import_loop() {
    local n=0 status
    while [ $SECONDS -lt $deadline ]; do
        n=$((n + 1))
        write_batch "$work/batch-$n" "b$n"
        status="$(run_maybe_killed "$dossier" import "$project" "$work/batch-$n" --quiet)"
        echo "import $status" >>"$log/runs"
        # Exit 0: every file of the batch is committed and must stay so. (An if, not &&: a
        # killed last import must not end the loop, and with it the soak, with status 1.)
        if [ "$status" = 0 ]; then ls "$work/batch-$n"/*.txt >>"$log/committed"; fi
    done
}
extract_loop() {
    while [ $SECONDS -lt $deadline ]; do
        echo "extract $(run_maybe_killed "$dossier" extract "$project")" >>"$log/runs"
    done
}
correct_loop() {
    local n=0
    while [ $SECONDS -lt $deadline ]; do
        n=$((n + 1))
        echo "note $(run_maybe_killed "$dossier" note "$project" "soak note $n" --entity Laos)" >>"$log/runs"
    done
}
export_loop() {
    while [ $SECONDS -lt $deadline ]; do
        echo "export $(run_maybe_killed "$dossier" export "$project" --format csv -o "$work/export.csv")" >>"$log/runs"
    done
}

import_loop &
pids+=($!)
extract_loop &
pids+=($!)
correct_loop &
pids+=($!)
export_loop &
pids+=($!)
for pid in "${pids[@]:1}"; do wait "$pid"; done

# The explorer polls the file every second; it may be laying out the last change it noticed.
final_documents="$(sqlite3 "$project" 'SELECT count(*) FROM documents')"
shown_documents=none
for _ in $(seq 1 30); do
    sleep 1
    shown_documents="$(tail -n 1 "$log/reloads" 2>/dev/null | awk '{print $4}')"
    [ "$shown_documents" = "$final_documents" ] && break
done
reloads="$(wc -l <"$log/reloads")"
imports_done="$(grep -c '^import 0$' "$log/runs" || true)"

failed=0
[ "$shown_documents" = "$final_documents" ] || failed=1
[ "$reloads" -ge $((imports_done / 5)) ] && [ "$reloads" -ge 1 ] || failed=1
gui_alive=yes
kill -0 "$gui_pid" 2>/dev/null || { gui_alive=no; failed=1; }
integrity="$(sqlite3 "$project" 'PRAGMA integrity_check')"
[ "$integrity" = ok ] || failed=1
missing=0
while read -r path; do
    count="$(sqlite3 "$project" "SELECT count(*) FROM documents WHERE source_path = '${path//\'/\'\'}'")"
    [ "$count" -ge 1 ] || missing=$((missing + 1))
done <"$log/committed"
[ "$missing" -eq 0 ] || failed=1
# Every run ends done (0), killed by us (137) or refused because of our kill (above); anything
# else (another refusal, "database is locked", a crash) is a failure.
crashes="$(awk '$2 != 0 && $2 != 137 && $2 != "refused-after-our-kill"' "$log/runs" | wc -l)"
[ "$crashes" -eq 0 ] || failed=1

echo "soak: ${seconds}s; runs by command and exit status (137 = our SIGKILL):"
sort "$log/runs" | uniq -c | sed 's/^/soak:   /'
echo "soak: documents $(sqlite3 "$project" 'SELECT count(*) FROM documents'), committed by imports that exited 0: $(wc -l <"$log/committed"), missing: $missing"
echo "soak: integrity_check: $integrity; explorer still running: $gui_alive; runs that failed: $crashes"
echo "soak: explorer reloaded after other processes' commits $reloads times (imports that exited 0: $imports_done); it shows ${shown_documents:-no} documents, the project holds $final_documents"
if [ "$failed" -ne 0 ]; then
    echo "soak: FAILED (stderr lines of the runs follow)" >&2
    sort "$log/stderr" | uniq -c | sort -rn | head -20 >&2
    exit 1
fi
echo "soak: passed"
