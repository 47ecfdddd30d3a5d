// Co-occurrence per sentence and per paragraph, its bounds, and the Jaccard specificity.
#include "dossier/extract/relation_document.h"
#include "dossier/model/relation.h"
#include "relation_fixtures.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::extract;

namespace {

constexpr auto C = EntityType::Country;
constexpr auto P = EntityType::Person;

// Three one-sentence paragraphs; entity 1 is in all three, 2 in two, 3 in one.
const std::string kText = "TO: Adams, Brown, Clark\n"
                          "\n"
                          "Ruritania met Osterlich. Nothing else happened.\n"
                          "\n"
                          "Ruritania and Osterlich and Fenwick talked.\n"
                          "\n"
                          "Ruritania rested.\n";

RelationDocumentInput fixture_input() {
    RelationDocumentInput input;
    input.id = DocumentId{1};
    input.document_entity = EntityId{100};
    input.text = kText;
    input.date = *parse_iso_date("1961-05-02");
    auto span_of = [&](std::string_view s) {
        auto at = static_cast<std::uint32_t>(kText.find(s));
        return Span{at, at + static_cast<std::uint32_t>(s.size())};
    };
    input.sentences = {span_of("TO: Adams, Brown, Clark"), span_of("Ruritania met Osterlich."),
                       span_of("Nothing else happened."),
                       span_of("Ruritania and Osterlich and Fenwick talked."),
                       span_of("Ruritania rested.")};
    input.paragraphs = {span_of("TO: Adams, Brown, Clark"),
                        span_of("Ruritania met Osterlich. Nothing else happened."),
                        span_of("Ruritania and Osterlich and Fenwick talked."),
                        span_of("Ruritania rested.")};
    input.header_lines = find_header_lines(kText);
    input.mentions = dossier::testing::fixture_mentions(kText, {{"Adams", 21, P},
                                                                {"Brown", 22, P},
                                                                {"Clark", 23, P},
                                                                {"Ruritania", 1, C},
                                                                {"Osterlich", 2, C},
                                                                {"Ruritania", 1, C, 1},
                                                                {"Osterlich", 2, C, 1},
                                                                {"Fenwick", 3, C},
                                                                {"Ruritania", 1, C, 2}});
    return input;
}

const Relation* find(const std::vector<Relation>& relations, const std::string& type,
                     std::int64_t a, std::int64_t b) {
    for (const auto& r : relations)
        if (r.type == type && r.source.value == a && r.target.value == b)
            return &r;
    return nullptr;
}

} // namespace

TEST(Cooccurrence, HeaderRecipientsAreNotCooccurrence) {
    auto input = fixture_input();
    ASSERT_EQ(input.header_lines.size(), 1u);
    RelationAccumulator out;
    CooccurrenceStats stats;
    extract_cooccurrence(input, {}, stats, out);
    auto relations = out.take();
    for (const auto& r : relations)
        EXPECT_LT(r.source.value, 20) << r.type << " " << r.source.value << "-" << r.target.value;
}

TEST(Cooccurrence, CountsSentencesAndParagraphsOncePerUnit) {
    auto input = fixture_input();
    RelationAccumulator out;
    CooccurrenceStats stats;
    extract_cooccurrence(input, {}, stats, out);
    apply_cooccurrence_specificity(stats, out);
    auto relations = out.take();
    // 1-2 share two sentences; 1-3 and 2-3 one; undirected pairs are stored smaller id first.
    const auto* r12 = find(relations, "co_occurs_sentence", 1, 2);
    ASSERT_TRUE(r12);
    EXPECT_DOUBLE_EQ(r12->weight, 2);
    EXPECT_FALSE(r12->directed);
    ASSERT_EQ(r12->evidence.size(), 2u);
    EXPECT_EQ(kText.substr(r12->evidence[0].sentence.start, r12->evidence[0].sentence.size()),
              "Ruritania met Osterlich.");
    EXPECT_EQ(kText.substr(r12->evidence[0].source_span.start, r12->evidence[0].source_span.size()),
              "Ruritania");
    EXPECT_EQ(kText.substr(r12->evidence[0].target_span.start, r12->evidence[0].target_span.size()),
              "Osterlich");
    EXPECT_EQ(r12->first_date.iso(), "1961-05-02");
    ASSERT_TRUE(find(relations, "co_occurs_sentence", 1, 3));
    EXPECT_DOUBLE_EQ(find(relations, "co_occurs_sentence", 2, 3)->weight, 1);
    EXPECT_FALSE(find(relations, "co_occurs_sentence", 3, 1));
    // Jaccard over sentences: n(1)=3, n(2)=2, n(3)=1.
    EXPECT_DOUBLE_EQ(r12->specificity, 2.0 / (3 + 2 - 2));
    EXPECT_DOUBLE_EQ(find(relations, "co_occurs_sentence", 1, 3)->specificity, 1.0 / (3 + 1 - 1));
    EXPECT_DOUBLE_EQ(find(relations, "co_occurs_sentence", 2, 3)->specificity, 1.0 / (2 + 1 - 1));
    // Paragraphs: 1-2 together in two paragraphs as well.
    EXPECT_DOUBLE_EQ(find(relations, "co_occurs_paragraph", 1, 2)->weight, 2);
    EXPECT_EQ(stats.sentences_with.at(1), 3u);
}

