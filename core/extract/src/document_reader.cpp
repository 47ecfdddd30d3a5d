// The window reader: tokens, table look-ups, shared name tests, and pass 1 in rule order.
#include "document_reader.h"

#include "reader_support.h"

#include <algorithm>

namespace dossier::extract::detail {

LabelTable::LabelTable() {
    labels_.emplace_back(); // kNone
}

std::uint32_t LabelTable::intern(CandidateLabel label) {
    if (label.key.empty() && label.canonical.empty() && label.person.surname.empty() &&
        label.person.given.empty())
        return kNone;
    std::string id = label.key;
    for (const std::string* part : {&label.canonical, &label.person.surname}) {
        id += '\x1f';
        id += *part;
    }
    for (const auto& g : label.person.given) {
        id += '\x1e';
        id += g;
    }
    auto [it, inserted] =
        index_.try_emplace(std::move(id), static_cast<std::uint32_t>(labels_.size()));
    if (inserted)
        labels_.push_back(std::move(label));
    return it->second;
}

std::uint32_t WindowReader::rule_label(std::string key, std::string canonical) {
    return lexicon_.labels.intern({std::move(key), std::move(canonical), {}});
}

std::uint32_t WindowReader::person_label(PersonName person) {
    return lexicon_.labels.intern({{}, {}, std::move(person)});
}

WindowReader::WindowReader(const ExtractionContext::Data& data, std::string_view document_text,
                           std::size_t base, std::size_t length, std::vector<Candidate>& out,
                           DocumentLexicon& lexicon)
    : data_(data), text_(document_text), out_(out), lexicon_(lexicon) {
    tokens_ = tokenize(document_text.substr(base, length));
    for (auto& t : tokens_) {
        t.start += static_cast<std::uint32_t>(base);
        t.end += static_cast<std::uint32_t>(base);
    }
}

std::string_view WindowReader::token_text(std::size_t i) const {
    return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
}

bool WindowReader::punct_is(std::size_t i, char c) const {
    return i < tokens_.size() && tokens_[i].is(kPunct) && tokens_[i].end - tokens_[i].start == 1 &&
           text_[tokens_[i].start] == c;
}

bool WindowReader::is_apostrophe(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].is(kPunct) && tokens_[i].hash == fold_hash("'");
}

bool WindowReader::glued(std::size_t i) const {
    return i < tokens_.size() && !tokens_[i].is(kSpaceBefore);
}

// "A." as in "A. A. Gromyko": one capital letter, a full stop right after it, then a space.
bool WindowReader::is_initial_at(std::size_t i) const {
    if (i + 1 >= tokens_.size())
        return false;
    const auto& t = tokens_[i];
    return t.is(kWord) && t.is(kCapitalized) && t.end - t.start == 1 && punct_is(i + 1, '.') &&
           glued(i + 1) && (i + 2 >= tokens_.size() || !glued(i + 2));
}

WindowReader::PhraseMatch WindowReader::longest_phrase(std::size_t i, bool entities_only) const {
    PhraseMatch best;
    // A rule may ask at the token after a name that ends the text.
    if (i >= tokens_.size() || !tokens_[i].is(kWord) || !tokens_[i].is(kCapitalized))
        return best;
    std::uint64_t h = combine_start();
    const std::size_t limit = std::min(data_.phrases.max_length(), tokens_.size() - i);
    bool caps_ok = true;
    for (std::size_t len = 1; len <= limit; ++len) {
        const auto& t = tokens_[i + len - 1];
        if (len > 1 && t.is(kBlankLineBefore))
            break;
        h = combine(h, t.hash);
        const auto* node = data_.phrases.node(h, len);
        if (!node)
            break; // no phrase starts with these tokens: stop at the first miss
        caps_ok = caps_ok && !t.is(kHasLower);
        // "Sovietologist" is not "Soviet": phrases end at a word boundary.
        const bool glued_word_follows =
            i + len < tokens_.size() && glued(i + len) && tokens_[i + len].is(kWord);
        if (!node->entries.empty() && !glued_word_follows) {
            for (const auto& e : node->entries) {
                if (e.case_exact_caps && !caps_ok)
                    continue; // acronyms must be capitals in the text too ("US", not "us")
                if (entities_only && e.kind != PhraseKind::Entity)
                    continue;
                best = {len, &node->entries};
                break;
            }
        }
        if (!node->has_longer)
            break;
    }
    return best;
}

const PhraseEntry* WindowReader::pick_entity(const PhraseMatch& m) const {
    if (!m.entries)
        return nullptr;
    const PhraseEntry* best = nullptr;
    for (const auto& e : *m.entries) {
        if (e.kind != PhraseKind::Entity)
            continue;
        // Countries and institutions before authority persons of the same spelling.
        if (!best || (best->sub == static_cast<std::uint8_t>(NameKind::Authority) &&
                      e.sub != static_cast<std::uint8_t>(NameKind::Authority)))
            best = &e;
    }
    return best;
}

const PhraseEntry* WindowReader::pick_title(const PhraseMatch& m) const {
    if (!m.entries)
        return nullptr;
    for (const auto& e : *m.entries)
        if (e.kind == PhraseKind::Title)
            return &e;
    return nullptr;
}

bool WindowReader::is_name_word(std::size_t i) const {
    const auto& t = tokens_[i];
    if (!t.is(kWord) || !t.is(kCapitalized) || data_.not_names.count(t.hash))
        return false;
    if (t.end - t.start < 2)
        return false;
    if (data_.months.count(t.hash))
        return false;
    return true;
}

