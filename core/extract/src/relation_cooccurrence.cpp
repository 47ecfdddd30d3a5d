// Entities named together in one sentence or one paragraph of prose (header lines excluded, so
// an addressee list is not a web of co-occurrences), with a Jaccard specificity.
#include "dossier/extract/relation_document.h"
#include "dossier/extract/relation_spans.h"

#include <algorithm>

namespace dossier::extract {
namespace {

constexpr double kCooccurrenceConfidence = 0.5;

struct UnitEntity {
    EntityId entity;
    Span first_span;
};

// Distinct entities of the mentions inside `unit` and outside the header, first mention kept.
std::vector<UnitEntity> entities_in(const RelationDocumentInput& input, Span unit) {
    std::vector<UnitEntity> result;
    auto it = std::lower_bound(
        input.mentions.begin(), input.mentions.end(), unit.start,
        [](const SentenceMention& m, std::uint32_t v) { return m.span.start < v; });
    for (; it != input.mentions.end() && it->span.start < unit.end; ++it) {
        if (it->type == EntityType::Date || it->type == EntityType::Document ||
            it->entity == input.document_entity)
            continue;
        if (span_containing(input.header_lines, it->span.start))
            continue;
        if (std::none_of(result.begin(), result.end(),
                         [&](const UnitEntity& e) { return e.entity == it->entity; }))
            result.push_back({it->entity, it->span});
    }
    return result;
}

void count_units(const RelationDocumentInput& input, const std::vector<Span>& units,
                 std::string_view type, std::size_t limit,
                 std::map<std::int64_t, std::size_t>& with, std::size_t& skipped,
                 RelationAccumulator& out) {
    for (const auto& unit : units) {
        const auto entities = entities_in(input, unit);
        for (const auto& e : entities)
            ++with[e.entity.value];
        if (entities.size() > limit) {
            ++skipped;
            continue;
        }
        for (std::size_t i = 0; i < entities.size(); ++i)
            for (std::size_t j = i + 1; j < entities.size(); ++j)
                out.add(type, entities[i].entity, entities[j].entity, false,
                        kCooccurrenceConfidence, "cooccurrence",
                        Evidence{input.id, unit, entities[i].first_span, entities[j].first_span},
                        input.date);
    }
}

} // namespace

void extract_cooccurrence(const RelationDocumentInput& input, const CooccurrenceLimits& limits,
                          CooccurrenceStats& stats, RelationAccumulator& out) {
    count_units(input, input.sentences, relation_types::kCoOccursSentence,
                limits.max_entities_per_sentence, stats.sentences_with, stats.sentences_skipped,
                out);
    count_units(input, input.paragraphs, relation_types::kCoOccursParagraph,
                limits.max_entities_per_paragraph, stats.paragraphs_with, stats.paragraphs_skipped,
                out);
}

void apply_cooccurrence_specificity(const CooccurrenceStats& stats,
                                    RelationAccumulator& relations) {
    auto apply = [&](std::string_view type, const std::map<std::int64_t, std::size_t>& with) {
        relations.for_each_of_type(type, [&](Relation& r) {
            auto count = [&](EntityId id) {
                auto it = with.find(id.value);
                return it == with.end() ? 0.0 : static_cast<double>(it->second);
            };
            const double both = r.weight;
            const double either = count(r.source) + count(r.target) - both;
            r.specificity = either > 0 ? both / either : 0.0;
        });
    };
    apply(relation_types::kCoOccursSentence, stats.sentences_with);
    apply(relation_types::kCoOccursParagraph, stats.paragraphs_with);
}

} // namespace dossier::extract
