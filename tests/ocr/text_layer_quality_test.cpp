#include "dossier/importers/text_layer_quality.h"

#include <gtest/gtest.h>

using namespace dossier::importers;

TEST(TextLayerQuality, TypedProseIsUsable) {
    EXPECT_EQ(assess_text_layer("Department has reviewed ref A, in which Ambassador Ashworth "
                                "reports that Deputy Foreign Minister Kuznetsov (1980)."),
              TextLayer::Usable);
    EXPECT_EQ(assess_text_layer("Министр иностранных дел СССР А. А. Громыко"), TextLayer::Usable);
}

TEST(TextLayerQuality, WhiteSpaceOnlyIsEmpty) {
    EXPECT_EQ(assess_text_layer(""), TextLayer::Empty);
    EXPECT_EQ(assess_text_layer(" \n\t \f\r\n"), TextLayer::Empty);
}

TEST(TextLayerQuality, ReplacementAndPrivateUseCharactersOverTenPercentAreGarbage) {
    // A font without a Unicode map: glyph codes land in the private use area.
    EXPECT_EQ(assess_text_layer("\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83 Moscow"), TextLayer::Garbage);
    // 2 broken of 20 visible is exactly 10%: not over the threshold; one more tips it.
    EXPECT_EQ(assess_text_layer("Telegram \xEF\xBF\xBD\xEF\xBF\xBD from Moscow"),
              TextLayer::Usable);
    EXPECT_EQ(assess_text_layer("Telegram \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD from Moscow"),
              TextLayer::Garbage);
}

TEST(TextLayerQuality, PunctuationSoupIsGarbage) {
    EXPECT_EQ(assess_text_layer("#$%& *@!? ^~|{ }<>; :+= ,./ ]["), TextLayer::Garbage);
    const auto counts = count_text_layer("ab #$%&");
    EXPECT_EQ(counts.visible, 6u);
    EXPECT_EQ(counts.wordlike, 2u);
}