bool WindowReader::starts_sentence(std::size_t i) const {
    if (i == 0 || tokens_[i].is(kBlankLineBefore))
        return true;
    std::size_t k = i - 1;
    // Opening quotes and brackets before the word do not hide a sentence start.
    while (k > 0 && tokens_[k].is(kPunct) &&
           (token_text(k) == "\"" || token_text(k) == "(" || token_text(k) == "\u201c"))
        --k;
    if (!tokens_[k].is(kPunct))
        return false;
    const auto p = token_text(k);
    return p == "." || p == "!" || p == "?" || p == ":" || p == ";" || p == "]";
}

bool WindowReader::given_name_before(std::size_t i) const {
    if (i < 2 || !tokens_[i].is(kSpaceBefore) || tokens_[i].is(kNewlineBefore))
        return false;
    const std::size_t g = i - 1;
    if (!is_name_word(g) || tokens_[g].is(kAllCaps) || tokens_[g].is(kBlankLineBefore) ||
        starts_title(g))
        return false;
    if (glued(g) && (tokens_[g - 1].is(kWord) || punct_is(g - 1, '-')))
        return false; // the last part of a longer word
    if (tokens_[g - 1].is(kPunct)) {
        const auto p = token_text(g - 1);
        if (p == "." || p == "!" || p == "?" || p == ":" || p == ";")
            return false; // first word of a sentence
    }
    if (const auto* e = pick_entity(longest_phrase(g, true));
        e && data_.entities[e->target].type != EntityType::Person)
        return false;
    return true;
}

bool WindowReader::starts_title(std::size_t i) const {
    return pick_title(longest_phrase(i, false)) != nullptr;
}

bool WindowReader::title_ends_before(std::size_t i) const {
    constexpr std::size_t kMaxTitleTokens = 6;
    for (std::size_t back = 1; back <= kMaxTitleTokens && back <= i; ++back) {
        const std::size_t j = i - back;
        const auto m = longest_phrase(j, false);
        if (j + m.length == i && pick_title(m))
            return true;
    }
    return false;
}

// The longest phrase of the tables at token i, or an institution the keyword rule reads there:
// whichever is longer, a title before a name, a table entity.
std::size_t WindowReader::try_table_phrase(std::size_t i) {
    const auto match = longest_phrase(i, false);
    const std::size_t org_length = org_rule_length(i);
    const PhraseEntry* entity = pick_entity(match);
    const PhraseEntry* title = pick_title(match);
    // The rule may extend a country ("Israeli Embassy") but not split a known institution:
    // "CC CPSU Politburo" is the CC CPSU and its Politburo.
    const bool known_org =
        entity && data_.entities[entity->target].type == EntityType::Organization;
    if (org_length > match.length && !known_org) {
        return emit_org_rule(i, org_length);
    }
    if (match.length > 0) {
        // A title wins over a same-length entity only when a name follows ("General Smith").
        if (title && (!entity || read_name(i + match.length).end != 0)) {
            return handle_title(i, match.length, static_cast<TitleKind>(title->sub));
        }
        if (entity) {
            if (auto n = try_country_institution(i, match.length, *entity))
                return n;
            return emit_entity(i, match.length, *entity);
        }
    }
    return 0;
}

void WindowReader::read_rules() {
    find_speaker_labels();
    std::size_t i = 0;
    while (i < tokens_.size()) {
        const auto& t = tokens_[i];
        if (t.is(kPunct)) {
            if (auto n = punct_is(i, ',') ? try_appositive_after_role(i) : 0) {
                i += n;
                continue;
            }
            if (auto n = try_context_person(i)) {
                i += n;
                continue;
            }
            ++i;
            continue;
        }
        if (auto n = try_reference(i)) {
            i += n;
            continue;
        }
        if (auto n = try_date(i)) {
            i += n;
            continue;
        }
        if (auto n = try_numbered_institution(i)) {
            i += n;
            continue;
        }
        if (!t.is(kWord)) {
            ++i;
            continue;
        }
        if (auto n = try_place_feature(i)) {
            i += n;
            continue;
        }
        if (auto n = try_context_person(i)) {
            i += n;
            continue;
        }
        if (auto n = try_ocr_variant(i)) {
            i += n;
            continue;
        }
        if (!t.is(kCapitalized)) {
            ++i;
            continue;
        }
        if (i + 1 < tokens_.size() && data_.eponym_words.count(tokens_[i + 1].hash))
            lexicon_.eponym_seen = true;
        if (auto n = try_acronym_definition(i)) {
            i += n;
            continue;
        }
        if (auto n = try_closing_signature(i)) {
            i += n;
            continue;
        }
        if (auto n = try_speaker_label(i)) {
            i += n;
            continue;
        }
        if (auto n = try_surname_then_initials(i)) {
            i += n;
            continue;
        }
        if (auto n = try_table_phrase(i)) {
            i += n;
            continue;
        }
        // A name with initials: "A. A. Gromyko", "Francis O. Wilcox", "U. Alexis Johnson".
        if (is_initial_at(i) || is_name_word(i)) {
            auto name = read_name(i);
            if (name.end != 0 && name.has_initial && !name.name.given.empty()) {
                emit_person(i, name, MentionMethod::Rule, kConfidence.name_with_initials);
                i = name.end;
                continue;
            }
        }
        if (auto n = try_name_dash_office(i)) {
            i += n;
            continue;
        }
        if (auto n = try_given_name(i)) {
            i += n;
            continue;
        }
        if (auto n = try_authority_surname(i)) {
            i += n;
            continue;
        }
        ++i;
    }
}

} // namespace dossier::extract::detail
