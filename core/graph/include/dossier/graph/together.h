#pragma once
// "Where do A and B appear together": the sentences that mention both, with their document.
#include "dossier/model/document.h"
#include "dossier/model/ids.h"
#include "dossier/store/project.h"

#include <string>
#include <vector>

namespace dossier::graph {

struct CoMention {
    DocumentId document;
    std::string title;
    std::string date; // ISO at its precision, may be empty
    int page = 0;     // 1-based for paged documents, 0 otherwise
    Span sentence;    // byte span of the sentence in the document text
    std::string text; // the sentence
};

// Sentences (extract::split_sentences) that hold a mention of `a` and a mention of `b`, by
// document id then position. Rejected entities are still found: the question is about the text.
std::vector<CoMention> appear_together(store::Project& project, EntityId a, EntityId b);

} // namespace dossier::graph
