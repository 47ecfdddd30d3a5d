// OCR text made fit for extraction (importers/ocr normalise_ocr_text): line-end hyphens, ligatures
// and letter-spaced headings, with every character still mapped to the box of the OCR word it
// came from. The dictionary is Tesseract's own English word list (a real engine); the last test
// reads a rendered page end to end.
#include "dossier/importers/image_importer.h"
#include "dossier/importers/ocr_engine.h"
#include "dossier/importers/ocr_text_normalisation.h"
#include "ocr_test_support.h"
#include "page_images.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace dossier;
using namespace dossier::importers;
using namespace dossier::testing;

namespace {

struct TypedWord {
    std::string separator; // before the word: "", " ", "\n" or "\n\n"
    std::string text;
    PixelBox box;
};

// A page as collect_words lays it out: words joined by their separators, one box per word.
PageText page_of(const std::vector<TypedWord>& typed) {
    PageText page;
    std::int32_t line = 0;
    for (const auto& t : typed) {
        page.text += t.separator;
        if (t.separator.starts_with('\n'))
            ++line;
        OcrWord w;
        w.start = static_cast<std::uint32_t>(page.text.size());
        page.text += t.text;
        w.end = static_cast<std::uint32_t>(page.text.size());
        w.box = t.box;
        w.line = line;
        w.confidence = 90;
        page.ocr.words.push_back(w);
    }
    page.text += '\n';
    return page;
}

// Words on one line, left to right, each `width` wide and `gap` apart.
PixelBox box_at(int index, int width = 40, int gap = 20, int top = 100) {
    const int left = 100 + index * (width + gap);
    return {left, top, left + width, top + 40};
}

OcrEngine& english() {
    static OcrEngine engine(ocr_options().ocr);
    return engine;
}

PageText normalised(std::vector<TypedWord> typed) {
    auto page = page_of(typed);
    normalise_ocr_text(page, [](std::string_view w) { return english().is_dictionary_word(w); });
    return page;
}

// The boxes of the OCR words covering the bytes [start, start + length) of the text.
std::vector<PixelBox> boxes_under(const PageText& page, std::size_t start, std::size_t length) {
    std::vector<PixelBox> boxes;
    for (const auto& w : page.ocr.words)
        if (w.start < start + length && w.end > start)
            boxes.push_back(w.box);
    return boxes;
}

// Each word's span holds bytes of the text, in order, without overlaps.
void expect_spans_in_order(const PageText& page) {
    std::uint32_t previous_end = 0;
    for (const auto& w : page.ocr.words) {
        EXPECT_GE(w.start, previous_end);
        EXPECT_LE(w.start, w.end);
        EXPECT_LE(w.end, page.text.size());
        previous_end = w.end;
    }
}

} // namespace

// What the hyphen rule relies on in Debian's English word list: hyphenated compounds are in it,
// words broken at a syllable are not, names are not.
TEST(OcrTextNormalisation, TheEnglishWordListHoldsCompoundsButNotBrokenWordsOrNames) {
    EXPECT_TRUE(english().is_dictionary_word("proposal"));
    EXPECT_TRUE(english().is_dictionary_word("well-known"));
    EXPECT_FALSE(english().is_dictionary_word("be-cause"));
    EXPECT_FALSE(english().is_dictionary_word("self-determination"));
    EXPECT_FALSE(english().is_dictionary_word("gromyko"));
}

TEST(OcrTextNormalisation, ANameSplitAtALineEndIsJoinedAndKeepsBothBoxes) {
    const PixelBox first{900, 100, 1000, 140}, second{100, 160, 200, 200};
    const auto page =
        normalised({{"", "Minister", box_at(0)}, {" ", "Gro-", first}, {"\n", "myko", second}});
    EXPECT_EQ(page.text, "Minister Gromyko\n");
    const auto at = page.text.find("Gromyko");
    EXPECT_EQ(boxes_under(page, at, 3), std::vector<PixelBox>{first});
    EXPECT_EQ(boxes_under(page, at + 3, 4), std::vector<PixelBox>{second});
    EXPECT_EQ(boxes_under(page, at, 7), (std::vector<PixelBox>{first, second}));
    expect_spans_in_order(page);
}

TEST(OcrTextNormalisation, AWordBrokenAtALineEndLosesItsHyphen) {
    EXPECT_EQ(
        normalised({{"", "a", box_at(0)}, {" ", "pro-", box_at(1)}, {"\n", "posal.", {}}}).text,
        "a proposal.\n");
}

TEST(OcrTextNormalisation, ACompoundOfTwoWordsKeepsItsHyphen) {
    EXPECT_EQ(normalised({{"", "well-", box_at(0)}, {"\n", "known", {}}}).text, "well-known\n");
    EXPECT_EQ(normalised({{"", "self-", box_at(0)}, {"\n", "determination", {}}}).text,
              "self-determination\n");
    EXPECT_EQ(normalised({{"", "be-", box_at(0)}, {"\n", "cause", {}}}).text, "because\n");
}

