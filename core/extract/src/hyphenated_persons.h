#pragma once
// "memorandum of conversation (Pembrook-Kuznetsov)": a hyphenated pair of surnames names two
// persons, while "Ben-Gurion", "Lloyd-George" or "Mendès-France" name one. The rule: every part
// is a person's surname known on its own, no part is a given name, a country, a place, an
// institution or a title, and the whole is known as no one's surname.
#include "document_reader.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier::extract::detail {

// The parts of "Pembrook-Kuznetsov": two to four capitalised words of two letters or more
// joined by ASCII hyphens, nothing else. Empty when `name` is not such a compound.
std::vector<std::string_view> hyphenated_parts(std::string_view name);

// The hash of the parts' folded hashes, in order; for two parts the same key as
// DocumentLexicon::compound_surnames.
std::uint64_t parts_key(const std::vector<std::string_view>& parts);

// Whether the compound of `parts` names one person per part. `read_whole_by_pass1`: this
// document's pass 1 read the compound as one person without a title or given name, so when the
// document and the authority file alone do not split it, the corpus holds that reading as a
// person of its own (the corpus is built from the first read), which is no evidence that the
// compound is one person.
bool names_several_persons(const ExtractionContext::Data& data, const DocumentLexicon& lexicon,
                           const std::vector<std::string_view>& parts, bool read_whole_by_pass1);

} // namespace dossier::extract::detail
