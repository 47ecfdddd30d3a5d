#include "dossier/store/document_records.h"

#include "sqlite_connection.h"

#include <algorithm>

namespace dossier::store {

std::string DocumentRecord::meta(std::string_view key) const {
    for (const auto& [name, value] : metadata)
        if (name == key)
            return value;
    return {};
}

std::vector<DocumentRecord> load_document_records(Project& project,
                                                  std::span<const DocumentId> ids) {
    std::vector<DocumentId> wanted(ids.begin(), ids.end());
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    auto& conn = project.connection();
    auto& header = conn.prepare(
        "SELECT title, coalesce(date, ''), format, source_path, source_key, classification,"
        " archive_ref, language FROM documents WHERE id = ?1");
    auto& parties = conn.prepare(
        "SELECT role, name FROM document_parties WHERE document_id = ?1 ORDER BY role, position");
    auto& meta = conn.prepare(
        "SELECT key, value FROM document_metadata WHERE document_id = ?1 ORDER BY rowid");
    std::vector<DocumentRecord> out;
    for (auto id : wanted) {
        header.bind(1, id.value);
        if (!header.step()) {
            header.reset();
            continue;
        }
        DocumentRecord r;
        r.id = id;
        r.title = header.text(0);
        r.date = header.text(1);
        r.format = header.text(2);
        r.source_path = header.text(3);
        r.source_key = header.text(4);
        r.classification = header.text(5);
        r.archive_ref = header.text(6);
        r.language = header.text(7);
        header.reset();
        parties.bind(1, id.value);
        while (parties.step()) {
            const std::string_view role = parties.text(0);
            auto& list = role == "recipient"   ? r.recipients
                         : role == "signatory" ? r.signatories
                                               : r.senders;
            list.emplace_back(parties.text(1));
        }
        parties.reset();
        meta.bind(1, id.value);
        while (meta.step())
            r.metadata.emplace_back(std::string(meta.text(0)), std::string(meta.text(1)));
        meta.reset();
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace dossier::store
