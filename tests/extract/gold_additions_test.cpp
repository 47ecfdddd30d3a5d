// The reviewed list of person mentions a gold file leaves untagged (core/extract gold_additions),
// and `dossier eval --gold-additions` on the FRUS excerpt with the list the project ships.
#include "dossier/extract/entity_gold.h"
#include "dossier/extract/gold_additions.h"
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace {
using dossier::Span;
using dossier::extract::add_gold_mentions;
using dossier::extract::GoldAddition;
using dossier::extract::read_gold_additions;
using dossier::extract::ScoredMention;

const std::vector<std::string> kKeys{"m1", "m2"};

std::vector<GoldAddition> parse(const std::string& tsv) {
    std::istringstream in(tsv);
    return read_gold_additions(in, "list.tsv");
}

std::vector<std::string> surfaces(const std::vector<ScoredMention>& mentions,
                                  const std::vector<std::string_view>& texts) {
    std::vector<std::string> out;
    for (const auto& m : mentions)
        out.emplace_back(texts[m.document].substr(m.span.start, m.span.size()));
    return out;
}
} // namespace

TEST(GoldAdditions, ReadsEntriesSkipsCommentsAndTakesDashAsNoIdentity) {
    const auto list = parse("# reviewed by hand\n"
                            "\n"
                            "m1\tBen-Amitai\tp_BA1\tspelt with a hyphen here\n"
                            "m2\tOrwell\t-\tnot on the list\r\n");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].document, "m1");
    EXPECT_EQ(list[0].name, "Ben-Amitai");
    EXPECT_EQ(list[0].identity, "p_BA1");
    EXPECT_EQ(list[0].reason, "spelt with a hyphen here");
    EXPECT_EQ(list[0].line, 3u);
    EXPECT_EQ(list[1].identity, "");
    EXPECT_EQ(list[1].reason, "not on the list");
}

TEST(GoldAdditions, AMalformedLineIsAnErrorWithItsLineNumber) {
    try {
        parse("m1\tOrwell\t-\twhy\nm1 Orwell p_X\n");
        FAIL() << "a line without tabs was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("list.tsv:2"), std::string::npos) << e.what();
    }
}

TEST(GoldAdditions, AddsEveryWordBoundedUntaggedOccurrenceAndKeepsTheGoldAsItIs) {
    const std::string m1 = "Mr. Orwell met Orwellian critics. Orwell’s note; Ambassador Orwell.";
    const std::string m2 = "Nothing here.";
    const std::vector<std::string_view> texts{m1, m2};
    // The gold already tags the last "Orwell" (in "Ambassador Orwell").
    const auto tagged_at = static_cast<std::uint32_t>(m1.rfind("Orwell"));
    const std::vector<ScoredMention> gold{{0, Span{tagged_at, tagged_at + 6}, "p_O1"}};

    const auto result =
        add_gold_mentions(gold, parse("m1\tOrwell\tp_O1\tuntagged\n"), texts, kKeys);

    EXPECT_EQ(result.added, 2u); // "Mr. Orwell" and "Orwell’s", not "Orwellian", not the tagged one
    ASSERT_EQ(result.mentions.size(), 3u);
    EXPECT_EQ(surfaces(result.mentions, texts),
              (std::vector<std::string>{"Orwell", "Orwell", "Orwell"}));
    EXPECT_EQ(result.mentions[0].span.start, m1.find("Orwell"));
    EXPECT_EQ(result.mentions[1].span.start, m1.find("Orwell’s"));
    for (const auto& m : result.mentions)
        EXPECT_EQ(m.identity, "p_O1");
}

TEST(GoldAdditions, AHyphenatedNameIsOneWordAndLongerNamesArePlacedFirst) {
    const std::string m1 = "Ben-Amitai spoke; then Amitai Ben-Amitai-Cohen; Paul Amitai left.";
    const std::vector<std::string_view> texts{m1, ""};
    const auto result = add_gold_mentions(
        {}, parse("m1\tAmitai\t-\tx\nm1\tBen-Amitai\tp_BA1\tx\nm1\tPaul Amitai\t-\tx\n"), texts,
        kKeys);
    // "Ben-Amitai" once (not inside "Ben-Amitai-Cohen"); "Paul Amitai" whole; the lone "Amitai"
    // before "Ben-Amitai-Cohen"; never "Amitai" inside a hyphenated name.
    EXPECT_EQ(surfaces(result.mentions, texts),
              (std::vector<std::string>{"Ben-Amitai", "Amitai", "Paul Amitai"}));
    EXPECT_EQ(result.added_per_entry, (std::vector<std::size_t>{1, 1, 1}));
}