TEST(OcrTextNormalisation, ACompoundBeforeACapitalKeepsItsHyphen) {
    EXPECT_EQ(normalised({{"", "Soviet-", box_at(0)}, {"\n", "American", {}}}).text,
              "Soviet-American\n");
}

TEST(OcrTextNormalisation, ASoftHyphenOrNotSignAtALineEndIsAlwaysDropped) {
    EXPECT_EQ(normalised({{"", "Ver\u00AD", box_at(0)}, {"\n", "handlung", {}}}).text,
              "Verhandlung\n");
    EXPECT_EQ(normalised({{"", "Bot\u00AC", box_at(0)}, {"\n", "schafter", {}}}).text,
              "Botschafter\n");
}

TEST(OcrTextNormalisation, HyphensThatAreNotAtALineEndBeforeALetterStay) {
    // Inside a line; before a paragraph break; before a number; a dash alone.
    EXPECT_EQ(normalised({{"", "Gro-", box_at(0)}, {" ", "myko", box_at(1)}}).text, "Gro- myko\n");
    EXPECT_EQ(normalised({{"", "Gro-", box_at(0)}, {"\n\n", "myko", {}}}).text, "Gro-\n\nmyko\n");
    EXPECT_EQ(normalised({{"", "1962-", box_at(0)}, {"\n", "63", {}}}).text, "1962-\n63\n");
    EXPECT_EQ(normalised({{"", "-", box_at(0)}, {"\n", "and", {}}}).text, "-\nand\n");
}

TEST(OcrTextNormalisation, LigaturesBecomeTheirLettersWithinTheWordsBox) {
    const auto page = normalised({{"", "\uFB01nal", box_at(0)},
                                  {" ", "o\uFB03ce", box_at(1)},
                                  {" ", "\uFB02ow", box_at(2)}});
    EXPECT_EQ(page.text, "final office flow\n");
    EXPECT_EQ(boxes_under(page, page.text.find("office"), 6), std::vector<PixelBox>{box_at(1)});
    expect_spans_in_order(page);
}

TEST(OcrTextNormalisation, ALetterSpacedHeadingBecomesWordsSplitWhereTheGapsWiden) {
    // "M E M O R A N D U M   O F   C O N V E R S A T I O N": letters 30 px apart within a word,
    // 120 px between words.
    const std::string heading = "MEMORANDUM OF CONVERSATION";
    std::vector<TypedWord> typed;
    int left = 100;
    for (std::size_t i = 0; i < heading.size(); ++i) {
        if (heading[i] == ' ') {
            left += 90;
            continue;
        }
        typed.push_back(
            {typed.empty() ? "" : " ", std::string(1, heading[i]), {left, 100, left + 40, 150}});
        left += 70;
    }
    typed.push_back({"\n", "Gromyko", {100, 200, 300, 240}});
    const auto page = normalised(typed);
    EXPECT_EQ(page.text, "MEMORANDUM OF CONVERSATION\nGromyko\n");
    // Each letter is still its own word, with its own box.
    const auto at = page.text.find("CONVERSATION");
    EXPECT_EQ(boxes_under(page, at, 1), std::vector<PixelBox>{typed[12].box});
    EXPECT_EQ(boxes_under(page, at, 12).size(), 12u);
    expect_spans_in_order(page);
}

TEST(OcrTextNormalisation, SingleCapitalsInOrdinaryProseStayApart) {
    // Fewer than three in a row, or lower case: "Annex A to", "a I".
    EXPECT_EQ(normalised({{"", "Annex", box_at(0)},
                          {" ", "A", box_at(1)},
                          {" ", "B", box_at(2)},
                          {" ", "to", box_at(3)}})
                  .text,
              "Annex A B to\n");
}

// End to end through Tesseract: a page typed with a name broken at a line end and a
// letter-spaced heading reads as the names and the heading, each letter mapped to its scan.
TEST(OcrTextNormalisation, ARenderedPageWithAHyphenatedNameAndASpacedHeadingReadsWhole) {
    const std::vector<std::string> lines{
        "M E M O R A N D U M",      "",
        "The Secretary met Gro-",   "myko in Geneva on the proposal for",
        "a well-known conference.",
    };
    const auto image = importers::make_image_importer();
    const auto png = encode_image(render_pages(lines, 300).at(0), "PNG");
    const auto doc = image->read_with("memo.png", png, ocr_options()).at(0);
    EXPECT_NE(doc.text.find("MEMORANDUM"), std::string::npos) << doc.text;
    const auto at = doc.text.find("Gromyko");
    ASSERT_NE(at, std::string::npos) << doc.text;
    // "Gro" lies on the line of "Secretary", "myko" on the next one.
    std::vector<std::int32_t> lines_under;
    for (const auto& w : doc.ocr_pages.at(0).words)
        if (w.start < at + 7 && w.end > at)
            lines_under.push_back(w.line);
    ASSERT_EQ(lines_under.size(), 2u) << doc.text;
    EXPECT_EQ(lines_under[1], lines_under[0] + 1);
}
