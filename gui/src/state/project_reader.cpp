#include "state/project_reader.h"

#include "dossier/store/relation_store.h"

#include <map>

namespace dossier::gui {

void ProjectReader::open(const std::filesystem::path& path) {
    project_.reset();
    project_.emplace(store::Project::open(path, store::OpenMode::ReadOnly));
}

std::optional<Document> ProjectReader::document(DocumentId id) {
    if (!project_)
        return std::nullopt;
    return store::DocumentStore(*project_).get(id);
}

std::vector<store::MentionRow> ProjectReader::mentions_in(DocumentId id) {
    if (!project_)
        return {};
    return store::EntityStore(*project_).mentions_in_document(id);
}

std::vector<store::MentionRow> ProjectReader::mentions_of(EntityId id) {
    if (!project_)
        return {};
    return store::EntityStore(*project_).mentions_of(id);
}

std::vector<EvidenceQuote> ProjectReader::evidence(RelationId relation, std::size_t limit) {
    std::vector<EvidenceQuote> out;
    if (!project_)
        return out;
    const auto row = store::RelationStore(*project_).get(relation);
    if (!row)
        return out;
    std::map<std::int64_t, std::optional<Document>> documents; // each document read once
    for (const auto& ev : row->relation.evidence) {
        if (out.size() >= limit)
            break;
        auto it = documents.find(ev.document.value);
        if (it == documents.end())
            it = documents.emplace(ev.document.value, document(ev.document)).first;
        if (!it->second)
            continue;
        const Document& doc = *it->second;
        EvidenceQuote quote;
        quote.document = ev.document;
        quote.document_title = doc.title;
        quote.document_date = doc.date.iso();
        quote.page = doc.page_of(ev.sentence.start);
        if (ev.sentence.end > ev.sentence.start && ev.sentence.end <= doc.text.size())
            quote.sentence = doc.text.substr(ev.sentence.start, ev.sentence.size());
        out.push_back(std::move(quote));
    }
    return out;
}

std::vector<store::FullTextHit> ProjectReader::search_text(const std::string& fts_query,
                                                           std::size_t limit) {
    if (!project_)
        return {};
    return store::DocumentStore(*project_).search(fts_query, limit);
}

store::EntityLookup ProjectReader::find_entity(const std::string& name) {
    if (!project_)
        return {};
    return store::EntityStore(*project_).find_by_name(name);
}

} // namespace dossier::gui