TEST(GoldAdditions, AnUnknownDocumentOrANameFoundNowhereFreeIsAnError) {
    const std::string m1 = "Ambassador Orwell arrived.";
    const std::vector<std::string_view> texts{m1, ""};
    EXPECT_THROW(add_gold_mentions({}, parse("m9\tOrwell\t-\tx\n"), texts, kKeys),
                 std::runtime_error);
    EXPECT_THROW(add_gold_mentions({}, parse("m1\tBlair\t-\tx\n"), texts, kKeys),
                 std::runtime_error);
    const auto at = static_cast<std::uint32_t>(m1.find("Orwell"));
    // Every occurrence already tagged: the list entry is stale.
    EXPECT_THROW(
        add_gold_mentions({{0, Span{at, at + 6}, ""}}, parse("m1\tOrwell\t-\tx\n"), texts, kKeys),
        std::runtime_error);
}

namespace {
nlohmann::json run_eval_with_additions(bool authority) {
    const auto r = dossier::testing::run_cli(
        "eval " + dossier::testing::shared_corpus("frus-1958-60v13-excerpt.xml").string() +
        (authority ? " --authority" : "") + " --gold-additions " + DOSSIER_DATA_DIR +
        "/eval/frus-1958-60v13-excerpt.gold-additions.tsv --json");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out);
}
} // namespace

// The shipped list holds only names a person checked in context; every entry must still add a
// mention (the command fails on a stale one). The corrected figures are printed next to the
// raw ones, which stay exactly what they were.
TEST(GoldAdditions, TheFrusListCorrectsTheGoldAndLeavesTheRawFiguresAlone) {
    DOSSIER_REQUIRE_SHARED_CORPUS("frus-1958-60v13-excerpt.xml");
    for (const bool authority : {false, true}) {
        SCOPED_TRACE(authority ? "with the persons list" : "without authority");
        const auto r = run_eval_with_additions(authority);
        const auto& corrected = r["with_gold_additions"];
        EXPECT_GT(corrected["added"].get<int>(), 0);
        EXPECT_EQ(corrected["overlap"]["gold"].get<int>(),
                  r["overlap"]["gold"].get<int>() + corrected["added"].get<int>());
        EXPECT_EQ(corrected["overlap"]["predicted"], r["overlap"]["predicted"]);
        // Against the corrected gold the targets hold with margin.
        EXPECT_GE(corrected["overlap"]["f1"].get<double>(), authority ? 0.95 : 0.90);
        EXPECT_GE(corrected["exact"]["f1"].get<double>(), 0.85);
        EXPECT_GE(corrected["bcubed"]["f1"].get<double>(), 0.95);
        EXPECT_GT(corrected["overlap"]["precision"].get<double>(),
                  r["overlap"]["precision"].get<double>());
    }
}

// Our own annotations of institutions and countries (entity_gold.h): longer names first across
// types, each type scored against the predictions of that type.
TEST(EntityGold, LongerNamesComeFirstAcrossTypesAndEachTypeIsScoredApart) {
    const std::string text = "The Ruritanian Government wrote; Ruritanian ships and Ruritania.";
    const std::vector<std::string_view> texts{text, ""};
    const auto entries = parse("m1\tRuritanian Government\torganization:gov RU\tsender\n"
                               "m1\tRuritanian\tcountry:RU\tdemonym\n"
                               "m1\tRuritania\tcountry:RU\tname\n");
    std::map<dossier::EntityType, std::vector<ScoredMention>> predicted;
    predicted[dossier::EntityType::Organization] = {{0, {4, 25}, "org:gov"}};
    predicted[dossier::EntityType::Country] = {{0, {4, 14}, "iso:RU"}, {0, {54, 63}, "iso:RU"}};
    const auto scores = dossier::extract::score_entity_gold(entries, texts, kKeys, predicted);
    const auto& org = scores.at(dossier::EntityType::Organization);
    EXPECT_EQ(surfaces(org.gold, texts), (std::vector<std::string>{"Ruritanian Government"}));
    EXPECT_DOUBLE_EQ(org.report.exact.f1, 1.0);
    const auto& country = scores.at(dossier::EntityType::Country);
    EXPECT_EQ(surfaces(country.gold, texts), (std::vector<std::string>{"Ruritanian", "Ruritania"}));
    EXPECT_EQ(country.report.exact.matched, 1u); // "Ruritania"; the other is inside the org
    EXPECT_EQ(country.report.exact.predicted, 2u);
}

TEST(EntityGold, AnIdentityWithoutAnEntityTypeIsAnError) {
    const std::string text = "Ruritania.";
    const std::vector<std::string_view> texts{text, ""};
    EXPECT_THROW(dossier::extract::score_entity_gold(parse("m1\tRuritania\tRU\tno type\n"), texts,
                                                     kKeys, {}),
                 std::runtime_error);
}
