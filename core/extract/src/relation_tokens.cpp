#include "dossier/extract/relation_tokens.h"

namespace dossier::extract {
namespace {

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Typographic punctuation in the General Punctuation block (E2 80 xx) that we fold to ASCII;
// returns the folded form or nullptr when the sequence is not one of them.
const char* fold_general_punctuation(std::string_view text, std::size_t i) {
    if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xE2 ||
        static_cast<unsigned char>(text[i + 1]) != 0x80)
        return nullptr;
    switch (static_cast<unsigned char>(text[i + 2])) {
    case 0x93: // en dash
    case 0x94: // em dash
    case 0x90: // hyphen
    case 0x91: // non-breaking hyphen
        return "-";
    case 0x98: // left single quote
    case 0x99: // right single quote / apostrophe
        return "'";
    case 0x9C: // left double quote
    case 0x9D: // right double quote
        return "\"";
    case 0xA6: // ellipsis
        return "...";
    default:
        return nullptr;
    }
}

// No-break space (C2 A0) and the spaces of the General Punctuation block (E2 80 80-8A, AF):
// pasted translations are full of them. Returns the byte width, 0 when not a space.
std::size_t unicode_space_width(std::string_view text, std::size_t i) {
    const auto u = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    if (u(i) == 0xC2 && i + 1 < text.size() && u(i + 1) == 0xA0)
        return 2;
    if (u(i) == 0xE2 && i + 2 < text.size() && u(i + 1) == 0x80 &&
        ((u(i + 2) >= 0x80 && u(i + 2) <= 0x8A) || u(i + 2) == 0xAF))
        return 3;
    return 0;
}

} // namespace

std::vector<RelationToken> tokenize_for_relations(std::string_view text, Span range) {
    std::vector<RelationToken> tokens;
    std::size_t i = range.start;
    const std::size_t end = std::min<std::size_t>(range.end, text.size());
    auto u = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    while (i < end) {
        const unsigned char c = u(i);
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (const std::size_t width = unicode_space_width(text, i)) {
            i += width;
            continue;
        }
        // Possessive 's / ’s right after a word: its own token, so patterns can ask for it.
        if (!tokens.empty() && tokens.back().span.end == i) {
            const char* folded = fold_general_punctuation(text, i);
            const std::size_t quote_len = c == '\'' ? 1 : (folded && folded[0] == '\'' ? 3 : 0);
            if (quote_len > 0 && i + quote_len < end &&
                (u(i + quote_len) == 's' || u(i + quote_len) == 'S') &&
                (i + quote_len + 1 >= end || !is_ascii_alnum(u(i + quote_len + 1))) &&
                is_ascii_alnum(static_cast<unsigned char>(tokens.back().norm.back()))) {
                tokens.push_back(
                    {{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + quote_len + 1)},
                     "'s"});
                i += quote_len + 1;
                continue;
            }
        }
        if (const char* folded = fold_general_punctuation(text, i)) {
            tokens.push_back(
                {{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 3)}, folded});
            i += 3;
            continue;
        }
        if (c < 0x80 && !is_ascii_alnum(c)) {
            tokens.push_back({{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)},
                              std::string(1, static_cast<char>(c))});
            ++i;
            continue;
        }
        // A word: ASCII letters and digits and any non-ASCII character that is not folded
        // punctuation (letters of other scripts, diacritics).
        const std::size_t start = i;
        std::string norm;
        while (i < end) {
            const unsigned char d = u(i);
            if (d < 0x80) {
                if (!is_ascii_alnum(d))
                    break;
                norm += static_cast<char>(d >= 'A' && d <= 'Z' ? d + ('a' - 'A') : d);
                ++i;
            } else {
                if (fold_general_punctuation(text, i) || unicode_space_width(text, i))
                    break;
                norm += static_cast<char>(d);
                ++i;
            }
        }
        tokens.push_back(
            {{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)}, std::move(norm)});
    }
    return tokens;
}

} // namespace dossier::extract
