// Each rule family of data/rules/relations.rules on short invented sentences. Entity numbers:
// countries 1-9, organizations 10-19, persons 20-29, places 30-39.
#include "relation_fixtures.h"

#include <gtest/gtest.h>

using namespace dossier;
using dossier::testing::Found;
using dossier::testing::match_sentence;

namespace {
constexpr auto C = EntityType::Country;
constexpr auto O = EntityType::Organization;
constexpr auto P = EntityType::Person;
constexpr auto L = EntityType::Place;

bool has(const std::vector<Found>& found, const std::string& type, std::int64_t source,
         std::int64_t target) {
    return std::find(found.begin(), found.end(), Found{type, source, target}) != found.end();
}
} // namespace

TEST(CooperationRules, CooperationBetweenTwoCountriesDespiteAnInterveningNoun) {
    auto found = match_sentence(
        "The partnership between Ruritanian industry and Osterlich banks worries us.",
        {{"Ruritanian", 1, C}, {"Osterlich", 2, C}});
    EXPECT_TRUE(has(found, "cooperates_with", 1, 2));
}

TEST(CooperationRules, HyphenatedDemonymCompound) {
    // Demonyms arrive as mentions of their country; a typographic dash joins them too.
    auto found = match_sentence("Further Ruritanian-Osterlich naval cooperation is expected.",
                                {{"Ruritanian", 1, C}, {"Osterlich", 2, C}});
    EXPECT_TRUE(has(found, "cooperates_with", 1, 2));
    found = match_sentence("The Ruritanian\xE2\x80\x93Osterlich cooperation grows.",
                           {{"Ruritanian", 1, C}, {"Osterlich", 2, C}});
    EXPECT_TRUE(has(found, "cooperates_with", 1, 2));
}

TEST(CooperationRules, CooperationWithAfterTheSubject) {
    auto found = match_sentence("Vienna is widening its cooperation with Prague in shipping.",
                                {{"Vienna", 1, C}, {"Prague", 2, C}});
    EXPECT_TRUE(has(found, "cooperates_with", 1, 2));
}

TEST(CooperationRules, NoRelationWithoutTheTriggerWord) {
    auto found = match_sentence("Ruritania and Osterlich held elections in May.",
                                {{"Ruritania", 1, C}, {"Osterlich", 2, C}});
    EXPECT_TRUE(found.empty());
}

TEST(AllianceRules, CompoundAndBetween) {
    EXPECT_TRUE(has(match_sentence("They fear a Ruritanian-Osterlich military alliance.",
                                   {{"Ruritanian", 1, C}, {"Osterlich", 2, C}}),
                    "allied_with", 1, 2));
    EXPECT_TRUE(
        has(match_sentence("The alliance between Ruritania and the Osterlich Republic held.",
                           {{"Ruritania", 1, C}, {"Osterlich Republic", 2, C}}),
            "allied_with", 1, 2));
}

TEST(OpposesRules, AgainstPressureAndThreat) {
    EXPECT_TRUE(has(match_sentence("Ruritania launched a campaign against Osterlich last year.",
                                   {{"Ruritania", 1, C}, {"Osterlich", 2, C}}),
                    "opposes", 1, 2));
    EXPECT_TRUE(
        has(match_sentence("Grand Fenwick serves as a useful lever in pressuring Osterlich.",
                           {{"Grand Fenwick", 3, C}, {"Osterlich", 2, C}}),
            "pressures", 3, 2));
    EXPECT_TRUE(has(match_sentence("Ruritania's mounting pressure on Osterlich is plain.",
                                   {{"Ruritania", 1, C}, {"Osterlich", 2, C}}),
                    "pressures", 1, 2));
    // A list after the verb gives one relation per listed country.
    auto found = match_sentence(
        "This course of Ruritania's threatens everyone, even Osterlich and Grand Fenwick.",
        {{"Ruritania", 1, C}, {"Osterlich", 2, C}, {"Grand Fenwick", 3, C}});
    EXPECT_TRUE(has(found, "threatens", 1, 2));
    EXPECT_TRUE(has(found, "threatens", 1, 3));
    EXPECT_TRUE(has(match_sentence("Nobody denies Ruritania's threat to Osterlich.",
                                   {{"Ruritania", 1, C}, {"Osterlich", 2, C}}),
                    "threatens", 1, 2));
}

TEST(OpposesRules, ConflictBetweenIsUndirected) {
    auto found = match_sentence("It wants a conflict between the Osterlich Republic and Ruritania.",
                                {{"Osterlich Republic", 2, C}, {"Ruritania", 1, C}});
    EXPECT_TRUE(has(found, "opposes", 1, 2));
}

TEST(SupportRules, SupportForAndSupportOf) {
    EXPECT_TRUE(has(match_sentence("Ruritania's open support for Osterlich surprised many.",
                                   {{"Ruritania", 1, C}, {"Osterlich", 2, C}}),
                    "supports", 1, 2));
    EXPECT_TRUE(
        has(match_sentence("The quiet support of Ruritania for naval programs in Osterlich helps.",
                           {{"Ruritania", 1, C}, {"Osterlich", 2, C}}),
            "supports", 1, 2));
}

