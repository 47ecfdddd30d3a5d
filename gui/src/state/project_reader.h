#pragma once
// Small look-ups the panels make on the GUI thread while a project is open: one document's text
// and mentions, a relation's evidence, a name or full-text search. Each is one indexed query on a
// read-only connection of this thread (SQLite connections are per thread); anything that scans the
// project runs on a worker instead (project_snapshot.h).
#include "dossier/model/document.h"
#include "dossier/model/relation.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dossier::gui {

struct EvidenceQuote {
    DocumentId document;
    std::string document_title;
    std::string document_date;
    int page = 0;
    std::string sentence;
};

class ProjectReader {
public:
    void open(const std::filesystem::path& path); // throws store::StoreError
    void close() { project_.reset(); }
    bool is_open() const { return project_.has_value(); }

    std::optional<Document> document(DocumentId id);
    std::vector<store::MentionRow> mentions_in(DocumentId id);
    std::vector<store::MentionRow> mentions_of(EntityId id);
    std::vector<EvidenceQuote> evidence(RelationId relation, std::size_t limit = 20);
    std::vector<store::FullTextHit> search_text(const std::string& fts_query,
                                                std::size_t limit = 50);
    store::EntityLookup find_entity(const std::string& name);

private:
    std::optional<store::Project> project_;
};

} // namespace dossier::gui
