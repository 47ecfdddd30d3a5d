#pragma once
// The compiled tables behind ExtractionContext: entity definitions and a phrase table keyed by
// the hash of a token sequence, so matching a text position costs one hash lookup per length.
#include "dossier/extract/extraction_context.h"
#include "dossier/model/entity_type.h"
#include "text_tokens.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::extract {

namespace detail {

struct EntityDef {
    EntityType type = EntityType::Country;
    std::string key;
    std::string canonical_name;
    std::string authority_id;
    std::string surname; // persons from an authority: for identity checks
    std::vector<std::string> given;
};

enum class PhraseKind : std::uint8_t { Entity, Title };
enum class NameKind : std::uint8_t { Name, Demonym, Acronym, Capital, Authority };
enum class TitleKind : std::uint8_t { Honorific, Office, Plural };

struct PhraseEntry {
    std::uint32_t target = 0; // EntityDef index, or title index
    PhraseKind kind = PhraseKind::Entity;
    std::uint8_t sub = 0;         // NameKind or TitleKind
    bool case_exact_caps = false; // an acronym: the text must be in capitals too ("US" vs "us")
};

class PhraseTable {
public:
    // A token sequence of the table: the phrases that end here, and whether longer ones go on.
    struct Node {
        std::vector<PhraseEntry> entries;
        bool has_longer = false;
    };
    // Returns false when the phrase has no tokens.
    bool add(std::string_view phrase, const PhraseEntry& entry);
    // The node for tokens [first, first + length) given the hash of that sequence; nullptr when
    // no phrase starts with it, so a scan can stop at the first miss.
    const Node* node(std::uint64_t sequence_hash, std::size_t length) const {
        auto it = nodes_.find(key(sequence_hash, length));
        return it == nodes_.end() ? nullptr : &it->second;
    }
    // Entries whose phrase is exactly that sequence (nullptr when none).
    const std::vector<PhraseEntry>* find(std::uint64_t sequence_hash, std::size_t length) const {
        const Node* n = node(sequence_hash, length);
        return n && !n->entries.empty() ? &n->entries : nullptr;
    }
    std::size_t max_length() const { return max_length_; }
    std::size_t size() const { return nodes_.size(); }

private:
    static std::uint64_t key(std::uint64_t sequence_hash, std::size_t length) {
        return sequence_hash ^ (static_cast<std::uint64_t>(length) * 0x94D049BB133111EBull);
    }
    std::unordered_map<std::uint64_t, Node> nodes_;
    std::size_t max_length_ = 0;
};

} // namespace detail

struct ExtractionContext::Data {
    std::vector<detail::EntityDef> entities;
    detail::PhraseTable phrases;
    std::unordered_set<std::uint64_t> not_names;        // token hashes
    std::unordered_map<std::uint64_t, bool> org_heads;  // token hash -> may take "of/in X"
    std::unordered_set<std::uint64_t> particles;        // de, van, al, bin ...
    std::unordered_set<std::uint64_t> given_names;      // Nuri, Golda, Walter ...
    std::unordered_set<std::uint64_t> eponym_words;     // Amendment, Mission, Doctrine ...
    std::unordered_set<std::uint64_t> chinese_surnames; // Liang, Zhou, Chou ...
    std::unordered_set<std::uint64_t> place_features;   // strait, gulf, coast ...
    std::unordered_map<std::uint64_t, int> months;      // january -> 1, jan -> 1
    std::unordered_map<std::uint64_t, std::string> document_kinds; // telegram -> "telegram"
    std::unordered_set<std::uint64_t> republic_words; // people, democratic, socialist ...
    // Authority persons by surname skeleton: linking "Gromyko" alone when it is unambiguous.
    std::unordered_map<std::string, std::vector<std::uint32_t>> authority_by_surname;
    std::unordered_map<std::string, std::uint32_t> entity_by_key;
    std::size_t authority_entries = 0;
    // Surname skeletons of authority persons by folded token hash, filled lazily per document.

    std::uint32_t add_entity(EntityType type, const std::string& key, const std::string& canonical);
};

} // namespace dossier::extract
