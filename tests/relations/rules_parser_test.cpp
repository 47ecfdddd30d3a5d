#include "dossier/extract/relation_rules.h"
#include "relation_fixtures.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::extract;

namespace {

std::size_t error_line(const std::string& text) {
    try {
        parse_relation_rules(text, "test.rules");
    } catch (const RuleError& e) {
        return e.line();
    }
    return 0;
}

std::string error_message(const std::string& text) {
    try {
        parse_relation_rules(text, "test.rules");
    } catch (const RuleError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(RelationRules, ParsesEveryFieldOfARule) {
    const auto set = parse_relation_rules(
        "# a comment\n"
        "rule ally.between\n"
        "  type: allied_with\n"
        "  direction: undirected\n"
        "  pattern: alliance between the? {X:country|organization} ...3 and {Y:actor+}\n"
        "  source: X\n"
        "  target: Y\n"
        "  confidence: 0.9\n",
        "test.rules");
    ASSERT_EQ(set.rules.size(), 1u);
    const auto& rule = set.rules[0];
    EXPECT_EQ(rule.id, "ally.between");
    EXPECT_EQ(rule.type, "allied_with");
    EXPECT_FALSE(rule.directed);
    EXPECT_DOUBLE_EQ(rule.confidence, 0.9);
    EXPECT_EQ(rule.line, 2u);
    ASSERT_EQ(rule.patterns.size(), 1u);
    const auto& p = rule.patterns[0];
    ASSERT_EQ(p.size(), 7u);
    EXPECT_EQ(p[0].words, std::vector<std::string>{"alliance"});
    EXPECT_TRUE(p[2].optional);
    EXPECT_EQ(p[3].kind, PatternElement::Kind::Slot);
    EXPECT_EQ(p[3].types, (std::vector<EntityType>{EntityType::Country, EntityType::Organization}));
    EXPECT_FALSE(p[3].list);
    EXPECT_EQ(p[4].kind, PatternElement::Kind::Gap);
    EXPECT_EQ(p[4].max_gap, 3u);
    EXPECT_TRUE(p[6].list);
    EXPECT_EQ(p[6].types.size(), 3u); // actor = person, organization, country
}

TEST(RelationRules, DefaultsToDirectedWithConfidenceSevenTenths) {
    const auto set = parse_relation_rules(
        "rule r\ntype: t\npattern: {A:person} met {B:person}\nsource: A\ntarget: B\n");
    ASSERT_EQ(set.rules.size(), 1u);
    EXPECT_TRUE(set.rules[0].directed);
    EXPECT_DOUBLE_EQ(set.rules[0].confidence, 0.7);
}

TEST(RelationRules, FoldsTypographicApostrophesInLiterals) {
    const auto set = parse_relation_rules(
        "rule r\ntype: t\npattern: {A:country} \xE2\x80\x99s ally {B:country}\n"
        "source: A\ntarget: B\n");
    EXPECT_EQ(set.rules[0].patterns[0][1].words, std::vector<std::string>{"'s"});
}

TEST(RelationRules, BadRulesNameTheFileAndLine) {
    EXPECT_EQ(
        error_line("rule a\ntype: t\npattern: {X:person} x {Y:person}\nsource: X\ntaget: Y\n"), 5u);
    EXPECT_NE(
        error_message("rule a\ntype: t\npattern: {X:person} x {Y:person}\nsource: X\ntaget: Y\n")
            .find("test.rules:5: unknown key 'taget'"),
        std::string::npos);
    // Unknown entity type.
    EXPECT_EQ(
        error_line("rule a\ntype: t\npattern: {X:persn} x {Y:person}\nsource: X\ntarget: Y\n"), 3u);
    // Slot without a type, unterminated slot.
    EXPECT_EQ(error_line("rule a\ntype: t\npattern: {X} x {Y:person}\nsource: X\ntarget: Y\n"), 3u);
    EXPECT_EQ(
        error_line("rule a\ntype: t\npattern: {X:person x {Y:person}\nsource: X\ntarget: Y\n"), 3u);
    // Source slot missing from the pattern: reported at the rule's first line.
    EXPECT_EQ(
        error_line("\n\nrule a\ntype: t\npattern: {X:person} x {Y:person}\nsource: Z\ntarget: Y\n"),
        3u);
    // Missing type / pattern.
    EXPECT_EQ(error_line("rule a\npattern: {X:person} x {Y:person}\nsource: X\ntarget: Y\n"), 1u);
    EXPECT_EQ(error_line("rule a\ntype: t\nsource: X\ntarget: Y\n"), 1u);
    // Key before any rule, line without a colon, bad confidence, bad gap, gap at the ends.
    EXPECT_EQ(error_line("type: t\n"), 1u);
    EXPECT_EQ(error_line("rule a\ntype t\n"), 2u);
    EXPECT_EQ(error_line("rule a\ntype: t\nconfidence: 1.5\n"), 3u);
    EXPECT_EQ(error_line("rule a\ntype: t\npattern: {X:person} ...99 {Y:person}\n"), 3u);
    EXPECT_EQ(error_line("rule a\ntype: t\npattern: ... {X:person} {Y:person}\n"), 3u);
    EXPECT_EQ(error_line("rule a\ntype: t\npattern: {X:person} {Y:person} ...\n"), 3u);
    // A literal that is more than one token, a duplicate id, a bad direction.
    EXPECT_EQ(error_line("rule a\ntype: t\npattern: {X:person} military-technical {Y:person}\n"),
              3u);
    EXPECT_EQ(
        error_line(
            "rule a\ntype: t\npattern: {X:person} x {Y:person}\nsource: X\ntarget: Y\nrule a\n"),
        6u);
    EXPECT_EQ(error_line("rule a\ntype: t\ndirection: both\n"), 3u);
}

TEST(RelationRules, MissingFileIsAClearError) {
    try {
        load_relation_rules("/nonexistent/relations.rules");
        FAIL() << "expected RuleError";
    } catch (const RuleError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/relations.rules"), std::string::npos);
    }
}

TEST(RelationRules, BundledRulesFileParses) {
    const auto& rules = dossier::testing::bundled_rules();
    EXPECT_GE(rules.rules.size(), 20u);
    for (const char* type :
         {"cooperates_with", "allied_with", "opposes", "pressures", "supports", "supplies",
          "member_of", "holds_office", "represents", "represented_in", "coordinates_with"})
        EXPECT_TRUE(std::any_of(rules.rules.begin(), rules.rules.end(), [&](const auto& r) {
            return r.type == type;
        })) << type;
}

TEST(RelationRules, UserRulesExtendWithoutRecompiling) {
    dossier::testing::TempDir dir;
    dossier::testing::write_file(
        dir / "mine.rules", "rule visit\ntype: visited\npattern: {P:person} visited {C:country}\n"
                            "source: P\ntarget: C\n");
    const auto rules = load_relation_rules(dir / "mine.rules");
    const auto found = dossier::testing::match_sentence(
        "Nixon visited China in 1972.",
        {{"Nixon", 1, EntityType::Person}, {"China", 2, EntityType::Country}}, rules);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].type, "visited");
    EXPECT_EQ(found[0].source, 1);
    EXPECT_EQ(found[0].target, 2);
}
