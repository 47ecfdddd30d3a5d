#include "schema.h"

#include <array>

namespace dossier::store::detail {
namespace {

// Version 1: everything the ingest, extraction, relation, curation and layout features need.
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT NOT NULL UNIQUE,
    source_path    TEXT NOT NULL,
    source_key     TEXT NOT NULL DEFAULT '',
    format         TEXT NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    date           TEXT,               -- ISO 8601 at its precision: 1980, 1980-10, 1980-10-02
    date_precision TEXT NOT NULL DEFAULT 'none',
    classification TEXT NOT NULL DEFAULT '',
    archive_ref    TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT '',
    page_starts    BLOB,               -- little-endian uint32 byte offsets, one per PDF page
    byte_size      INTEGER NOT NULL,   -- of the source
    imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    text           TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE document_parties (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('sender', 'recipient', 'signatory')),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (document_id, role, position)
) WITHOUT ROWID;

CREATE TABLE document_metadata (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL
);
CREATE INDEX document_metadata_doc ON document_metadata(document_id);

-- Annotations the source already carried (TEI persName, orgName, placeName, gloss, note).
CREATE TABLE source_annotations (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    ref         TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX source_annotations_doc ON source_annotations(document_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

-- Entries of authority files (known officials, institutions), kept apart from what extraction finds.
CREATE TABLE authority_entries (
    id          INTEGER PRIMARY KEY,
    external_id TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '',  -- separated by |
    birth_year  INTEGER,
    death_year  INTEGER,
    note        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE entities (
    id             INTEGER PRIMARY KEY,
    type           TEXT NOT NULL,
    canonical_name TEXT NOT NULL,
    key            TEXT NOT NULL,         -- normalised identity key
    authority_id   TEXT NOT NULL DEFAULT '',
    document_id    INTEGER REFERENCES documents(id) ON DELETE SET NULL, -- for type 'document'
    rejected       INTEGER NOT NULL DEFAULT 0,
    origin         TEXT NOT NULL DEFAULT 'extract' -- extract | authority | curation
);
CREATE INDEX entities_type_key ON entities(type, key);

CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,
    source    TEXT NOT NULL DEFAULT 'extract',
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases(key);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    method      TEXT NOT NULL,
    confidence  REAL NOT NULL DEFAULT 1.0,
    surface     TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(document_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE relations (
    id          INTEGER PRIMARY KEY,
    type        TEXT NOT NULL,
    source_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    target_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    directed    INTEGER NOT NULL DEFAULT 1,
    weight      REAL NOT NULL DEFAULT 1.0,
    specificity REAL NOT NULL DEFAULT 0.0,
    first_date  TEXT,
    last_date   TEXT,
    confidence  REAL NOT NULL DEFAULT 1.0,
    method      TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT 'extract', -- extract | curation
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX relations_source ON relations(source_id);
CREATE INDEX relations_target ON relations(target_id);
CREATE INDEX relations_type ON relations(type);

CREATE TABLE relation_evidence (
    id             INTEGER PRIMARY KEY,
    relation_id    INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    source_start   INTEGER NOT NULL DEFAULT 0,
    source_end     INTEGER NOT NULL DEFAULT 0,
    target_start   INTEGER NOT NULL DEFAULT 0,
    target_end     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX relation_evidence_relation ON relation_evidence(relation_id);
CREATE INDEX relation_evidence_document ON relation_evidence(document_id);

-- An analyst's corrections, replayed in order after every re-extraction.
CREATE TABLE curation (
    id           INTEGER PRIMARY KEY,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    author       TEXT NOT NULL DEFAULT '',
    op           TEXT NOT NULL,          -- merge, split, rename, retype, reject, relate, unrelate, note
    payload      TEXT NOT NULL,          -- JSON: the operation's arguments, by names and keys
    before_state TEXT NOT NULL DEFAULT '{}', -- JSON: what it changed, for undo and audit
    status       TEXT NOT NULL DEFAULT 'applied', -- applied | stale | undone
    message      TEXT NOT NULL DEFAULT ''
);

-- Node positions an analyst fixed (pinned) or the last layout left.
CREATE TABLE node_positions (
    entity_id INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    x         REAL NOT NULL,
    y         REAL NOT NULL,
    pinned    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE views (
    name TEXT PRIMARY KEY,
    spec TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)SQL";

// Version 2: full-text indexing in batches for bulk imports. A batch import commits one file per
// transaction, and every FTS5 commit flushes a small segment that later merges rewrite: indexing
// ~100 KB files one commit at a time cost half the throughput of FTS5 alone
// (bench/ingest_bench.cpp). Documents committed with their full-text entry deferred are listed in
// fts_pending until DocumentStore::index_deferred_full_text() indexes them in one transaction.
// The merge policy (16 segments per merge instead of 4) rewrites the index less often too.
constexpr const char* kSchemaV2 = R"SQL(
CREATE TABLE fts_pending (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);
INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 16);
INSERT INTO documents_fts(documents_fts, rank) VALUES ('crisismerge', 64);
)SQL";

// Version 3: node positions keyed by the entity's stable identity (type + normalised key, as the
// curation records name entities) instead of its row id. Re-extraction deletes and re-creates
// extracted entities under new ids; with the old key (and ON DELETE CASCADE) every pin an analyst
// placed vanished. A position whose entity is gone stays until an entity with that identity comes
// back. Existing rows move over; when two entities shared an identity, a pinned row wins over an
// unpinned one, then the lowest entity id (the one find_by_key returns).
constexpr const char* kSchemaV3 = R"SQL(
CREATE TABLE node_positions_by_identity (
    entity_type TEXT NOT NULL,
    entity_key  TEXT NOT NULL,
    x           REAL NOT NULL,
    y           REAL NOT NULL,
    pinned      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_type, entity_key)
) WITHOUT ROWID;
INSERT OR IGNORE INTO node_positions_by_identity(entity_type, entity_key, x, y, pinned)
    SELECT e.type, e.key, p.x, p.y, p.pinned
    FROM node_positions p JOIN entities e ON e.id = p.entity_id
    ORDER BY p.pinned DESC, p.entity_id ASC;
DROP TABLE node_positions;
ALTER TABLE node_positions_by_identity RENAME TO node_positions;
)SQL";

// Version 4: which documents no extraction has read yet. Every new document is listed by the
// trigger, whatever imports it; an extraction that finishes removes the documents it read. The
// project-wide "extraction incomplete" setting says a run was cut short; this list says which
// documents were never extracted at all (an import with --no-extract, or one stopped by a full disk
// before its extraction ran). Documents of an older project count as read: nothing recorded which
// of them were. IF NOT EXISTS: a project can be set back to an older version and migrated again.
constexpr const char* kSchemaV4 = R"SQL(
CREATE TABLE IF NOT EXISTS extraction_pending (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);
CREATE TRIGGER IF NOT EXISTS documents_wait_for_extraction AFTER INSERT ON documents
BEGIN
    INSERT OR IGNORE INTO extraction_pending(document_id) VALUES (new.id);
END;
)SQL";

// Version 5: what OCR read on scanned pages (docs/OCR.md). A document's text is the OCR text, so
// extraction runs unchanged; these tables map a byte span of it back to the words on the page
// image, their boxes (pixels at `dpi`, origin top left) and Tesseract's confidences (0-100).
// The page images themselves are not kept: documents.source_path and the page number re-render
// any region at `dpi` (a 300 dpi grey page is ~8 MB decoded, ~1 MB as PNG: a 5,000-page scan
// would multiply the project's size for a crop the explorer can make from the source file).
// `line` numbers a page's text lines, so the scanned line around a mention can be cropped.
constexpr const char* kSchemaV5 = R"SQL(
CREATE TABLE IF NOT EXISTS ocr_pages (
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page            INTEGER NOT NULL,
    dpi             INTEGER NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    mean_confidence REAL NOT NULL,
    PRIMARY KEY (document_id, page)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ocr_words (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    left        INTEGER NOT NULL,
    top         INTEGER NOT NULL,
    right       INTEGER NOT NULL,
    bottom      INTEGER NOT NULL,
    confidence  REAL NOT NULL,
    PRIMARY KEY (document_id, start)
) WITHOUT ROWID;
)SQL";

// Version 6: a document's entity found by its document. EntityStore::find_document_entity runs
// once per document in every relation pass, and without an index each call read the whole
// entities table: a merge of 10,000 cables spent 29 % of its time there, and the cost grows with
// documents x entities. Partial: only document entities have a document_id.
constexpr const char* kSchemaV6 = R"SQL(
CREATE INDEX IF NOT EXISTS entities_document ON entities(document_id)
    WHERE document_id IS NOT NULL;
)SQL";

constexpr std::array<const char*, 6> kMigrations{kSchemaV1, kSchemaV2, kSchemaV3,
                                                 kSchemaV4, kSchemaV5, kSchemaV6};

} // namespace

std::span<const char* const> migrations() {
    return kMigrations;
}

} // namespace dossier::store::detail
