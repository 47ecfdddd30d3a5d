#pragma once
// Runs the rules of a RelationRuleSet over one sentence: a small backtracking token matcher with
// bounded gaps (no std::regex), whose slots take the entity mentions extraction resolved, so a
// demonym ("American") fills a country slot with its country.
#include "dossier/extract/relation_rules.h"
#include "dossier/model/document.h"
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier::extract {

struct SentenceMention {
    Span span;
    EntityId entity;
    EntityType type = EntityType::Person;
};

struct PatternMatch {
    const RelationRule* rule = nullptr;
    EntityId source;
    EntityId target;
    Span source_span; // empty for an implicit @origin source read from the header
    Span target_span;
};

class RelationPatternMatcher {
public:
    explicit RelationPatternMatcher(const RelationRuleSet& rules);

    // `mentions`: those inside `sentence`, sorted by start. `origin`: the country the document
    // speaks for (rules with source @origin), if known. Self-relations are never reported.
    std::vector<PatternMatch>
    match(std::string_view text, Span sentence, std::span<const SentenceMention> mentions,
          const std::optional<SentenceMention>& origin = std::nullopt) const;

private:
    const RelationRuleSet& rules_;
    // A pattern runs only on a sentence that holds, for each of its required literals (not
    // optional), one of that literal's words: the literals are numbered, and each word knows
    // the literals it satisfies.
    std::unordered_map<std::string, std::vector<std::size_t>> literals_of_word_;
    std::vector<std::vector<std::vector<std::size_t>>> required_literals_; // [rule][pattern]
    std::size_t literal_count_ = 0;
};

} // namespace dossier::extract
