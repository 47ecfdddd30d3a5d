// The accumulator folds evidence into relations: its order decides the relations' ids, its
// duplicate check their weights.
#include "dossier/extract/relation_accumulator.h"
#include "dossier/extract/relation_patterns.h"
#include "dossier/extract/relation_rules.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace dossier;
using namespace dossier::extract;

namespace {

Evidence evidence_in(std::int64_t document, std::uint32_t sentence_start) {
    return {DocumentId{document},
            {sentence_start, sentence_start + 40},
            {sentence_start, sentence_start + 5},
            {sentence_start + 10, sentence_start + 15}};
}

PartialDate day(int year, int month, int d) {
    return PartialDate{year, month, d, DatePrecision::Day};
}

} // namespace

TEST(RelationAccumulator, TakesRelationsByTypeThenSourceThenTargetWhateverTheOrderAdded) {
    RelationAccumulator acc;
    const auto none = PartialDate{};
    acc.add("supports", EntityId{5}, EntityId{2}, true, 0.7, "pattern:a", evidence_in(1, 0), none);
    acc.add("co_occurs_sentence", EntityId{9}, EntityId{3}, false, 0.5, "cooccurrence",
            evidence_in(1, 0), none);
    acc.add("allied_with", EntityId{4}, EntityId{1}, false, 0.8, "pattern:b", evidence_in(1, 0),
            none);
    acc.add("supports", EntityId{2}, EntityId{7}, true, 0.7, "pattern:a", evidence_in(1, 50), none);
    acc.add("co_occurs_paragraph", EntityId{3}, EntityId{9}, false, 0.5, "cooccurrence",
            evidence_in(1, 0), none);
    acc.add("supports", EntityId{5}, EntityId{1}, true, 0.7, "pattern:a", evidence_in(2, 0), none);
    EXPECT_EQ(acc.size(), 6u);

    std::vector<std::string> order;
    for (const auto& r : acc.take())
        order.push_back(r.type + " " + std::to_string(r.source.value) + "-" +
                        std::to_string(r.target.value));
    // Undirected relations keep the smaller id as their source.
    const std::vector<std::string> expected = {"allied_with 1-4",        "co_occurs_paragraph 3-9",
                                               "co_occurs_sentence 3-9", "supports 2-7",
                                               "supports 5-1",           "supports 5-2"};
    EXPECT_EQ(order, expected);
    EXPECT_EQ(acc.size(), 0u);
    EXPECT_TRUE(acc.take().empty());
}

TEST(RelationAccumulator, TheSameEvidenceCountsOnceEvenWhenItComesBackOutOfOrder) {
    RelationAccumulator acc;
    const EntityId a{1}, b{2};
    EXPECT_TRUE(
        acc.add("opposes", a, b, true, 0.6, "pattern:x", evidence_in(3, 10), day(1959, 3, 1)));
    EXPECT_TRUE(
        acc.add("opposes", a, b, true, 0.9, "pattern:y", evidence_in(1, 10), day(1958, 12, 24)));
    EXPECT_FALSE(
        acc.add("opposes", a, b, true, 0.6, "pattern:x", evidence_in(3, 10), day(1959, 3, 1)));
    EXPECT_FALSE(
        acc.add("opposes", a, b, true, 0.6, "pattern:x", evidence_in(1, 10), day(1958, 12, 24)));
    EXPECT_TRUE(
        acc.add("opposes", a, b, true, 0.6, "pattern:x", evidence_in(2, 10), day(1959, 1, 5)));
    // Another type between the same entities is another relation.
    EXPECT_TRUE(
        acc.add("pressures", a, b, true, 0.6, "pattern:z", evidence_in(3, 10), day(1959, 3, 1)));

    const auto relations = acc.take();
    ASSERT_EQ(relations.size(), 2u);
    const auto& r = relations[0];
    EXPECT_EQ(r.type, "opposes");
    EXPECT_DOUBLE_EQ(r.weight, 3);
    EXPECT_DOUBLE_EQ(r.confidence, 0.9);
    EXPECT_EQ(r.method, "pattern:x"); // the first seen
    EXPECT_EQ(r.first_date.iso(), "1958-12-24");
    EXPECT_EQ(r.last_date.iso(), "1959-03-01");
    ASSERT_EQ(r.evidence.size(), 3u);
    // Evidence stays in the order it came.
    EXPECT_EQ(r.evidence[0].document, DocumentId{3});
    EXPECT_EQ(r.evidence[1].document, DocumentId{1});
    EXPECT_EQ(r.evidence[2].document, DocumentId{2});
}

TEST(RelationAccumulator, VisitsOnlyTheRelationsOfOneType) {
    RelationAccumulator acc;
    const auto none = PartialDate{};
    acc.add("co_occurs_sentence", EntityId{1}, EntityId{2}, false, 0.5, "cooccurrence",
            evidence_in(1, 0), none);
    acc.add("co_occurs_paragraph", EntityId{1}, EntityId{2}, false, 0.5, "cooccurrence",
            evidence_in(1, 0), none);
    acc.add("co_occurs_sentence", EntityId{2}, EntityId{3}, false, 0.5, "cooccurrence",
            evidence_in(1, 0), none);
    int visited = 0;
    acc.for_each_of_type("co_occurs_sentence", [&](Relation& r) {
        EXPECT_EQ(r.type, "co_occurs_sentence");
        ++visited;
    });
    EXPECT_EQ(visited, 2);
    acc.for_each_of_type("supports", [&](Relation&) { ADD_FAILURE() << "no such relation"; });
}

// The matcher skips a pattern on a sentence that lacks one of its required words; any one of a
// literal's alternatives is enough, and an optional word is not required.
TEST(RelationPatternMatcher, AnyAlternativeOfARequiredWordLetsThePatternRunAndOptionalOnesNeedNot) {
    const auto rules =
        parse_relation_rules("rule test.accord\n"
                             "type: agrees_with\n"
                             "pattern: {X:country} signed the? accord|pact with {Y:country}\n"
                             "source: X\n"
                             "target: Y\n");
    const RelationPatternMatcher matcher(rules);
    auto matches_in = [&](const std::string& text) {
        std::vector<SentenceMention> mentions;
        for (const auto* name : {"Ruritania", "Osterlich"})
            if (auto at = text.find(name); at != std::string::npos)
                mentions.push_back({{static_cast<std::uint32_t>(at),
                                     static_cast<std::uint32_t>(at + std::string(name).size())},
                                    EntityId{name[0] == 'R' ? 1 : 2},
                                    EntityType::Country});
        return matcher.match(text, {0, static_cast<std::uint32_t>(text.size())}, mentions).size();
    };
    EXPECT_EQ(matches_in("Ruritania signed the accord with Osterlich."), 1u);
    EXPECT_EQ(matches_in("Ruritania signed pact with Osterlich."), 1u);
    EXPECT_EQ(matches_in("Ruritania signed the treaty with Osterlich."), 0u);
    EXPECT_EQ(matches_in("Ruritania signed the accord for Osterlich."), 0u);
    EXPECT_EQ(matches_in("Ruritania and Osterlich."), 0u);
}
