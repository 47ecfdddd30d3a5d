#include "dossier/store/document_store.h"

#include "sqlite_connection.h"

#include <cstring>
#include <unordered_map>

namespace dossier::store {
namespace {

std::string_view role_name(DocumentParty::Role role) {
    switch (role) {
    case DocumentParty::Role::Sender:
        return "sender";
    case DocumentParty::Role::Recipient:
        return "recipient";
    case DocumentParty::Role::Signatory:
        return "signatory";
    }
    return "sender";
}

DocumentParty::Role parse_role(std::string_view name) {
    if (name == "recipient")
        return DocumentParty::Role::Recipient;
    if (name == "signatory")
        return DocumentParty::Role::Signatory;
    return DocumentParty::Role::Sender;
}

std::vector<std::byte> encode_page_starts(const std::vector<std::uint32_t>& starts) {
    std::vector<std::byte> bytes(starts.size() * 4);
    for (std::size_t i = 0; i < starts.size(); ++i)
        for (int b = 0; b < 4; ++b)
            bytes[i * 4 + b] = static_cast<std::byte>((starts[i] >> (8 * b)) & 0xFF);
    return bytes;
}

std::vector<std::uint32_t> decode_page_starts(std::span<const std::byte> bytes) {
    std::vector<std::uint32_t> starts(bytes.size() / 4);
    for (std::size_t i = 0; i < starts.size(); ++i)
        for (int b = 0; b < 4; ++b)
            starts[i] |= static_cast<std::uint32_t>(bytes[i * 4 + b]) << (8 * b);
    return starts;
}

} // namespace

bool DocumentStore::contains_hash(const std::string& sha256) {
    auto& stmt = project_.connection().prepare("SELECT 1 FROM documents WHERE sha256 = ?1");
    stmt.bind(1, sha256);
    return stmt.step();
}

DocumentId DocumentStore::insert(const Document& doc, std::uint64_t source_bytes,
                                 bool defer_full_text) {
    auto& conn = project_.connection();
    auto& insert_doc =
        conn.prepare("INSERT INTO documents(sha256, source_path, source_key, format, title, date, "
                     "date_precision,"
                     " classification, archive_ref, language, page_starts, byte_size, text)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    auto pages = encode_page_starts(doc.page_starts);
    // bind() does not copy (SQLITE_STATIC): the date string must outlive run().
    const auto iso_date = doc.date.iso();
    insert_doc.bind(1, doc.sha256)
        .bind(2, doc.source_path)
        .bind(3, doc.source_key)
        .bind(4, doc.format)
        .bind(5, doc.title)
        .bind_optional(6, iso_date)
        .bind(7, to_string(doc.date.precision))
        .bind(8, doc.classification)
        .bind(9, doc.archive_ref)
        .bind(10, doc.language)
        .bind(12, static_cast<std::int64_t>(source_bytes))
        .bind(13, doc.text);
    if (pages.empty())
        insert_doc.bind_null(11);
    else
        insert_doc.bind_blob(11, pages);
    insert_doc.run();
    const DocumentId id{conn.last_insert_rowid()};

    if (defer_full_text) {
        conn.prepare("INSERT INTO fts_pending(document_id) VALUES (?1)").bind(1, id.value).run();
    } else {
        auto& fts =
            conn.prepare("INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)");
        fts.bind(1, id.value).bind(2, doc.title).bind(3, doc.text).run();
    }

    auto& party = conn.prepare(
        "INSERT INTO document_parties(document_id, role, position, name) VALUES (?1, ?2, ?3, ?4)");
    int position = 0;
    for (const auto& p : doc.parties)
        party.bind(1, id.value)
            .bind(2, role_name(p.role))
            .bind(3, position++)
            .bind(4, p.name)
            .run();

    auto& meta =
        conn.prepare("INSERT INTO document_metadata(document_id, key, value) VALUES (?1, ?2, ?3)");
    for (const auto& [key, value] : doc.metadata)
        meta.bind(1, id.value).bind(2, key).bind(3, value).run();

    auto& ann =
        conn.prepare("INSERT INTO source_annotations(document_id, start, end, kind, ref, role)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& a : doc.annotations)
        ann.bind(1, id.value)
            .bind(2, static_cast<std::int64_t>(a.span.start))
            .bind(3, static_cast<std::int64_t>(a.span.end))
            .bind(4, a.kind)
            .bind(5, a.ref)
            .bind(6, a.role)
            .run();
    return id;
}

std::size_t DocumentStore::index_deferred_full_text() {
    auto& conn = project_.connection();
    auto& count = conn.prepare("SELECT count(*) FROM fts_pending");
    count.step();
    const auto pending = static_cast<std::size_t>(count.int64(0));
    count.reset();
    if (pending == 0)
        return 0;
    conn.prepare("INSERT INTO documents_fts(rowid, title, text)"
                 " SELECT d.id, d.title, d.text FROM fts_pending p JOIN documents d ON d.id = "
                 "p.document_id"
                 " ORDER BY d.id")
        .run();
    conn.prepare("DELETE FROM fts_pending").run();
    return pending;
}

void DocumentStore::update_header(DocumentId id, const Document& header) {
    auto& conn = project_.connection();
    auto& stmt = conn.prepare(
        "UPDATE documents SET"
        " title = CASE WHEN title = '' AND ?2 <> '' THEN ?2 ELSE title END,"
        " date = CASE WHEN date IS NULL AND ?3 IS NOT NULL THEN ?3 ELSE date END,"
        " date_precision = CASE WHEN date IS NULL AND ?3 IS NOT NULL THEN ?4 ELSE date_precision "
        "END,"
        " classification = CASE WHEN classification = '' THEN ?5 ELSE classification END,"
        " archive_ref = CASE WHEN archive_ref = '' THEN ?6 ELSE archive_ref END"
        " WHERE id = ?1");
    stmt.bind(1, id.value)
        .bind(2, header.title)
        .bind_optional(3, header.date.iso())
        .bind(4, to_string(header.date.precision))
        .bind(5, header.classification)
        .bind(6, header.archive_ref)
        .run();
    if (header.parties.empty())
        return;
    auto& has =
        conn.prepare("SELECT count(*) FROM document_parties WHERE document_id = ?1 AND role = ?2");
    auto& add = conn.prepare("INSERT OR IGNORE INTO document_parties(document_id, role, position, "
                             "name) VALUES (?1, ?2, ?3, ?4)");
    for (auto role : {DocumentParty::Role::Sender, DocumentParty::Role::Recipient,
                      DocumentParty::Role::Signatory}) {
        has.bind(1, id.value).bind(2, role_name(role));
        has.step();
        const bool already = has.int64(0) > 0;
        has.reset();
        if (already)
            continue;
        int position = 0;
        for (const auto& p : header.parties)
            if (p.role == role)
                add.bind(1, id.value)
                    .bind(2, role_name(role))
                    .bind(3, position++)
                    .bind(4, p.name)
                    .run();
    }
}

std::optional<Document> DocumentStore::get(DocumentId id) {
    auto& conn = project_.connection();
    auto& stmt = conn.prepare(
        "SELECT sha256, source_path, source_key, format, title, date, classification, archive_ref,"
        " language, page_starts, text FROM documents WHERE id = ?1");
    stmt.bind(1, id.value);
    if (!stmt.step())
        return std::nullopt;
    Document doc;
    doc.id = id;
    doc.sha256 = stmt.text(0);
    doc.source_path = stmt.text(1);
    doc.source_key = stmt.text(2);
    doc.format = stmt.text(3);
    doc.title = stmt.text(4);
    if (auto date = parse_iso_date(stmt.text(5)))
        doc.date = *date;
    doc.classification = stmt.text(6);
    doc.archive_ref = stmt.text(7);
    doc.language = stmt.text(8);
    doc.page_starts = decode_page_starts(stmt.blob(9));
    doc.text = stmt.text(10);
    stmt.reset();

    auto& parties = conn.prepare(
        "SELECT role, name FROM document_parties WHERE document_id = ?1 ORDER BY role, position");
    parties.bind(1, id.value);
    while (parties.step())
        doc.parties.push_back({parse_role(parties.text(0)), std::string(parties.text(1))});
    parties.reset();

    auto& meta = conn.prepare(
        "SELECT key, value FROM document_metadata WHERE document_id = ?1 ORDER BY rowid");
    meta.bind(1, id.value);
    while (meta.step())
        doc.metadata.emplace_back(std::string(meta.text(0)), std::string(meta.text(1)));
    meta.reset();

    auto& ann = conn.prepare("SELECT start, end, kind, ref, role FROM source_annotations WHERE "
                             "document_id = ?1 ORDER BY start, id");
    ann.bind(1, id.value);
    while (ann.step())
        doc.annotations.push_back(
            {{static_cast<std::uint32_t>(ann.int64(0)), static_cast<std::uint32_t>(ann.int64(1))},
             std::string(ann.text(2)),
             std::string(ann.text(3)),
             std::string(ann.text(4))});
    ann.reset();
    return doc;
}

std::vector<DocumentSummary> DocumentStore::list() {
    auto& conn = project_.connection();
    std::vector<DocumentSummary> result;
    auto& stmt = conn.prepare(
        "SELECT id, title, coalesce(date, ''), format, source_path, source_key, classification,"
        " archive_ref, length(CAST(text AS BLOB)) FROM documents ORDER BY coalesce(date, '9999'), "
        "id");
    while (stmt.step()) {
        DocumentSummary s;
        s.id = DocumentId{stmt.int64(0)};
        s.title = stmt.text(1);
        s.date = stmt.text(2);
        s.format = stmt.text(3);
        s.source_path = stmt.text(4);
        s.source_key = stmt.text(5);
        s.classification = stmt.text(6);
        s.archive_ref = stmt.text(7);
        s.text_bytes = static_cast<std::size_t>(stmt.int64(8));
        result.push_back(std::move(s));
    }
    stmt.reset();
    // One pass over the parties table instead of one query per document.
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < result.size(); ++i)
        index[result[i].id.value] = i;
    auto& parties = conn.prepare("SELECT document_id, role, name FROM document_parties ORDER BY "
                                 "document_id, role, position");
    while (parties.step()) {
        auto it = index.find(parties.int64(0));
        if (it == index.end())
            continue;
        auto role = parse_role(parties.text(1));
        auto& s = result[it->second];
        (role == DocumentParty::Role::Recipient ? s.recipients : s.senders)
            .emplace_back(parties.text(2));
    }
    parties.reset();
    return result;
}

std::vector<DocumentId> DocumentStore::ids() {
    std::vector<DocumentId> result;
    auto& stmt = project_.connection().prepare("SELECT id FROM documents ORDER BY id");
    while (stmt.step())
        result.emplace_back(stmt.int64(0));
    stmt.reset();
    return result;
}

std::size_t DocumentStore::count() {
    auto& stmt = project_.connection().prepare("SELECT count(*) FROM documents");
    stmt.step();
    auto n = static_cast<std::size_t>(stmt.int64(0));
    stmt.reset();
    return n;
}

std::vector<DocumentId> DocumentStore::not_extracted() {
    std::vector<DocumentId> result;
    auto& stmt = project_.connection().prepare(
        "SELECT document_id FROM extraction_pending ORDER BY document_id");
    while (stmt.step())
        result.emplace_back(stmt.int64(0));
    stmt.reset();
    return result;
}

void DocumentStore::mark_extracted(const std::vector<DocumentId>& documents) {
    auto& stmt =
        project_.connection().prepare("DELETE FROM extraction_pending WHERE document_id = ?1");
    for (const auto id : documents)
        stmt.bind(1, id.value).run();
}

std::vector<FullTextHit> DocumentStore::search(const std::string& fts_query, std::size_t limit) {
    std::vector<FullTextHit> hits;
    auto& stmt = project_.connection().prepare(
        "SELECT rowid, title, snippet(documents_fts, 1, '[', ']', '…', 12), rank FROM documents_fts"
        " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2");
    stmt.bind(1, fts_query).bind(2, static_cast<std::int64_t>(limit));
    while (stmt.step())
        hits.push_back({DocumentId{stmt.int64(0)}, std::string(stmt.text(1)),
                        std::string(stmt.text(2)), stmt.real(3)});
    stmt.reset();
    return hits;
}

} // namespace dossier::store
