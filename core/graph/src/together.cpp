#include "dossier/graph/together.h"

#include "dossier/extract/sentences.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"

#include <algorithm>
#include <map>

namespace dossier::graph {
namespace {

using SpansByDocument = std::map<std::int64_t, std::vector<Span>>;

SpansByDocument mention_spans(store::EntityStore& entities, EntityId entity) {
    SpansByDocument spans;
    for (const auto& row : entities.mentions_of(entity))
        spans[row.mention.document.value].push_back(row.mention.span);
    return spans;
}

bool any_inside(const std::vector<Span>& mentions, Span sentence) {
    return std::any_of(mentions.begin(), mentions.end(),
                       [&](Span m) { return m.start >= sentence.start && m.end <= sentence.end; });
}

} // namespace

std::vector<CoMention> appear_together(store::Project& project, EntityId a, EntityId b) {
    store::EntityStore entities(project);
    store::DocumentStore documents(project);
    const auto spans_a = mention_spans(entities, a);
    const auto spans_b = mention_spans(entities, b);
    std::vector<CoMention> result;
    for (const auto& [doc_id, mentions_a] : spans_a) {
        const auto it = spans_b.find(doc_id);
        if (it == spans_b.end())
            continue;
        const auto doc = documents.get(DocumentId{doc_id});
        if (!doc)
            continue;
        for (const Span sentence : extract::split_sentences(doc->text)) {
            if (!any_inside(mentions_a, sentence) || !any_inside(it->second, sentence))
                continue;
            result.push_back({doc->id, doc->title, doc->date.iso(), doc->page_of(sentence.start),
                              sentence, doc->text.substr(sentence.start, sentence.size())});
        }
    }
    return result;
}

} // namespace dossier::graph
