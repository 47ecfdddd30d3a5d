#include "dossier/extract/sentences.h"

#include <gtest/gtest.h>
#include <string>

using dossier::extract::split_paragraphs;
using dossier::extract::split_sentences;

namespace {
std::vector<std::string> texts(const std::string& text, const std::vector<dossier::Span>& spans) {
    std::vector<std::string> out;
    for (const auto& s : spans)
        out.push_back(text.substr(s.start, s.size()));
    return out;
}
} // namespace

TEST(Sentences, AbbreviationsAndInitialsDoNotEndASentence) {
    const std::string text =
        "Mr. Kozlov met A. A. Gromyko in the U.S. capital. See prot. No. 12 for details. "
        "It was agreed.";
    EXPECT_EQ(texts(text, split_sentences(text)),
              (std::vector<std::string>{"Mr. Kozlov met A. A. Gromyko in the U.S. capital.",
                                        "See prot. No. 12 for details.", "It was agreed."}));
}

TEST(Sentences, QuestionsExclamationsAndClosingQuotesEndSentences) {
    const std::string text = "Was it “stable.” Nobody knew! (They waited.) Then they left?";
    EXPECT_EQ(texts(text, split_sentences(text)),
              (std::vector<std::string>{"Was it “stable.”", "Nobody knew!", "(They waited.)",
                                        "Then they left?"}));
}

TEST(Sentences, NumberedParagraphMarkersStayWithTheirSentence) {
    const std::string text =
        "1.  In developing relations the parties met.\n \n2.  As before, they disagreed.";
    EXPECT_EQ(texts(text, split_sentences(text)),
              (std::vector<std::string>{"1.  In developing relations the parties met.",
                                        "2.  As before, they disagreed."}));
}

TEST(Sentences, ShortHeaderLinesAreSentencesOfTheirOwn) {
    const std::string text =
        "TOP SECRET\nNo. P40/12\nTo Comrades Orlov, Belov.\nThe body starts here.";
    EXPECT_EQ(texts(text, split_sentences(text)),
              (std::vector<std::string>{"TOP SECRET", "No. P40/12", "To Comrades Orlov, Belov.",
                                        "The body starts here."}));
}

TEST(Paragraphs, BlankLinesSeparateParagraphs) {
    const std::string text = "First line\nstill first.\n\n  \nSecond one.\n\nThird.";
    EXPECT_EQ(texts(text, split_paragraphs(text)),
              (std::vector<std::string>{"First line\nstill first.", "Second one.", "Third."}));
}

TEST(Paragraphs, WithoutBlankLinesEveryLineIsAParagraph) {
    const std::string text = "One long paragraph.\nAnother long paragraph.";
    EXPECT_EQ(texts(text, split_paragraphs(text)),
              (std::vector<std::string>{"One long paragraph.", "Another long paragraph."}));
}

TEST(Sentences, EmptyAndBlankTextHaveNoSentences) {
    EXPECT_TRUE(split_sentences("").empty());
    EXPECT_TRUE(split_sentences(" \n\t ").empty());
    EXPECT_TRUE(split_paragraphs("").empty());
}
