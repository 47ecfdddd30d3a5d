#pragma once
// Tokens for the relation pattern matcher: words and single punctuation marks with their byte
// spans, compared in a normalised form (ASCII lower case, typographic quotes and dashes folded
// to their ASCII twins, the possessive "'s" split off as its own token).
#include "dossier/model/document.h"

#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract {

struct RelationToken {
    Span span;
    std::string norm;
};

// Tokens of text[range]; spans are offsets into `text`. Linear time.
std::vector<RelationToken> tokenize_for_relations(std::string_view text, Span range);
inline std::vector<RelationToken> tokenize_for_relations(std::string_view text) {
    return tokenize_for_relations(text, Span{0, static_cast<std::uint32_t>(text.size())});
}

} // namespace dossier::extract
