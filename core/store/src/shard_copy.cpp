#include "dossier/store/shard_copy.h"

#include "sqlite_connection.h"

namespace dossier::store {

ShardCopy::ShardCopy(Project& target, const std::filesystem::path& shard) : target_(target) {
    auto& conn = target_.connection();
    conn.end_finished_reads();
    conn.prepare("ATTACH DATABASE ?1 AS shard").bind(1, shard.string()).run();
}

ShardCopy::~ShardCopy() {
    try {
        auto& conn = target_.connection();
        conn.end_finished_reads();
        conn.exec("DROP TABLE IF EXISTS temp.shard_documents");
        conn.exec("DROP TABLE IF EXISTS temp.shard_entities");
        conn.exec("DETACH DATABASE shard");
    } catch (...) {
        // A detach that fails leaves the file attached to a connection about to close.
    }
}

CopiedDocuments ShardCopy::copy_documents() {
    auto& conn = target_.connection();
    conn.exec("DROP TABLE IF EXISTS temp.shard_documents");
    conn.exec("CREATE TEMP TABLE shard_documents(local INTEGER PRIMARY KEY, global INTEGER NOT "
              "NULL)");
    // Numbered on from the target's last document, as SQLite numbers appended rows.
    conn.prepare("INSERT INTO temp.shard_documents(local, global)"
                 " SELECT s.id, (SELECT coalesce(max(id), 0) FROM main.documents)"
                 " + row_number() OVER (ORDER BY s.id) FROM shard.documents s"
                 " WHERE NOT EXISTS (SELECT 1 FROM main.documents m WHERE m.sha256 = s.sha256)"
                 " ORDER BY s.id")
        .run();
    conn.prepare("INSERT INTO main.documents(id, sha256, source_path, source_key, format, title,"
                 " date, date_precision, classification, archive_ref, language, page_starts,"
                 " byte_size, imported_at, text)"
                 " SELECT m.global, s.sha256, s.source_path, s.source_key, s.format, s.title,"
                 " s.date, s.date_precision, s.classification, s.archive_ref, s.language,"
                 " s.page_starts, s.byte_size, s.imported_at, s.text"
                 " FROM temp.shard_documents m JOIN shard.documents s ON s.id = m.local"
                 " ORDER BY m.local")
        .run();
    conn.prepare("INSERT INTO main.document_parties(document_id, role, position, name)"
                 " SELECT m.global, p.role, p.position, p.name FROM shard.document_parties p"
                 " JOIN temp.shard_documents m ON m.local = p.document_id")
        .run();
    conn.prepare("INSERT INTO main.document_metadata(document_id, key, value)"
                 " SELECT m.global, x.key, x.value FROM shard.document_metadata x"
                 " JOIN temp.shard_documents m ON m.local = x.document_id ORDER BY x.rowid")
        .run();
    conn.prepare("INSERT INTO main.source_annotations(document_id, start, end, kind, ref, role)"
                 " SELECT m.global, a.start, a.end, a.kind, a.ref, a.role"
                 " FROM shard.source_annotations a"
                 " JOIN temp.shard_documents m ON m.local = a.document_id ORDER BY a.id")
        .run();
    conn.prepare("INSERT INTO main.ocr_pages(document_id, page, dpi, width, height,"
                 " mean_confidence) SELECT m.global, p.page, p.dpi, p.width, p.height,"
                 " p.mean_confidence FROM shard.ocr_pages p"
                 " JOIN temp.shard_documents m ON m.local = p.document_id")
        .run();
    conn.prepare("INSERT INTO main.ocr_words(document_id, start, end, page, line, left, top,"
                 " right, bottom, confidence) SELECT m.global, w.start, w.end, w.page, w.line,"
                 " w.left, w.top, w.right, w.bottom, w.confidence FROM shard.ocr_words w"
                 " JOIN temp.shard_documents m ON m.local = w.document_id")
        .run();

    CopiedDocuments copied;
    auto& read = conn.prepare("SELECT local, global FROM temp.shard_documents ORDER BY local");
    while (read.step()) {
        copied.shard_ids.push_back(read.int64(0));
        copied.ids.push_back(DocumentId{read.int64(1)});
    }
    read.reset();
    copied.duplicates =
        static_cast<std::size_t>(detail::query_int(conn, "SELECT count(*) FROM shard.documents") -
                                 static_cast<std::int64_t>(copied.ids.size()));
    return copied;
}

std::size_t ShardCopy::copy_first_reads() {
    auto& conn = target_.connection();
    conn.exec("DROP TABLE IF EXISTS temp.shard_entities");
    conn.exec("CREATE TEMP TABLE shard_entities(local INTEGER PRIMARY KEY, global INTEGER NOT "
              "NULL, created INTEGER NOT NULL DEFAULT 0)");
    // Extracted entities the target already holds: found by (type, key) as find_or_create finds
    // them, the lowest id first.
    conn.prepare("INSERT INTO temp.shard_entities(local, global)"
                 " SELECT local, global FROM (SELECT s.id AS local,"
                 " (SELECT e.id FROM main.entities e WHERE e.type = s.type AND e.key = s.key"
                 " ORDER BY e.id LIMIT 1) AS global FROM shard.entities s"
                 " WHERE s.document_id IS NULL) WHERE global IS NOT NULL")
        .run();
    // The others, numbered on in the order the shard created them: a serial run creates them in
    // that order too (every document before the shard's is in an earlier shard).
    conn.prepare("INSERT INTO temp.shard_entities(local, global, created)"
                 " SELECT s.id, (SELECT coalesce(max(id), 0) FROM main.entities)"
                 " + row_number() OVER (ORDER BY s.id), 1 FROM shard.entities s"
                 " WHERE s.id NOT IN (SELECT local FROM temp.shard_entities)"
                 " AND (s.document_id IS NULL OR s.document_id IN"
                 " (SELECT local FROM temp.shard_documents)) ORDER BY s.id")
        .run();
    // A document entity is named and keyed after its document's id ('document 12', 'doc:12')
    // when its document has no title: renamed after the id the document has now.
    conn.prepare(
            "INSERT INTO main.entities(id, type, canonical_name, key, authority_id, document_id,"
            " rejected, origin)"
            " SELECT m.global, s.type,"
            " CASE WHEN s.document_id IS NOT NULL AND s.canonical_name = 'document ' || "
            "s.document_id"
            " AND d.title = '' THEN 'document ' || dm.global ELSE s.canonical_name END,"
            " CASE WHEN s.document_id IS NOT NULL AND s.key = 'doc:' || s.document_id"
            " THEN 'doc:' || dm.global ELSE s.key END,"
            " s.authority_id, dm.global, s.rejected, s.origin"
            " FROM temp.shard_entities m JOIN shard.entities s ON s.id = m.local"
            " LEFT JOIN temp.shard_documents dm ON dm.local = s.document_id"
            " LEFT JOIN shard.documents d ON d.id = s.document_id"
            " WHERE m.created = 1 ORDER BY m.local")
        .run();
    // Authority links: the last document's wins, as repeated set_authority_id calls leave it.
    conn.prepare("UPDATE main.entities SET authority_id = x.authority_id FROM"
                 " (SELECT m.global AS id, s.authority_id FROM shard.entities s"
                 " JOIN temp.shard_entities m ON m.local = s.id WHERE s.authority_id <> '') AS x"
                 " WHERE main.entities.id = x.id")
        .run();
    conn.prepare("INSERT OR IGNORE INTO main.aliases(entity_id, alias, key, source)"
                 " SELECT m.global, a.alias, a.key, a.source FROM shard.aliases a"
                 " JOIN temp.shard_entities m ON m.local = a.entity_id")
        .run();
    conn.prepare("INSERT INTO main.mentions(document_id, start, end, entity_id, method,"
                 " confidence, surface)"
                 " SELECT dm.global, x.start, x.end, em.global, x.method, x.confidence, x.surface"
                 " FROM shard.mentions x JOIN temp.shard_documents dm ON dm.local = x.document_id"
                 " JOIN temp.shard_entities em ON em.local = x.entity_id ORDER BY x.id")
        .run();
    return static_cast<std::size_t>(conn.changes());
}

BulkLoad::BulkLoad(Project& project) : project_(project) {
    auto& conn = project_.connection();
    conn.end_finished_reads();
    conn.exec("PRAGMA foreign_keys = OFF");
    conn.exec("PRAGMA synchronous = OFF");
    conn.exec("PRAGMA journal_mode = OFF");
    conn.exec("PRAGMA cache_size = -262144");
    conn.exec("DROP INDEX IF EXISTS mentions_doc");
    conn.exec("DROP INDEX IF EXISTS mentions_entity");
}

BulkLoad::~BulkLoad() {
    try {
        finish();
    } catch (...) {
        // The merge failed already; its temporary file is removed.
    }
}

void BulkLoad::finish() {
    if (!open_)
        return;
    open_ = false;
    auto& conn = project_.connection();
    conn.end_finished_reads();
    // The text of schema v1 (the schema audit compares it).
    conn.exec("CREATE INDEX mentions_doc ON mentions(document_id, start)");
    conn.exec("CREATE INDEX mentions_entity ON mentions(entity_id)");
    conn.exec("PRAGMA cache_size = -65536");
    conn.exec("PRAGMA journal_mode = WAL");
    conn.exec("PRAGMA synchronous = NORMAL");
    conn.exec("PRAGMA foreign_keys = ON");
}

void index_merged_full_text(Project& project, const std::vector<DocumentId>& untitled_at_import) {
    auto& conn = project.connection();
    conn.exec("DROP TABLE IF EXISTS temp.untitled_at_import");
    conn.exec("CREATE TEMP TABLE untitled_at_import(id INTEGER PRIMARY KEY)");
    auto& add = conn.prepare("INSERT INTO temp.untitled_at_import(id) VALUES (?1)");
    for (auto id : untitled_at_import)
        add.bind(1, id.value).run();
    conn.prepare("INSERT INTO documents_fts(rowid, title, text)"
                 " SELECT d.id, CASE WHEN u.id IS NULL THEN d.title ELSE '' END, d.text"
                 " FROM documents d LEFT JOIN temp.untitled_at_import u ON u.id = d.id"
                 " ORDER BY d.id")
        .run();
    conn.exec("DROP TABLE temp.untitled_at_import");
}

std::vector<DocumentId> untitled_documents(Project& project) {
    auto& stmt =
        project.connection().prepare("SELECT id FROM documents WHERE title = '' ORDER BY id");
    std::vector<DocumentId> ids;
    while (stmt.step())
        ids.push_back(DocumentId{stmt.int64(0)});
    stmt.reset();
    return ids;
}

} // namespace dossier::store
