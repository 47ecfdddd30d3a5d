#pragma once
// Person mentions an annotated file's gold leaves untagged, added back from a reviewed list, so
// that `dossier eval --gold-additions FILE` can score extraction against the gold as corrected
// next to (never instead of) the gold as published.
//
// The list is a tab-separated file written and checked by a person, one line per name and
// document: document key (the TEI div's xml:id), the name as printed, the identity (the persons
// list id without '#', or "-" for someone not on the list), and why the gold misses it. Lines
// starting with '#' and blank lines are comments. Every word-bounded occurrence of the name in
// that document's text that no gold mention (and no longer addition) overlaps becomes a gold
// mention. An entry naming an unknown document or matching nothing is an error: a stale list
// must fail loudly rather than quietly score against less than it claims.
#include "dossier/extract/evaluation.h"

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract {

struct GoldAddition {
    std::string document; // key of the document, e.g. "d138"
    std::string name;     // as printed: "Ben-Gurion", "Paul Hall"
    std::string identity; // persons-list id, or empty for an unlisted person
    std::string reason;
    std::size_t line = 0; // in the list file, for messages
};

// Throws std::runtime_error naming `source_name` and the line of a malformed entry.
std::vector<GoldAddition> read_gold_additions(std::istream& in, const std::string& source_name);

struct GoldAdditionResult {
    std::vector<ScoredMention> mentions;      // the gold with the additions, sorted
    std::size_t added = 0;                    // mentions added
    std::vector<std::size_t> added_per_entry; // in the order of the entries given
};

// `texts[i]` and `document_keys[i]` describe document i (ScoredMention::document). Longer names
// are placed first, so "Paul Hall" is one mention, not "Paul Hall" and "Hall". Throws
// std::runtime_error for an entry whose document is unknown or whose name occurs nowhere free.
GoldAdditionResult add_gold_mentions(const std::vector<ScoredMention>& gold,
                                     const std::vector<GoldAddition>& additions,
                                     const std::vector<std::string_view>& texts,
                                     const std::vector<std::string>& document_keys);

} // namespace dossier::extract
