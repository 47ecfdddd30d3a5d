#pragma once
// One pass over UTF-8 text into word, number and punctuation tokens with the features the rules
// need (capitalisation, initials, line starts) and a case- and accent-folded hash per token, so
// gazetteer and authority lookups compare integers instead of strings.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract::detail {

enum TokenFlag : std::uint16_t {
    kWord = 1 << 0,            // letters (and digits mixed in: "P217")
    kNumber = 1 << 1,          // digits only
    kPunct = 1 << 2,           // one punctuation character (multi-byte ones included)
    kCapitalized = 1 << 3,     // first letter upper case
    kAllCaps = 1 << 4,         // has letters, none lower case
    kNewlineBefore = 1 << 5,   // a line break between the previous token and this one
    kSpaceBefore = 1 << 6,     // any white space between the previous token and this one
    kBlankLineBefore = 1 << 7, // an empty line before: a paragraph starts here
    kHasLower = 1 << 8,
};

struct Token {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint64_t hash = 0; // of the folded form: lower case, accents removed, quotes unified
    std::uint16_t flags = 0;
    bool is(TokenFlag f) const { return (flags & f) != 0; }
};

std::vector<Token> tokenize(std::string_view text);

// The folded form the hash is computed from (for keys and tests).
std::string fold(std::string_view text);
std::uint64_t fold_hash(std::string_view text);

// Hash of a token sequence from its token hashes; combine_start() then combine() per token.
inline std::uint64_t combine_start() {
    return 0x9E3779B97F4A7C15ull;
}
inline std::uint64_t combine(std::uint64_t seed, std::uint64_t token_hash) {
    seed ^= token_hash + 0x9E3779B97F4A7C15ull + (seed << 6) + (seed >> 2);
    return seed * 0xBF58476D1CE4E5B9ull;
}

} // namespace dossier::extract::detail
