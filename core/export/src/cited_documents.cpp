#include "dossier/export/cited_documents.h"

#include "dossier/store/document_records.h"

#include <set>

namespace dossier::exporting {
namespace {

// The first of these metadata keys that the importer filled.
std::string first_meta(const store::DocumentRecord& record,
                       std::initializer_list<std::string_view> keys) {
    for (auto key : keys)
        if (auto value = record.meta(key); !value.empty())
            return value;
    return {};
}

} // namespace

void attach_cited_documents(store::Project& project, ExportGraph& graph) {
    std::set<std::int64_t> ids;
    for (const auto& edge : graph.edges)
        for (const auto& evidence : edge.evidence)
            ids.insert(std::stoll(evidence.document_id));
    std::vector<DocumentId> wanted;
    for (auto id : ids)
        wanted.emplace_back(id);
    graph.documents.clear();
    for (auto& record : store::load_document_records(project, wanted)) {
        ExportDocument d;
        d.id = std::to_string(record.id.value);
        d.title = record.title;
        d.date = record.date;
        d.format = record.format;
        d.source_path = record.source_path;
        d.classification = record.classification;
        d.archive_ref = record.archive_ref;
        d.language = record.language;
        d.senders = record.senders.empty() ? record.signatories : record.senders;
        d.recipients = record.recipients;
        d.collection = first_meta(record, {"collection", "series", "fonds", "fond"});
        d.archive = first_meta(record, {"archive", "repository"});
        d.volume = first_meta(record, {"volume"});
        d.number = first_meta(record, {"number", "document_number"});
        d.place = first_meta(record, {"place"});
        graph.documents.push_back(std::move(d));
    }
}

} // namespace dossier::exporting
