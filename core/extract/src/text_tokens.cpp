#include "text_tokens.h"

#include <array>

namespace dossier::extract::detail {
namespace {

// ASCII base letters for U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A); '\0' keeps
// the character as it is. Upper-case letters map to upper case so capitalisation survives.
constexpr char kLatinBase[] = "AAAAAAACEEEEIIII"
                              "DNOOOOO\0OUUUUYTs"
                              "aaaaaaaceeeeiiii"
                              "dnooooo\0ouuuuyty"
                              "AaAaAaCcCcCcCcDd"
                              "DdEeEeEeEeEeGgGg"
                              "GgGgHhHhIiIiIiIi"
                              "IiJjJjKkkLlLlLlL"
                              "lLlNnNnNnnNnOoOo"
                              "OoOoRrRrRrSsSsSs"
                              "SsTtTtTtUuUuUuUu"
                              "UuUuWwYyYZzZzZzs";

struct Decoded {
    std::uint32_t cp;
    std::uint32_t length;
};

Decoded decode(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80)
        return {c, 1};
    auto cont = [&](std::size_t k) -> std::uint32_t {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) & 0x3Fu : 0u;
    };
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size())
        return {((c & 0x1Fu) << 6) | cont(1), 2};
    if ((c & 0xF0) == 0xE0 && i + 2 < text.size())
        return {((c & 0x0Fu) << 12) | (cont(1) << 6) | cont(2), 3};
    if ((c & 0xF8) == 0xF0 && i + 3 < text.size())
        return {((c & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4};
    return {0xFFFD, 1}; // stray byte: one character (import replaced invalid UTF-8 already)
}

bool is_ascii_letter(std::uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(std::uint32_t c) {
    return c >= '0' && c <= '9';
}

// Punctuation and symbols outside ASCII: general punctuation, Latin-1 symbols, CJK punctuation,
// full-width forms' punctuation, the replacement character.
bool is_unicode_punct(std::uint32_t cp) {
    return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x00A0 && cp <= 0x00BF) || cp == 0x00D7 ||
           cp == 0x00F7 || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           cp == 0xFFFD || cp == 0xFEFF;
}

bool is_upper_cp(std::uint32_t cp) {
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return true;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 0 ? cp != 0x138 : false; // Latin Extended-A alternates upper/lower
    if (cp >= 0x400 && cp <= 0x42F)
        return true; // Cyrillic capitals
    if (cp >= 0x391 && cp <= 0x3A9)
        return true; // Greek capitals
    return false;
}

bool is_lower_cp(std::uint32_t cp) {
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        return true;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 1;
    if (cp >= 0x430 && cp <= 0x45F)
        return true;
    if (cp >= 0x3B1 && cp <= 0x3C9)
        return true;
    return false;
}

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

inline std::uint64_t fnv(std::uint64_t h, unsigned char c) {
    return (h ^ c) * kFnvPrime;
}

// Appends the folded form of one code point (as bytes) to the running hash and/or string.
template <class Sink> void fold_cp(std::uint32_t cp, std::string_view raw, Sink&& sink) {
    if (cp < 0x80) {
        sink(static_cast<unsigned char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        return;
    }
    if (cp >= 0xC0 && cp <= 0x17F) {
        const char base = kLatinBase[cp - 0xC0];
        if (base != '\0') {
            const auto b = static_cast<unsigned char>(base);
            sink(static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
            if (cp == 0xDF) // ß -> ss
                sink('s');
            return;
        }
    }
    // Quotes and apostrophes fold to ASCII ones, dashes to '-'.
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x2032) {
        sink('\'');
        return;
    }
    if (cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB) {
        sink('"');
        return;
    }
    if (cp >= 0x2010 && cp <= 0x2015) {
        sink('-');
        return;
    }
    if (cp >= 0x410 && cp <= 0x42F) { // Cyrillic capitals to small letters
        const std::uint32_t lower = cp + 0x20;
        sink(static_cast<unsigned char>(0xC0 | (lower >> 6)));
        sink(static_cast<unsigned char>(0x80 | (lower & 0x3F)));
        return;
    }
    for (char c : raw)
        sink(static_cast<unsigned char>(c));
}

} // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 4);
    std::uint16_t pending = 0; // white-space flags for the next token
    int newlines = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c < 0x20 ||
            c == 0x7F) {
            pending |= kSpaceBefore;
            if (c == '\n') {
                pending |= kNewlineBefore;
                if (++newlines >= 2)
                    pending |= kBlankLineBefore;
            }
            ++i;
            continue;
        }
        auto d = decode(text, i);
        if (d.cp == 0xA0 || d.cp == 0x3000 || (d.cp >= 0x2000 && d.cp <= 0x200B)) { // odd spaces
            pending |= kSpaceBefore;
            i += d.length;
            continue;
        }
        Token t;
        t.start = static_cast<std::uint32_t>(i);
        t.flags = pending;
        pending = 0;
        newlines = 0;
        const bool letter_or_digit = is_ascii_letter(d.cp) || is_ascii_digit(d.cp) ||
                                     (d.cp >= 0x80 && !is_unicode_punct(d.cp));
        std::uint64_t h = kFnvOffset;
        auto sink = [&h](unsigned char b) { h = fnv(h, b); };
        if (!letter_or_digit) {
            fold_cp(d.cp, text.substr(i, d.length), sink);
            i += d.length;
            t.flags |= kPunct;
        } else {
            bool any_letter = false, any_lower = false, first = true, digits_only = true;
            while (i < n) {
                d = decode(text, i);
                const bool is_word_char = is_ascii_letter(d.cp) || is_ascii_digit(d.cp) ||
                                          (d.cp >= 0x80 && !is_unicode_punct(d.cp));
                if (!is_word_char)
                    break;
                // CJK ideographs are words of one character each: no spaces to split on.
                const bool cjk = d.cp >= 0x3040 && d.cp <= 0x9FFF;
                if (cjk && !first)
                    break;
                const bool digit = is_ascii_digit(d.cp);
                if (!digit) {
                    digits_only = false;
                    const bool upper = is_upper_cp(d.cp);
                    const bool lower = is_lower_cp(d.cp);
                    any_letter = any_letter || upper || lower; // cased letters only
                    any_lower = any_lower || lower;
                    if (first && upper)
                        t.flags |= kCapitalized;
                }
                fold_cp(d.cp, text.substr(i, d.length), sink);
                i += d.length;
                first = false;
                if (cjk)
                    break;
            }
            t.flags |= digits_only ? kNumber : kWord;
            if (any_letter && !any_lower)
                t.flags |= kAllCaps;
            if (any_lower)
                t.flags |= kHasLower;
        }
        t.end = static_cast<std::uint32_t>(i);
        t.hash = h;
        tokens.push_back(t);
    }
    return tokens;
}

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto d = decode(text, i);
        fold_cp(d.cp, text.substr(i, d.length),
                [&out](unsigned char b) { out.push_back(static_cast<char>(b)); });
        i += d.length;
    }
    return out;
}

std::uint64_t fold_hash(std::string_view text) {
    std::uint64_t h = kFnvOffset;
    for (std::size_t i = 0; i < text.size();) {
        auto d = decode(text, i);
        fold_cp(d.cp, text.substr(i, d.length), [&h](unsigned char b) { h = fnv(h, b); });
        i += d.length;
    }
    return h;
}

} // namespace dossier::extract::detail
