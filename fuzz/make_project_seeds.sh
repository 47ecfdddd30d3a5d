#!/usr/bin/env bash
# Writes the seed corpus of fuzz_project_file (fuzz/corpus/fuzz_project_file/): small projects made
# by the real `dossier` binary, shrunk to 512-byte pages so a mutation hits a page header or a
# schema record often, plus variants a hostile sender could make (a planted trigger, a foreign
# view and index, a version set back). Usage: fuzz/make_project_seeds.sh PATH/TO/dossier
set -euo pipefail
dossier="$1"
out="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/corpus/fuzz_project_file"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/notes"
printf 'TELEGRAM 1\nFROM: AMEMBASSY MOSCOW\nGromyko met Rusk in Geneva on 1962-03-12.\n' >"$work/notes/a.txt"
printf 'NOTE 2\nThe consul reported on the harbour works.\n' >"$work/notes/b.txt"

# $1: seed name; $2: SQL run on a copy of the base project before it is shrunk.
seed() {
    cp "$work/base.dossier" "$work/$1.dossier"
    sqlite3 "$work/$1.dossier" "PRAGMA journal_mode = DELETE; $2 PRAGMA page_size = 512; VACUUM;" >/dev/null
    cp "$work/$1.dossier" "$out/$1" # no .dossier suffix: .gitignore leaves projects out
}

"$dossier" import "$work/base.dossier" "$work/notes" --quiet
sqlite3 "$work/base.dossier" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
seed extracted ""
seed planted-trigger "CREATE TRIGGER t AFTER INSERT ON documents BEGIN DELETE FROM documents WHERE id <> NEW.id; END;"
seed foreign-view-index "CREATE VIEW v AS SELECT text FROM documents; CREATE INDEX i ON documents(title);"
seed version-3 "DROP TRIGGER documents_wait_for_extraction; DROP TABLE extraction_pending; PRAGMA user_version = 3;"
seed empty "DELETE FROM documents; DELETE FROM entities;"
ls -l "$out"
