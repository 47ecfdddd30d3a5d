#pragma once
// Shared by the tests that run extraction over a real project file: a document committed from a
// text (its text doubles as its content hash, so every text is a new document) and the persons
// the project holds afterwards.
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project.h"

#include <algorithm>
#include <string>
#include <vector>

namespace dossier::testing {

// A TEI document when it carries source annotations, plain text otherwise.
inline DocumentId add_document(store::Project& project, const std::string& text,
                               std::vector<SourceAnnotation> annotations = {}) {
    Document doc;
    doc.sha256 = "sha-" + text;
    doc.source_path = annotations.empty() ? "t.txt" : "t.xml";
    doc.format = annotations.empty() ? "text" : "tei";
    doc.text = text;
    doc.annotations = std::move(annotations);
    store::Transaction tx(project);
    const auto id = store::DocumentStore(project).insert(doc, text.size());
    tx.commit();
    return id;
}

// Canonical names of the project's persons, sorted.
inline std::vector<std::string> person_names(store::Project& project) {
    std::vector<std::string> names;
    for (const auto& e : store::EntityStore(project).list(EntityType::Person))
        names.push_back(e.canonical_name);
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace dossier::testing
