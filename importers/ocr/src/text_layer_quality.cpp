#include "dossier/importers/text_layer_quality.h"

#include <cctype>
#include <cstdint>

namespace dossier::importers {
namespace {

// Decodes one code point (invalid bytes come back as U+FFFD, one byte consumed).
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    int length = lead < 0x80           ? 1
                 : (lead >> 5) == 0x6  ? 2
                 : (lead >> 4) == 0xE  ? 3
                 : (lead >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || i + static_cast<std::size_t>(length) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        const auto byte = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((byte & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte & 0x3F);
    }
    i += static_cast<std::size_t>(length);
    return cp;
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B);
}

bool is_broken(char32_t cp) {
    return cp == 0xFFFD || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
           (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

// Letters and digits: ASCII alphanumerics, and above U+00BF everything but punctuation, symbol
// and box-drawing blocks (U+2000-U+2BFF) and the broken ones.
bool is_wordlike(char32_t cp) {
    if (cp < 0x80)
        return std::isalnum(static_cast<int>(cp)) != 0;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return false;
    return !(cp >= 0x2000 && cp <= 0x2BFF) && !is_broken(cp);
}

} // namespace

TextLayerCounts count_text_layer(std::string_view utf8) {
    TextLayerCounts counts;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto cp = next_code_point(utf8, i);
        if (is_space(cp))
            continue;
        ++counts.visible;
        if (is_broken(cp))
            ++counts.broken;
        else if (is_wordlike(cp))
            ++counts.wordlike;
    }
    return counts;
}

TextLayer assess_text_layer(std::string_view utf8) {
    const auto counts = count_text_layer(utf8);
    if (counts.visible == 0)
        return TextLayer::Empty;
    if (counts.broken * 10 > counts.visible || counts.wordlike * 2 < counts.visible)
        return TextLayer::Garbage;
    return TextLayer::Usable;
}

} // namespace dossier::importers
