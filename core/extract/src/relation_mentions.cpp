// document -> entity "mentions" (one evidence row per mention) and document -> document
// "refers_to" (a reference number in the text naming another document).
#include "dossier/extract/relation_document.h"
#include "dossier/extract/relation_spans.h"

namespace dossier::extract {
namespace {
constexpr double kMentionConfidence = 1.0;
constexpr double kReferenceConfidence = 0.9;
} // namespace

void extract_mention_relations(const RelationDocumentInput& input, RelationAccumulator& out) {
    for (const auto& m : input.mentions) {
        if (m.type == EntityType::Date || m.entity == input.document_entity)
            continue;
        const Span quote = quote_span_for(input.text, input.header_lines, input.sentences, m.span);
        const Evidence evidence{input.id, quote, {}, m.span};
        out.add(relation_types::kMentions, input.document_entity, m.entity, true,
                kMentionConfidence, "mention", evidence, input.date);
        if (m.type == EntityType::Document)
            out.add(relation_types::kRefersTo, input.document_entity, m.entity, true,
                    kReferenceConfidence, "reference", evidence, input.date);
    }
}

} // namespace dossier::extract
