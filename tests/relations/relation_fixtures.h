#pragma once
// Builds pattern-matcher inputs from short invented sentences: each mention is given by its
// surface text (and which occurrence), an entity number and a type.
#include "dossier/extract/relation_patterns.h"
#include "dossier/extract/relation_rules.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::testing {

struct FixtureMention {
    std::string surface;
    std::int64_t entity;
    EntityType type;
    int occurrence = 0; // 0 = first occurrence of `surface` in the text
};

inline std::vector<extract::SentenceMention>
fixture_mentions(std::string_view text, const std::vector<FixtureMention>& wanted) {
    std::vector<extract::SentenceMention> mentions;
    for (const auto& w : wanted) {
        std::size_t at = text.find(w.surface);
        for (int i = 0; i < w.occurrence && at != std::string_view::npos; ++i)
            at = text.find(w.surface, at + 1);
        EXPECT_NE(at, std::string_view::npos)
            << "fixture mention '" << w.surface << "' not in text";
        if (at == std::string_view::npos)
            continue;
        mentions.push_back(
            {{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + w.surface.size())},
             EntityId{w.entity},
             w.type});
    }
    std::sort(mentions.begin(), mentions.end(),
              [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
    return mentions;
}

inline const extract::RelationRuleSet& bundled_rules() {
    static const auto rules = extract::load_relation_rules(std::filesystem::path(DOSSIER_DATA_DIR) /
                                                           "rules" / "relations.rules");
    return rules;
}

// (type, source, target) of every match, with the rule's direction applied.
struct Found {
    std::string type;
    std::int64_t source;
    std::int64_t target;
    auto operator<=>(const Found&) const = default;
};

inline std::vector<Found> match_sentence(std::string_view text,
                                         const std::vector<FixtureMention>& wanted,
                                         const extract::RelationRuleSet& rules = bundled_rules()) {
    const auto mentions = fixture_mentions(text, wanted);
    extract::RelationPatternMatcher matcher(rules);
    std::vector<Found> found;
    for (const auto& m :
         matcher.match(text, {0, static_cast<std::uint32_t>(text.size())}, mentions)) {
        Found f{m.rule->type, m.source.value, m.target.value};
        if (!m.rule->directed && f.target < f.source)
            std::swap(f.source, f.target);
        if (std::find(found.begin(), found.end(), f) == found.end())
            found.push_back(f);
    }
    std::sort(found.begin(), found.end());
    return found;
}

inline void PrintTo(const Found& f, std::ostream* os) {
    *os << f.type << "(" << f.source << "," << f.target << ")";
}

} // namespace dossier::testing
