#include "dossier/extract/entity_gold.h"

#include <stdexcept>

namespace dossier::extract {

std::map<EntityType, EntityGoldScores>
score_entity_gold(const std::vector<GoldAddition>& entries,
                  const std::vector<std::string_view>& texts,
                  const std::vector<std::string>& document_keys,
                  std::map<EntityType, std::vector<ScoredMention>> predicted) {
    std::map<EntityType, EntityGoldScores> scores;
    for (const auto& e : entries) {
        const auto colon = e.identity.find(':');
        const auto type = colon == std::string::npos
                              ? std::nullopt
                              : parse_entity_type(e.identity.substr(0, colon));
        if (!type || *type == EntityType::Person)
            throw std::runtime_error("line " + std::to_string(e.line) +
                                     ": identity must be organization:, country: or place:<id>, "
                                     "not '" +
                                     e.identity + "'");
        scores[*type];
    }
    // One pass over every entry, longer names first across types.
    const auto all = add_gold_mentions({}, entries, texts, document_keys).mentions;
    for (const auto& m : all) {
        const auto colon = m.identity.find(':');
        const auto type = *parse_entity_type(m.identity.substr(0, colon));
        scores[type].gold.push_back({m.document, m.span, m.identity.substr(colon + 1)});
    }
    for (auto& [type, s] : scores) {
        s.predicted = std::move(predicted[type]);
        s.report = evaluate_mentions(s.gold, s.predicted);
    }
    return scores;
}

} // namespace dossier::extract