TEST(SupplyRules, DeliverWeaponsToAndArmsDeliveries) {
    EXPECT_TRUE(
        has(match_sentence(
                "Ruritania has offered to deliver old Ruritanian rifles and tanks to Osterlich.",
                {{"Ruritania", 1, C}, {"Ruritanian", 1, C}, {"Osterlich", 2, C}}),
            "supplies", 1, 2));
    EXPECT_TRUE(has(match_sentence("Ruritania's arms deliveries to Osterlich rose.",
                                   {{"Ruritania", 1, C}, {"Osterlich", 2, C}}),
                    "supplies", 1, 2));
    // The recipient must be a named entity, not "its neighbours".
    EXPECT_TRUE(match_sentence("Ruritania sends weapons to its neighbours.", {{"Ruritania", 1, C}})
                    .empty());
}

TEST(MembershipRules, TitleOfAnOrganization) {
    EXPECT_TRUE(has(match_sentence("Secretary of the Central Council Ivan Petrov spoke.",
                                   {{"Central Council", 10, O}, {"Ivan Petrov", 20, P}}),
                    "member_of", 20, 10));
    EXPECT_TRUE(has(match_sentence("Ivan Petrov, member of the Central Council, spoke.",
                                   {{"Ivan Petrov", 20, P}, {"Central Council", 10, O}}),
                    "member_of", 20, 10));
}

TEST(OfficeRules, MinisterOfACountryAndOfAMinistry) {
    EXPECT_TRUE(has(match_sentence("Ruritanian Foreign Minister Anna Berg arrived.",
                                   {{"Ruritanian", 1, C}, {"Anna Berg", 21, P}}),
                    "holds_office", 21, 1));
    EXPECT_TRUE(has(match_sentence("Minister of the Ministry of Roads Karl Hof resigned.",
                                   {{"Ministry of Roads", 11, O}, {"Karl Hof", 22, P}}),
                    "holds_office", 22, 11));
}

TEST(RepresentsRules, AmbassadorAndEmbassyIn) {
    EXPECT_TRUE(has(match_sentence("Ruritanian ambassador Otto Lind called.",
                                   {{"Ruritanian", 1, C}, {"Otto Lind", 23, P}}),
                    "represents", 23, 1));
    EXPECT_TRUE(has(match_sentence("Otto Lind, the Ruritanian ambassador, called.",
                                   {{"Otto Lind", 23, P}, {"Ruritanian", 1, C}}),
                    "represents", 23, 1));
    EXPECT_TRUE(has(match_sentence("He went to the embassy of Ruritania in Strelsau.",
                                   {{"Ruritania", 1, C}, {"Strelsau", 30, L}}),
                    "represented_in", 1, 30));
}

TEST(CoordinationRules, OriginCoordinatesWithEveryListedCountry) {
    const std::string text =
        "Work in coordination with the embassies (missions of) Ruritania, the Republic of "
        "Osterlich (RO), and Grand Fenwick.";
    const auto mentions = dossier::testing::fixture_mentions(text, {{"Ruritania", 1, C},
                                                                    {"Republic of Osterlich", 2, C},
                                                                    {"RO", 2, C, 0},
                                                                    {"Grand Fenwick", 3, C}});
    extract::RelationPatternMatcher matcher(dossier::testing::bundled_rules());
    const Span sentence{0, static_cast<std::uint32_t>(text.size())};
    // Without an origin (no country in the header) the rule cannot say who coordinates.
    EXPECT_TRUE(matcher.match(text, sentence, mentions).empty());
    const extract::SentenceMention origin{{0, 0}, EntityId{9}, C};
    std::vector<std::int64_t> partners;
    for (const auto& m : matcher.match(text, sentence, mentions, origin)) {
        EXPECT_EQ(m.rule->type, "coordinates_with");
        EXPECT_EQ(m.source.value, 9);
        partners.push_back(m.target.value);
    }
    std::sort(partners.begin(), partners.end());
    EXPECT_EQ(partners, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(PatternMatcher, SelfRelationsAreDropped) {
    EXPECT_TRUE(match_sentence("The Ruritanian-Ruritanian cooperation is odd.",
                               {{"Ruritanian", 1, C}, {"Ruritanian", 1, C, 1}})
                    .empty());
}

TEST(PatternMatcher, LongUnpunctuatedTextStaysBounded) {
    // A 200,000-word sentence of trigger words and mentions: gaps are bounded, so this finishes
    // (no assertion on time; a blow-up would hang the test run).
    std::string text;
    std::vector<dossier::testing::FixtureMention> wanted;
    for (int i = 0; i < 20000; ++i)
        text += "cooperation between between and and against pressure on threat to the ";
    text += "cooperation between Ruritania and Osterlich";
    auto found = match_sentence(text, {{"Ruritania", 1, C}, {"Osterlich", 2, C}});
    EXPECT_TRUE(has(found, "cooperates_with", 1, 2));
}

TEST(PatternMatcher, GapAfterASlotTakesTheNearestArgument) {
    auto found = match_sentence("Lind reported that Osterlich is pressuring Fenwick.",
                                {{"Lind", 20, P}, {"Osterlich", 2, C}, {"Fenwick", 3, C}});
    EXPECT_EQ(found, (std::vector<Found>{{"pressures", 2, 3}}));
}

TEST(PatternMatcher, NoBreakSpacesSeparateWordsLikeSpaces) {
    // "humanity.<NBSP>Vienna is ..." as pasted translations have it.
    auto found = match_sentence("Vienna\xC2\xA0is widening its cooperation\xC2\xA0with Prague.",
                                {{"Vienna", 1, C}, {"Prague", 2, C}});
    EXPECT_TRUE(has(found, "cooperates_with", 1, 2));
}
