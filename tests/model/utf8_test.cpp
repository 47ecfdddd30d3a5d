#include "dossier/model/text_utf8.h"

#include <gtest/gtest.h>

using namespace dossier;

TEST(Utf8, ValidTextPassesUnchanged) {
    const std::string text = "Gromyko \xD0\x93\xD1\x80\xD0\xBE\xD0\xBC\xD1\x8B\xD0\xBA\xD0\xBE \xE5\x8C\x97\xE4\xBA\xAC";
    EXPECT_TRUE(is_valid_utf8(text));
    EXPECT_EQ(sanitize_utf8(text), text);
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacters) {
    EXPECT_EQ(sanitize_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(sanitize_utf8("\xC3"), "\xEF\xBF\xBD") << "truncated sequence at the end";
    EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") << "surrogates are invalid";
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF")) << "overlong encoding";
}
