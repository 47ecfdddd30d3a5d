#pragma once
// Whether a PDF page's text layer is worth keeping or the page should be OCR'd (--ocr auto).
#include <cstddef>
#include <string_view>

namespace dossier::importers {

enum class TextLayer {
    Usable,
    Empty,   // no visible character: an image-only page
    Garbage, // characters, but not text: a broken font encoding or a bad earlier OCR
};

struct TextLayerCounts {
    std::size_t visible = 0;  // code points other than white space
    std::size_t wordlike = 0; // letters and digits of any script
    std::size_t broken = 0;   // U+FFFD, private use, control characters
};

TextLayerCounts count_text_layer(std::string_view utf8);

// The rule, measurable on any page: Garbage when more than 10% of the visible characters are
// broken (U+FFFD, private use, controls: what a font without a Unicode map extracts to), or when
// fewer than half of them are letters or digits (typewritten or printed prose is ~80% letters;
// a font whose glyphs map to punctuation and symbols is far below).
TextLayer assess_text_layer(std::string_view utf8);

} // namespace dossier::importers
