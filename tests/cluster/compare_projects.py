#!/usr/bin/python3
"""Compares two projects row by row: documents (without their import time), parties, entities,
aliases, mentions, relations and their evidence, with the queries of tests/scale/project_rows.h.

    compare_projects.py EXPECTED.dossier ACTUAL.dossier

Exit 0 when every table holds the same rows and the expected project has entities, mentions and
relations (so that two empty projects do not pass); 1 otherwise, with the first differences."""
import sqlite3
import sys

# Keep in step with tests/scale/project_rows.h.
QUERIES = {
    "documents": "SELECT id, sha256, source_path, source_key, format, title, date, "
    "date_precision, classification, archive_ref, language, byte_size, text "
    "FROM documents ORDER BY id",
    "document_metadata": "SELECT * FROM document_metadata ORDER BY rowid",
    "extraction_pending": "SELECT * FROM extraction_pending ORDER BY 1",
    "document_parties": "SELECT * FROM document_parties ORDER BY 1, 2, 3",
    "entities": "SELECT * FROM entities ORDER BY id",
    "aliases": "SELECT * FROM aliases ORDER BY 1, 2",
    "mentions": "SELECT * FROM mentions ORDER BY id",
    "relations": "SELECT * FROM relations ORDER BY id",
    "relation_evidence": "SELECT * FROM relation_evidence ORDER BY id",
}
MUST_NOT_BE_EMPTY = ("documents", "entities", "mentions", "relations")


def project_rows(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: connection.execute(sql).fetchall() for table, sql in QUERIES.items()}
    finally:
        connection.close()


def shown(row):
    text = repr(row)
    return text if len(text) <= 300 else text[:300] + "..."


def first_difference(expected, actual):
    for index, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            return f"row {index}: expected {shown(want)}\n      got {shown(got)}"
    return f"expected {len(expected)} rows, got {len(actual)}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    expected, actual = project_rows(sys.argv[1]), project_rows(sys.argv[2])
    problems = [f"{table} is empty in {sys.argv[1]}" for table in MUST_NOT_BE_EMPTY
                if not expected[table]]
    for table in QUERIES:
        if expected[table] != actual[table]:
            problems.append(f"{table} differs: {first_difference(expected[table], actual[table])}")
    for problem in problems:
        print(f"compare_projects: {problem}", file=sys.stderr)
    if problems:
        return 1
    counts = ", ".join(f"{len(expected[t])} {t}" for t in MUST_NOT_BE_EMPTY)
    print(f"compare_projects: same rows in every table ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
