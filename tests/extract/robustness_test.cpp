// Inputs that break naive extractors: nothing here may crash, hang or produce nonsense spans.
#include "extract_test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using dossier::testing::extract_text;
using dossier::testing::surfaces_of;

namespace {
void expect_valid_spans(const extract::ExtractionResult& r, const std::string& text) {
    for (const auto& m : r.mentions) {
        EXPECT_LE(m.span.end, text.size());
        EXPECT_LT(m.span.start, m.span.end);
    }
}
} // namespace

TEST(Robustness, EmptyDocumentHasNoMentions) {
    auto r = extract_text("");
    EXPECT_TRUE(r.mentions.empty());
    EXPECT_TRUE(r.entities.empty());
    EXPECT_TRUE(r.header.classification.empty());
}

TEST(Robustness, AllCapitalsOcrTextStillFindsCountriesAndListedPersons) {
    const std::string text =
        "TO COMRADES ORLOV, BELOV.\nTHE DELEGATION OF CHINA AND THE USSR MET IN HANOI.";
    auto r = extract_text(text);
    expect_valid_spans(r, text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"ORLOV", "BELOV"}));
    EXPECT_EQ(surfaces_of(r, text, EntityType::Country),
              (std::vector<std::string>{"CHINA", "USSR", "HANOI"}));
}

TEST(Robustness, CyrillicAndChineseTextGiveNoFalsePersons) {
    const std::string text =
        "Товарищу Громыко А. А. — совершенно секретно. 中华人民共和国外交部。Москва, 1980.";
    auto r = extract_text(text);
    expect_valid_spans(r, text);
    EXPECT_TRUE(surfaces_of(r, text, EntityType::Country).empty());
}

TEST(Robustness, ControlCharactersAndReplacementCharactersAreSkipped) {
    std::string text = "Ambassador\x01 Pell\x07 Orkney visited \xEF\xBF\xBD India.\x1B[0m";
    auto r = extract_text(text);
    expect_valid_spans(r, text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Country), (std::vector<std::string>{"India"}));
}

TEST(Robustness, ATenMegabyteLineWithoutPunctuationIsRead) {
    std::string text;
    while (text.size() < 10'000'000)
        text += "Comrade Orlov Zhelev Varga Abalin India China ";
    auto r = extract_text(text);
    expect_valid_spans(r, text);
    EXPECT_GT(r.mentions.size(), 400'000u);
}

TEST(Robustness, AWordLongerThanAWindowDoesNotBreakSpans) {
    std::string text(3'000'000, 'a');
    text += " India";
    auto r = extract_text(text);
    expect_valid_spans(r, text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Country), (std::vector<std::string>{"India"}));
}
