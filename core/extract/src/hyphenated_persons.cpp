#include "hyphenated_persons.h"

#include "dossier/extract/name_key.h"

namespace dossier::extract::detail {
namespace {

constexpr std::size_t kMaxParts = 4;

// A word that can be a surname: not a given name ("Lloyd-George", "Jean-Marc"), not a particle
// or "Saint" that begins a compound surname ("Ben-Gurion", "Abu-Lughod", "Saint-Simon"), not a
// word the tables know as something else ("Mendès-France", "Soviet-American", "Vice-Consul").
bool may_be_surname(const ExtractionContext::Data& data, std::uint64_t hash) {
    static const std::uint64_t kSaint = fold_hash("saint"), kSainte = fold_hash("sainte");
    if (data.given_names.count(hash) || data.particles.count(hash) || hash == kSaint ||
        hash == kSainte || data.not_names.count(hash) || data.months.count(hash))
        return false;
    if (const auto* entries = data.phrases.find(combine(combine_start(), hash), 1))
        for (const auto& e : *entries)
            if (e.kind == PhraseKind::Title || data.entities[e.target].type != EntityType::Person)
                return false;
    return true;
}

} // namespace

std::vector<std::string_view> hyphenated_parts(std::string_view name) {
    std::vector<std::string_view> parts;
    if (name.find('-') == std::string_view::npos)
        return parts;
    const auto tokens = tokenize(name);
    // word - word [- word ...], glued, each word capitalised.
    if (tokens.size() < 3 || tokens.size() % 2 == 0 || tokens.size() > 2 * kMaxParts - 1 ||
        tokens.front().start != 0 || tokens.back().end != name.size())
        return parts;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        if (i > 0 && t.is(kSpaceBefore))
            return {};
        const auto text = name.substr(t.start, t.end - t.start);
        if (i % 2 == 1) {
            if (text != "-")
                return {};
            continue;
        }
        if (!t.is(kWord) || !t.is(kCapitalized) || text.size() < 2)
            return {};
        parts.push_back(text);
    }
    return parts;
}

std::uint64_t parts_key(const std::vector<std::string_view>& parts) {
    std::uint64_t key = combine_start();
    for (const auto part : parts)
        key = combine(key, fold_hash(part));
    return key;
}

bool names_several_persons(const ExtractionContext::Data& data, const DocumentLexicon& lexicon,
                           const std::vector<std::string_view>& parts, bool read_whole_by_pass1) {
    if (parts.size() < 2)
        return false;
    const std::uint64_t key = parts_key(parts);
    if (lexicon.one_person_compounds.count(key))
        return false; // "Mr. Lloyd-George", "David Lloyd-George" in this document
    const bool has_authority = !data.authority_by_surname.empty();
    if (has_authority) {
        // "Ben-Gurion" when the authority file lists "Ben Gurion" (the skeleton drops the hyphen).
        std::string whole;
        for (const auto part : parts)
            whole += part;
        if (data.authority_by_surname.count(name_skeleton(whole)))
            return false;
    }
    bool known_without_corpus = true;
    for (const auto part : parts) {
        const std::uint64_t hash = fold_hash(part);
        if (!may_be_surname(data, hash))
            return false;
        const bool in_document_or_authority =
            lexicon.surnames.count(hash) ||
            (has_authority && data.authority_by_surname.count(name_skeleton(part)));
        if (!in_document_or_authority && !(lexicon.corpus && lexicon.corpus->contains_hash(hash)))
            return false; // only some parts known: left as it was ("Ben-Gurion")
        known_without_corpus = known_without_corpus && in_document_or_authority;
    }
    if (!lexicon.corpus)
        return true;
    // A person of another document whose surname is the whole compound: one person. This
    // document's own whole reading of it is in the corpus too when its first read, without the
    // corpus, did not split it; that one does not count.
    const std::size_t own = read_whole_by_pass1 && !known_without_corpus ? 1 : 0;
    return lexicon.corpus->persons_with_compound_surname(key) <= own;
}

} // namespace dossier::extract::detail