TEST(Cooccurrence, CrowdedUnitsArePairedNotAtAll) {
    auto input = fixture_input();
    RelationAccumulator out;
    CooccurrenceStats stats;
    CooccurrenceLimits limits;
    limits.max_entities_per_sentence = 2; // the three-country sentence is over the limit
    limits.max_entities_per_paragraph = 2;
    extract_cooccurrence(input, limits, stats, out);
    auto relations = out.take();
    EXPECT_EQ(stats.sentences_skipped, 1u);
    EXPECT_EQ(stats.paragraphs_skipped, 1u);
    EXPECT_FALSE(find(relations, "co_occurs_sentence", 2, 3));
    EXPECT_DOUBLE_EQ(find(relations, "co_occurs_sentence", 1, 2)->weight, 1);
    // Skipped units still count for specificity.
    EXPECT_EQ(stats.sentences_with.at(3), 1u);
}

TEST(HeaderRelations, ToLineWithoutImporterPartiesGivesAddressedTo) {
    auto input = fixture_input();
    RelationAccumulator out;
    extract_header_relations(input, out);
    auto relations = out.take();
    ASSERT_EQ(relations.size(), 3u);
    for (const auto& r : relations) {
        EXPECT_EQ(r.type, "addressed_to");
        EXPECT_EQ(r.source.value, 100);
        EXPECT_TRUE(r.directed);
        EXPECT_EQ(r.method, "header");
        ASSERT_EQ(r.evidence.size(), 1u);
        EXPECT_EQ(kText.substr(r.evidence[0].sentence.start, r.evidence[0].sentence.size()),
                  "TO: Adams, Brown, Clark");
    }
}

TEST(HeaderRelations, ImporterPartiesTakePrecedenceAndKeepTheirRole) {
    auto input = fixture_input();
    input.parties = {
        {DocumentParty::Role::Sender, EntityId{21}, input.header_lines[0], input.mentions[0].span},
        {DocumentParty::Role::Recipient, EntityId{22}, input.header_lines[0],
         input.mentions[1].span}};
    RelationAccumulator out;
    extract_header_relations(input, out);
    auto relations = out.take();
    ASSERT_EQ(relations.size(), 2u);
    EXPECT_EQ(relations[0].type, "addressed_to");
    EXPECT_EQ(relations[0].target.value, 22);
    EXPECT_EQ(relations[1].type, "sent_by");
    EXPECT_EQ(relations[1].target.value, 21);
}

TEST(MentionRelations, OneEvidenceRowPerMentionAndRefersToForDocuments) {
    auto input = fixture_input();
    const std::string extra = "See telegram 1364.";
    RelationAccumulator out;
    extract_mention_relations(input, out);
    auto relations = out.take();
    const auto* ruritania = find(relations, "mentions", 100, 1);
    ASSERT_TRUE(ruritania);
    EXPECT_DOUBLE_EQ(ruritania->weight, 3);
    EXPECT_EQ(
        kText.substr(ruritania->evidence[2].sentence.start, ruritania->evidence[2].sentence.size()),
        "Ruritania rested.");
    EXPECT_FALSE(find(relations, "refers_to", 100, 1));

    input.mentions.push_back({{0, 2}, EntityId{50}, EntityType::Document});
    std::sort(input.mentions.begin(), input.mentions.end(),
              [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
    RelationAccumulator with_reference;
    extract_mention_relations(input, with_reference);
    relations = with_reference.take();
    EXPECT_TRUE(find(relations, "refers_to", 100, 50));
}

TEST(HeaderLines, RecognisesCapitalsKeywordsAndTheTitleButNotProse) {
    const std::string text =
        "SECRET\nMemorandum From Smith to Jones\nFrom: Smith\nRe: Trade\nWe met today.\n";
    const auto lines = find_header_lines(text, "12. Memorandum From Smith to Jones");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(text.substr(lines[1].start, lines[1].size()), "Memorandum From Smith to Jones");
    EXPECT_EQ(text.substr(lines[3].start, lines[3].size()), "Re: Trade");
}

TEST(OriginCountry, MostNamedCountryOfTheHeader) {
    const std::string text = "RURITANIAN FOREIGN OFFICE\nFOR ALL RURITANIAN ENVOYS\nRe: "
                             "Osterlich\n\nOsterlich, Osterlich.";
    RelationDocumentInput input;
    input.text = text;
    input.header_lines = find_header_lines(text);
    input.mentions = dossier::testing::fixture_mentions(text, {{"RURITANIAN", 1, C},
                                                               {"RURITANIAN", 1, C, 1},
                                                               {"Osterlich", 2, C},
                                                               {"Osterlich", 2, C, 1},
                                                               {"Osterlich", 2, C, 2}});
    auto origin = find_origin_country(input);
    ASSERT_TRUE(origin);
    EXPECT_EQ(origin->entity.value, 1);
}
