#include "document_reader.h"

#include "hyphenated_persons.h"

#include <algorithm>
#include <cstdio>

namespace dossier::extract::detail {
namespace {

constexpr std::size_t kMaxNameTokens = 8;
constexpr std::size_t kMaxOrgTokens = 12;

Span span_of(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    return {tokens[begin].start, tokens[end - 1].end};
}

// "CENTRAL COMMITTEE" -> "Central Committee"; mixed case stays as written. White space runs
// (line breaks inside a name) become one space.
std::string display_form(std::string_view text) {
    bool has_lower = false;
    for (char c : text)
        has_lower = has_lower || (c >= 'a' && c <= 'z');
    std::string out;
    bool word_start = true, space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        if (space)
            word_start = true;
        space = false;
        if (!has_lower && c >= 'A' && c <= 'Z' && !word_start)
            c = static_cast<char>(c + 32);
        out += c;
        word_start = c == '-' || c == '\'';
    }
    return out;
}

// Kinds of paper a source note routes "from A to B".
bool is_paper_word(std::uint64_t hash) {
    static const std::uint64_t kPapers[] = {
        fold_hash("memorandum"), fold_hash("letter"), fold_hash("telegram"),
        fold_hash("message"),    fold_hash("note"),   fold_hash("despatch"),
        fold_hash("cable"),      fold_hash("report"), fold_hash("airgram")};
    return std::find(std::begin(kPapers), std::end(kPapers), hash) != std::end(kPapers);
}

} // namespace

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
    if (!tokens_[i].is(kWord) || !tokens_[i].is(kCapitalized))
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

// A person's name from token i: capitalised words, initials, particles, hyphenated parts.
WindowReader::NameRead WindowReader::read_name(std::size_t i, bool allow_caps) const {
    NameRead result;
    // "Assistant Secretary Dr. John H. Davis": titles in a row before the name.
    while (i < tokens_.size() && starts_title(i)) {
        const auto m = longest_phrase(i, false);
        if (!pick_title(m) || m.length == 0)
            break;
        i += m.length;
    }
    result.begin = i;
    std::vector<std::string> words;
    std::size_t k = i;
    std::size_t last_full_word_end = 0;
    std::string pending_particles;
    while (k < tokens_.size() && words.size() < kMaxNameTokens) {
        if (k > i && tokens_[k].is(kBlankLineBefore))
            break;
        if (is_initial_at(k)) {
            words.emplace_back(std::string(token_text(k)) + ".");
            result.has_initial = true;
            k += 2;
            continue;
        }
        const auto& t = tokens_[k];
        const bool particle = t.is(kWord) && !t.is(kCapitalized) && data_.particles.count(t.hash) &&
                              k + 1 < tokens_.size();
        if (particle) {
            pending_particles += std::string(token_text(k));
            pending_particles += tokens_[k + 1].is(kSpaceBefore) ? " " : "";
            ++k;
            if (punct_is(k, '-') && glued(k)) {
                pending_particles += "-";
                ++k;
            }
            continue;
        }
        if (!is_name_word(k) || (tokens_[k].is(kAllCaps) && !allow_caps) || starts_title(k))
            break;
        // Stop before a country, place or institution: "Ambassador Johnson" but not
        // "Ambassador Moscow".
        if (k > i || words.empty()) {
            auto m = longest_phrase(k, true);
            if (const auto* e = pick_entity(m);
                e && data_.entities[e->target].type != EntityType::Person)
                break;
        }
        std::string word = pending_particles + std::string(token_text(k));
        pending_particles.clear();
        ++k;
        // Hyphenated names: "Ben-Gurion", "Tse-tung", "al-Khuri".
        while (k + 1 < tokens_.size() && punct_is(k, '-') && glued(k) && glued(k + 1) &&
               tokens_[k + 1].is(kWord)) {
            word += "-";
            word += token_text(k + 1);
            k += 2;
        }
        words.push_back(std::move(word));
        last_full_word_end = k;
    }
    if (last_full_word_end == 0)
        return result;
    // Drop trailing initials: the surname is the last full word.
    while (!words.empty() && words.back().size() <= 2 && words.back().back() == '.')
        words.pop_back();
    if (words.empty())
        return result;
    result.end = last_full_word_end;
    result.name.surname = words.back();
    words.pop_back();
    result.name.given = std::move(words);
    return result;
}

void WindowReader::emit_person(std::size_t begin, const NameRead& name, MentionMethod method,
                               float confidence) {
    // "Dear Mr. Hare", "from Prime Minister X": titles the name reader passed stay outside.
    begin = std::max(begin, name.begin);
    Candidate c;
    c.span = span_of(tokens_, begin, name.end);
    c.type = EntityType::Person;
    c.label = person_label(name.name);
    c.method = method;
    c.confidence = confidence;
    // "Mr. Lloyd-George": a title says the hyphenated name is one person's, whatever its parts
    // are known as elsewhere.
    if (name.name.given.empty() && name.name.surname.find('-') != std::string::npos &&
        title_ends_before(begin))
        if (const auto parts = hyphenated_parts(name.name.surname); !parts.empty())
            lexicon_.one_person_compounds.insert(parts_key(parts));
    // An authority entry with this full name links the person.
    if (!name.name.given.empty()) {
        auto m = longest_phrase(begin, true);
        if (m.length > 0 && tokens_[begin + m.length - 1].end == c.span.end)
            if (const auto* e = pick_entity(m);
                e && data_.entities[e->target].type == EntityType::Person) {
                c.def = static_cast<int>(e->target);
                c.method = MentionMethod::Authority;
            }
    }
    out_.push_back(std::move(c));
}

std::size_t WindowReader::handle_title(std::size_t i, std::size_t title_length, TitleKind kind) {
    std::size_t k = i + title_length;
    // An office on a line of its own ("(S. K. Raghunathan)\nForeign Secretary\n...") closes a
    // signature block: the next line is not that person's name. (Inside wrapped prose a title
    // does run on into the next line: "... met Ambassador\nJohnson".)
    if (k < tokens_.size() && tokens_[k].is(kNewlineBefore)) {
        // The line holds the office and at most a few capitalised words before it ("Foreign
        // Secretary" where only "Secretary" is the title).
        std::size_t j = i;
        while (j > 0 && !tokens_[j].is(kNewlineBefore) && i - j < 3 && tokens_[j - 1].is(kWord) &&
               tokens_[j - 1].is(kCapitalized))
            --j;
        if (j == 0 || tokens_[j].is(kNewlineBefore))
            return title_length;
    }
    const bool caps = tokens_[i].is(kAllCaps);
    if (kind == TitleKind::Plural) {
        const std::size_t end = read_name_list(k, caps, 0.9f);
        return end > k ? end - i : title_length;
    }
    auto name = read_name(k, caps);
    if (name.end == 0)
        return title_length;
    emit_person(k, name, MentionMethod::Rule, kind == TitleKind::Honorific ? 0.9f : 0.85f);
    return name.end - i;
}

std::size_t WindowReader::after_entity(std::size_t end, const Candidate& c) {
    // "Socialist Republic of Vietnam (SRV)": the acronym in brackets names the same entity.
    if (end + 2 < tokens_.size() && (punct_is(end, '(') || punct_is(end, '[')) &&
        tokens_[end + 1].is(kWord) && tokens_[end + 1].is(kAllCaps) &&
        tokens_[end + 1].end - tokens_[end + 1].start >= 2 &&
        (punct_is(end + 2, ')') || punct_is(end + 2, ']'))) {
        Candidate acronym = c;
        acronym.span = {tokens_[end + 1].start, tokens_[end + 1].end};
        acronym.method = MentionMethod::Rule;
        acronym.confidence = 0.95f;
        const auto& named = lexicon_.label(c);
        acronym.label = rule_label(named.key, named.canonical);
        out_.push_back(acronym);
        lexicon_.acronyms[tokens_[end + 1].hash] = {c.def, c.type, acronym.label};
        return 3;
    }
    return 0;
}

std::size_t WindowReader::emit_entity(std::size_t i, std::size_t length, const PhraseEntry& entry) {
    const auto& def = data_.entities[entry.target];
    std::size_t begin = i, end = i + length;
    if (def.type == EntityType::Country) {
        // "the Hungarian People's Republic", "the Laotian People's Democratic Republic".
        std::size_t k = end;
        while (k < tokens_.size()) {
            if (tokens_[k].is(kWord) && tokens_[k].is(kCapitalized) &&
                data_.republic_words.count(tokens_[k].hash)) {
                ++k;
                if (k + 1 < tokens_.size() && is_apostrophe(k) && glued(k) &&
                    text_.substr(tokens_[k + 1].start, 1) == "s")
                    k += 2;
                continue;
            }
            break;
        }
        if (k < tokens_.size() && tokens_[k].hash == fold_hash("republic") &&
            tokens_[k].is(kCapitalized))
            end = k + 1;
        // "the People's Republic of Bulgaria", "the Kingdom of Laos" (also when iso-codes already
        // names "Republic of Bulgaria").
        auto is_republic = [&](std::size_t at) {
            return tokens_[at].is(kCapitalized) && (tokens_[at].hash == fold_hash("republic") ||
                                                    tokens_[at].hash == fold_hash("kingdom"));
        };
        std::size_t s = begin;
        if (begin >= 2 && tokens_[begin - 1].hash == fold_hash("of") && is_republic(begin - 2))
            s = begin - 2;
        if (s < begin || is_republic(begin)) {
            const std::uint32_t floor = out_.empty() ? 0 : out_.back().span.end;
            while (s > 0) {
                if (tokens_[s - 1].is(kWord) && tokens_[s - 1].is(kCapitalized) &&
                    data_.republic_words.count(tokens_[s - 1].hash) &&
                    tokens_[s - 1].start >= floor) {
                    --s;
                    continue;
                }
                // "People's": People ' s
                if (s >= 3 && text_.substr(tokens_[s - 1].start, 1) == "s" &&
                    is_apostrophe(s - 2) && data_.republic_words.count(tokens_[s - 3].hash) &&
                    tokens_[s - 3].is(kCapitalized) && tokens_[s - 3].start >= floor) {
                    s -= 3;
                    continue;
                }
                break;
            }
            begin = s;
        }
    }
    Candidate c;
    c.span = span_of(tokens_, begin, end);
    c.type = def.type;
    c.def = static_cast<int>(entry.target);
    const auto kind = static_cast<NameKind>(entry.sub);
    c.method = kind == NameKind::Authority ? MentionMethod::Authority : MentionMethod::Gazetteer;
    c.confidence = kind == NameKind::Capital ? 0.8f : (kind == NameKind::Demonym ? 0.85f : 0.95f);
    if (def.type == EntityType::Person)
        c.label = person_label({def.given, def.surname});
    out_.push_back(c);
    return (end - i) + after_entity(end, c);
}

// Capitalised words ending in (or built around) an institution keyword: "Palestine Conciliation
// Commission", "Israeli Embassy", "Ministry of Foreign Affairs", "Embassy in Israel".
std::size_t WindowReader::org_rule_length(std::size_t i) const {
    static const std::uint64_t kDeterminers[] = {
        fold_hash("the"),  fold_hash("a"),   fold_hash("an"),    fold_hash("this"),
        fold_hash("that"), fold_hash("his"), fold_hash("her"),   fold_hash("their"),
        fold_hash("our"),  fold_hash("its"), fold_hash("these"), fold_hash("those")};
    for (auto d : kDeterminers)
        if (tokens_[i].hash == d)
            return 0; // "The Volta Basin Commission": the name starts after the article
    // A keyword inside a country's or place's own name is no institution's head: "the Soviet
    // Union for India" names a country, "Union" in it is part of that name.
    std::size_t geographic_name_end = i;
    if (const auto* e = pick_entity(longest_phrase(i, true));
        e && (data_.entities[e->target].type == EntityType::Country ||
              data_.entities[e->target].type == EntityType::Place))
        geographic_name_end = i + longest_phrase(i, true).length;
    static const std::uint64_t kCapsFunctionWords[] = {
        fold_hash("of"),  fold_hash("and"),  fold_hash("the"),  fold_hash("in"),
        fold_hash("for"), fold_hash("on"),   fold_hash("at"),   fold_hash("to"),
        fold_hash("by"),  fold_hash("with"), fold_hash("from"), fold_hash("against")};
    std::size_t k = i;
    std::size_t best = 0;
    bool head_seen = false;
    while (k < tokens_.size() && k - i < kMaxOrgTokens) {
        const auto& t = tokens_[k];
        if (k > i && t.is(kNewlineBefore))
            break; // names of institutions do not run across header lines
        if (t.is(kWord) && t.is(kCapitalized)) {
            // In capitals ("DELEGATION AT THE TALKS") function words end the name.
            if (t.is(kAllCaps) &&
                std::find(std::begin(kCapsFunctionWords), std::end(kCapsFunctionWords), t.hash) !=
                    std::end(kCapsFunctionWords))
                break;
            if (auto it = data_.org_heads.find(t.hash);
                it != data_.org_heads.end() && k >= geographic_name_end) {
                head_seen = true;
                best = k + 1 - i;
            } else if (head_seen && k > i && !tokens_[k - 1].is(kWord)) {
                best = k + 1 - i; // "Sub-Committee", "Ministry of Foreign Affairs"
            } else if (head_seen) {
                best = k + 1 - i;
            }
            ++k;
            // Hyphenated keyword: "Sub-Committee".
            if (k + 1 < tokens_.size() && punct_is(k, '-') && glued(k) && glued(k + 1) &&
                tokens_[k + 1].is(kWord))
                ++k;
            continue;
        }
        // Connectors inside a name: "of", "for", "in", "and", "the" followed by a capital.
        // In capitals ("THE DELEGATION OF CHINA AND THE USSR") connectors cannot be told from
        // names, so they only join in mixed-case text.
        if (t.is(kWord) && !t.is(kCapitalized) && k > i && k + 1 < tokens_.size() &&
            tokens_[k + 1].is(kCapitalized) &&
            (t.hash == fold_hash("of") || t.hash == fold_hash("for") || t.hash == fold_hash("in") ||
             t.hash == fold_hash("on") || t.hash == fold_hash("the") ||
             t.hash == fold_hash("and"))) {
            if (!head_seen && t.hash != fold_hash("for") && t.hash != fold_hash("of"))
                break;
            // "the support of the Embassy for India": "for <country>" says for whom, it is no
            // part of the institution's name.
            if (head_seen && t.hash == fold_hash("for"))
                if (const auto* e = pick_entity(longest_phrase(k + 1, true));
                    e && (data_.entities[e->target].type == EntityType::Country ||
                          data_.entities[e->target].type == EntityType::Place))
                    break;
            ++k;
            continue;
        }
        break;
    }
    if (!head_seen)
        return 0;
    // A lone keyword ("Embassy", "Department") is not a name; a keyword with something is.
    if (best < 2)
        return 0;
    // Do not end on a connector.
    return best;
}

std::size_t WindowReader::emit_org_rule(std::size_t i, std::size_t length) {
    Candidate c;
    c.span = span_of(tokens_, i, i + length);
    c.type = EntityType::Organization;
    std::string canonical = display_form(text_.substr(c.span.start, c.span.size()));
    std::string key = "org:" + normalize_name(canonical);
    if (auto it = data_.entity_by_key.find(key); it != data_.entity_by_key.end())
        c.def = static_cast<int>(it->second);
    c.label = rule_label(std::move(key), std::move(canonical));
    c.method = MentionMethod::Rule;
    c.confidence = 0.75f;
    out_.push_back(c);
    return length + after_entity(i + length, c);
}

// "MID [Ministry of Foreign Affairs]": an acronym followed by its expansion in brackets.
std::size_t WindowReader::try_acronym_definition(std::size_t i) {
    const auto& t = tokens_[i];
    if (!t.is(kWord) || !t.is(kAllCaps) || t.end - t.start < 2 || i + 3 >= tokens_.size())
        return 0;
    if (!(punct_is(i + 1, '[') || punct_is(i + 1, '(')))
        return 0;
    const std::size_t x = i + 2;
    std::size_t length = 0;
    const PhraseEntry* entry = nullptr;
    auto m = longest_phrase(x, true);
    entry = pick_entity(m);
    length = entry ? m.length : 0;
    const std::size_t org_length = org_rule_length(x);
    const bool use_org = org_length > length;
    if (use_org)
        length = org_length;
    if (length == 0 || !(punct_is(x + length, ']') || punct_is(x + length, ')')))
        return 0;
    const std::size_t before = out_.size();
    if (use_org)
        emit_org_rule(x, length);
    else
        emit_entity(x, length, *entry);
    if (out_.size() == before)
        return 0;
    Candidate acronym = out_.back();
    acronym.span = {t.start, t.end};
    acronym.method = MentionMethod::Rule;
    acronym.confidence = 0.95f;
    // Keep order by position: the acronym comes first.
    out_.insert(out_.end() - 1, acronym);
    lexicon_.acronyms[t.hash] = {acronym.def, acronym.type, acronym.label};
    return 2 + length + 1;
}

std::size_t WindowReader::try_reference(std::size_t i) {
    const auto& t = tokens_[i];
    if (!t.is(kWord))
        return 0;
    auto kind = data_.document_kinds.find(t.hash);
    if (kind == data_.document_kinds.end())
        return 0;
    std::size_t k = i + 1;
    if (punct_is(k, '.') && glued(k))
        ++k;
    bool numbered = false;
    if (k < tokens_.size() &&
        (tokens_[k].hash == fold_hash("no") || tokens_[k].hash == fold_hash("nos") ||
         tokens_[k].hash == fold_hash("number"))) {
        numbered = true;
        ++k;
        if (punct_is(k, '.'))
            ++k;
    }
    if (k >= tokens_.size())
        return 0;
    const std::string& name = kind->second;
    const bool needs_number_word =
        !(name == "protocol" || name == "telegram" || name == "despatch" || name == "dispatch" ||
          name == "memorandum" || name == "airgram" || name == "nsc" || name == "nie" ||
          name == "snie");
    if (needs_number_word && !numbered)
        return 0;
    const auto& n = tokens_[k];
    const std::string_view first = token_text(k);
    bool has_digit = false;
    for (char c : first)
        has_digit = has_digit || (c >= '0' && c <= '9');
    if (!has_digit || !(n.is(kNumber) || n.is(kWord)))
        return 0;
    // The reference runs over letters, digits and / - . without spaces: "P217/57", "5412/2".
    std::size_t end_token = k + 1;
    while (end_token + 1 < tokens_.size() && glued(end_token) && glued(end_token + 1) &&
           (punct_is(end_token, '/') || punct_is(end_token, '-') || punct_is(end_token, '.')) &&
           (tokens_[end_token + 1].is(kNumber) || tokens_[end_token + 1].is(kWord)))
        end_token += 2;
    const Span span = span_of(tokens_, i, end_token);
    std::string number(
        text_.substr(tokens_[k].start, tokens_[end_token - 1].end - tokens_[k].start));
    Candidate c;
    c.span = span;
    c.type = EntityType::Document;
    std::string label =
        name == "nsc" || name == "nie" || name == "snie" ? std::string(token_text(i)) : name;
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
        label[0] = static_cast<char>(label[0] - 32);
    c.label =
        rule_label("ref:" + name + " " + fold(number), label + (numbered ? " No. " : " ") + number);
    c.method = MentionMethod::Rule;
    c.confidence = 0.9f;
    out_.push_back(c);
    return end_token - i;
}

std::size_t WindowReader::try_date(std::size_t i) {
    auto number_value = [&](std::size_t k, int& value) {
        if (k >= tokens_.size() || !tokens_[k].is(kNumber) || tokens_[k].end - tokens_[k].start > 4)
            return false;
        value = 0;
        for (char c : token_text(k))
            value = value * 10 + (c - '0');
        return true;
    };
    auto month_at = [&](std::size_t k) -> int {
        if (k >= tokens_.size() || !tokens_[k].is(kWord) || !tokens_[k].is(kCapitalized))
            return 0;
        auto it = data_.months.find(tokens_[k].hash);
        return it == data_.months.end() ? 0 : it->second;
    };
    int year = 0, month = 0, day = 0;
    std::size_t end = 0;
    if (int m = month_at(i)) {
        std::size_t k = i + 1;
        if (punct_is(k, '.') && glued(k))
            ++k;
        int v = 0;
        if (number_value(k, v) && v >= 1 && v <= 31 && tokens_[k].end - tokens_[k].start <= 2) {
            std::size_t y = k + 1;
            if (punct_is(y, ','))
                ++y;
            int yv = 0;
            if (number_value(y, yv) && yv >= 1000 && yv <= 2100) {
                year = yv, month = m, day = v, end = y + 1;
            }
        } else if (number_value(k, v) && v >= 1000 && v <= 2100) {
            year = v, month = m, end = k + 1;
        }
    } else {
        int v = 0;
        if (number_value(i, v) && v >= 1 && v <= 31) {
            std::size_t k = i + 1;
            if (int m2 = month_at(k)) {
                ++k;
                if (punct_is(k, '.') && glued(k))
                    ++k;
                if (punct_is(k, ','))
                    ++k;
                int yv = 0;
                if (number_value(k, yv) && yv >= 1000 && yv <= 2100)
                    year = yv, month = m2, day = v, end = k + 1;
            }
        } else if (number_value(i, v) && v >= 1000 && v <= 2100 && punct_is(i + 1, '-') &&
                   glued(i + 1)) {
            int mv = 0, dv = 0;
            if (number_value(i + 2, mv) && punct_is(i + 3, '-') && number_value(i + 4, dv) &&
                mv >= 1 && mv <= 12 && dv >= 1 && dv <= 31 && glued(i + 2) && glued(i + 3) &&
                glued(i + 4))
                year = v, month = mv, day = dv, end = i + 5;
        }
    }
    if (end == 0)
        return 0;
    if (day > 0) {
        static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (day > kDays[month - 1])
            return 0;
    }
    char iso[16];
    if (day > 0)
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    else
        std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
    Candidate c;
    c.span = span_of(tokens_, i, end);
    c.type = EntityType::Date;
    c.label = rule_label(std::string("date:") + iso, iso);
    c.method = MentionMethod::Rule;
    c.confidence = 0.95f;
    out_.push_back(c);
    return end - i;
}

// "straits of Singapore", "Gulf of Aqaba", "Gaza Strip": a geographic feature and its name.
std::size_t WindowReader::try_place_feature(std::size_t i) {
    const auto& t = tokens_[i];
    if (!t.is(kWord) || !data_.place_features.count(t.hash))
        return 0;
    if (i + 2 >= tokens_.size() || tokens_[i + 1].hash != fold_hash("of") ||
        !tokens_[i + 2].is(kCapitalized) || !tokens_[i + 2].is(kWord))
        return 0;
    std::size_t end = i + 3;
    while (end < tokens_.size() && end - i < 6 && tokens_[end].is(kWord) &&
           tokens_[end].is(kCapitalized) && !data_.not_names.count(tokens_[end].hash))
        ++end;
    std::string feature = display_form(token_text(i));
    if (!feature.empty() && feature[0] >= 'a' && feature[0] <= 'z')
        feature[0] = static_cast<char>(feature[0] - 32);
    if (feature.size() > 1 && feature.back() == 's' && feature != "Islands")
        feature.pop_back(); // "straits of Singapore" is the Strait of Singapore
    const auto name_span = span_of(tokens_, i + 2, end);
    Candidate c;
    c.span = span_of(tokens_, i, end);
    c.type = EntityType::Place;
    std::string canonical =
        feature + " of " + display_form(text_.substr(name_span.start, name_span.size()));
    std::string key = "place:" + normalize_name(canonical);
    if (auto it = data_.entity_by_key.find(key); it != data_.entity_by_key.end())
        c.def = static_cast<int>(it->second);
    c.label = rule_label(std::move(key), std::move(canonical));
    c.method = MentionMethod::Rule;
    c.confidence = 0.8f;
    out_.push_back(c);
    return end - i;
}

// "Brezhnev, Kosygyn, Andropov, ... and Smirtyukov": names separated by commas and "and".
std::size_t WindowReader::read_name_list(std::size_t k, bool allow_caps, float confidence) {
    while (k < tokens_.size()) {
        auto name = read_name(k, allow_caps);
        if (name.end == 0)
            break;
        emit_person(k, name, MentionMethod::Rule, confidence);
        k = name.end;
        std::size_t next = k;
        if (punct_is(next, ','))
            ++next;
        if (next < tokens_.size() && (tokens_[next].hash == fold_hash("and")))
            ++next;
        if (next == k || next >= tokens_.size() || read_name(next, allow_caps).end == 0)
            break;
        k = next;
    }
    return k;
}

// Persons named by their context rather than a title:
//   "Drafted by Hamilton and Thacher", "signed for Herter by Jones", "initialed by Wilcox";
//   "the Counselor of the Israeli Embassy (Erell)": a name in brackets after an office;
//   "Dear Francis:", "Sincerely yours, Douglas Dillon";
//   "Nasser's policy": a possessive in mid-sentence of a word no table knows.
std::size_t WindowReader::try_context_person(std::size_t i) {
    const auto& t = tokens_[i];
    static const std::uint64_t kBy = fold_hash("by"), kFor = fold_hash("for"),
                               kDear = fold_hash("dear"), kSincerely = fold_hash("sincerely"),
                               kYours = fold_hash("yours");
    static const std::uint64_t kVerbs[] = {
        fold_hash("drafted"),   fold_hash("signed"),   fold_hash("initialed"),
        fold_hash("approved"),  fold_hash("cleared"),  fold_hash("prepared"),
        fold_hash("written"),   fold_hash("dictated"), fold_hash("initialled"),
        fold_hash("concurred"), fold_hash("revised"),  fold_hash("coordinated")};
    auto is_verb = [&](std::size_t k) {
        for (auto v : kVerbs)
            if (tokens_[k].hash == v)
                return true;
        return false;
    };
    // "cleared with Wilcox", "cleared in draft with Jones, Wilcox, Ludlow, GTI, H, and WE": the
    // office symbols in capitals end the list.
    if (t.is(kWord) && t.hash == fold_hash("with") && i > 0 && i + 1 < tokens_.size()) {
        bool triggered = false;
        for (std::size_t back = 1; back <= 3 && back <= i; ++back)
            triggered = triggered || is_verb(i - back);
        if (triggered) {
            const std::size_t before = out_.size();
            const std::size_t end = read_name_list(i + 1, false, 0.75f);
            if (out_.size() > before)
                return end - i;
        }
        return 0;
    }
    // "a memorandum from Merchant to Herter", "a letter from Nasser": who wrote to whom.
    if (t.is(kWord) && t.hash == fold_hash("from") && i > 0 && i + 1 < tokens_.size()) {
        if (!is_paper_word(tokens_[i - 1].hash))
            return 0;
        auto sender = read_name(i + 1);
        if (sender.end == 0)
            return 0;
        emit_person(i + 1, sender, MentionMethod::Rule, 0.7f);
        std::size_t end = sender.end;
        if (end + 1 < tokens_.size() && tokens_[end].hash == fold_hash("to"))
            if (auto recipient = read_name(end + 1); recipient.end != 0) {
                emit_person(end + 1, recipient, MentionMethod::Rule, 0.7f);
                end = recipient.end;
            }
        return end - i;
    }
    if (t.is(kWord) && (t.hash == kBy || t.hash == kFor) && i > 0 && i + 1 < tokens_.size()) {
        // "signed for Herter by Jones": the verb is two or three tokens back.
        bool triggered = is_verb(i - 1);
        if (!triggered && t.hash == kBy)
            for (std::size_t back = 2; back <= 6 && back <= i; ++back)
                if (tokens_[i - back].hash == kFor && back + 1 <= i && is_verb(i - back - 1))
                    triggered = true;
        if (triggered) {
            const std::size_t before = out_.size();
            const std::size_t end = read_name_list(i + 1, false, 0.75f);
            if (out_.size() > before)
                return end - i;
        }
        return 0;
    }
    if (t.is(kWord) && (t.hash == kDear || t.hash == kSincerely) && i + 1 < tokens_.size()) {
        std::size_t k = i + 1;
        if (tokens_[k].hash == kYours)
            ++k;
        if (punct_is(k, ','))
            ++k;
        const bool caps = t.is(kAllCaps);
        auto name = read_name(k, caps);
        if (name.end != 0 &&
            (t.hash != kDear || punct_is(name.end, ':') || punct_is(name.end, ','))) {
            emit_person(k, name, MentionMethod::Rule, 0.7f);
            return name.end - i;
        }
        return 0;
    }
    if (punct_is(i, '(') && i > 0 && tokens_[i - 1].is(kWord) && tokens_[i - 1].is(kCapitalized)) {
        auto name = read_name(i + 1);
        if (name.end != 0 && punct_is(name.end, ')')) {
            auto m = longest_phrase(i + 1, true);
            if (!pick_entity(m)) {
                emit_person(i + 1, name, MentionMethod::Rule, 0.7f);
                return name.end + 1 - i;
            }
        }
        return 0;
    }
    // A possessive name: "Nasser's policy", "Ben-Gurion's visit" (the whole hyphenated name,
    // never its last part alone).
    std::size_t last = i; // the name's last word
    while (last + 2 < tokens_.size() && punct_is(last + 1, '-') && glued(last + 1) &&
           glued(last + 2) && tokens_[last + 2].is(kWord) && tokens_[last + 2].is(kCapitalized))
        last += 2;
    const bool inside_word =
        i > 0 && glued(i) && (tokens_[i - 1].is(kWord) || punct_is(i - 1, '-'));
    if (t.is(kWord) && t.is(kCapitalized) && !t.is(kAllCaps) && i > 0 && !inside_word &&
        last + 2 < tokens_.size() && is_apostrophe(last + 1) && glued(last + 1) &&
        text_.substr(tokens_[last + 2].start, 1) == "s" &&
        tokens_[last + 2].end - tokens_[last + 2].start == 1 && is_name_word(i) &&
        !starts_title(i)) {
        // Mid-sentence only, and not after an article ("the Agency's").
        const auto& prev = tokens_[i - 1];
        const bool sentence_start =
            prev.is(kPunct) && (punct_is(i - 1, '.') || punct_is(i - 1, '!') ||
                                punct_is(i - 1, '?') || t.is(kNewlineBefore));
        const bool after_article = prev.hash == fold_hash("the") || prev.hash == fold_hash("a") ||
                                   prev.hash == fold_hash("an") || prev.is(kCapitalized);
        if (!sentence_start && !after_article && !pick_entity(longest_phrase(i, true))) {
            NameRead name;
            name.end = last + 1;
            name.name.surname = std::string(text_.substr(t.start, tokens_[last].end - t.start));
            emit_person(i, name, MentionMethod::Rule, 0.5f);
            return last + 1 - i;
        }
    }
    return 0;
}

// "the Director of the Executive Secretariat, Calhoun, to Goodpaster": a name set off by commas
// right after a role that a determiner introduces ("the <Title> [of|for <capitalised words>]").
// When the role follows "<paper> from", the name after the apposition's "to" is the recipient.
std::size_t WindowReader::try_appositive_after_role(std::size_t comma) {
    constexpr std::size_t kMaxRoleTokens = 12;
    if (comma < 3 || comma + 1 >= tokens_.size() || !tokens_[comma - 1].is(kWord) ||
        !tokens_[comma - 1].is(kCapitalized) || tokens_[comma + 1].is(kNewlineBefore))
        return 0;
    static const std::uint64_t kDeterminers[] = {fold_hash("the"),   fold_hash("his"),
                                                 fold_hash("her"),   fold_hash("its"),
                                                 fold_hash("their"), fold_hash("our")};
    static const std::uint64_t kConnectors[] = {fold_hash("of"),  fold_hash("for"),
                                                fold_hash("the"), fold_hash("and"),
                                                fold_hash("on"),  fold_hash("in")};
    auto one_of = [](std::uint64_t h, const auto& set) {
        return std::find(std::begin(set), std::end(set), h) != std::end(set);
    };
    std::size_t role = 0; // first token of the title; 0: none
    for (std::size_t back = 1; back <= kMaxRoleTokens && back < comma; ++back) {
        const std::size_t j = comma - back;
        const auto& t = tokens_[j];
        const bool capitalised_word = t.is(kWord) && t.is(kCapitalized);
        if (!capitalised_word && !(t.is(kWord) && one_of(t.hash, kConnectors)) && !punct_is(j, '-'))
            break;
        if (capitalised_word && one_of(tokens_[j - 1].hash, kDeterminers)) {
            const auto m = longest_phrase(j, false);
            const std::size_t after = j + m.length;
            if (pick_title(m) &&
                (after == comma || (after < comma && (tokens_[after].hash == fold_hash("of") ||
                                                      tokens_[after].hash == fold_hash("for"))))) {
                role = j;
                break;
            }
        }
        if (t.is(kNewlineBefore))
            break; // a role does not run across lines
    }
    if (role == 0)
        return 0;
    const auto name = read_name(comma + 1);
    if (name.end == 0 || name.end >= tokens_.size() ||
        !(punct_is(name.end, ',') || punct_is(name.end, ')') || punct_is(name.end, ';') ||
          punct_is(name.end, '.')))
        return 0;
    for (std::size_t k = comma + 2; k < name.end; ++k)
        if (tokens_[k].is(kNewlineBefore))
            return 0;
    emit_person(comma + 1, name, MentionMethod::Rule, 0.7f);
    std::size_t end = name.end;
    // "a memorandum from the Director ..., Calhoun, to Goodpaster": the writer is a person, so
    // is the one the paper went to.
    if (role >= 3 && tokens_[role - 2].hash == fold_hash("from") &&
        is_paper_word(tokens_[role - 3].hash) && punct_is(end, ',') && end + 2 < tokens_.size() &&
        tokens_[end + 1].hash == fold_hash("to"))
        if (const auto recipient = read_name(end + 2); recipient.end != 0) {
            emit_person(end + 2, recipient, MentionMethod::Rule, 0.7f);
            end = recipient.end;
        }
    return end - comma;
}

// A participants list: "Woodruff Wallner—Deputy Assistant Secretary—IO". A line that starts with
// a given name and a surname, then a dash and an office the titles table knows.
std::size_t WindowReader::try_name_dash_office(std::size_t i) {
    if (i > 0 && !tokens_[i].is(kNewlineBefore))
        return 0;
    if (!is_name_word(i) || tokens_[i].is(kAllCaps))
        return 0;
    const auto name = read_name(i);
    if (name.end == 0 || name.begin != i || name.name.given.empty() ||
        name.end + 1 >= tokens_.size())
        return 0;
    for (std::size_t k = i + 1; k < name.end; ++k)
        if (tokens_[k].is(kNewlineBefore))
            return 0;
    const auto dash = token_text(name.end);
    if (!tokens_[name.end].is(kPunct) || !(dash == "\u2014" || dash == "\u2013") ||
        tokens_[name.end + 1].is(kNewlineBefore) || !starts_title(name.end + 1))
        return 0;
    emit_person(i, name, MentionMethod::Rule, 0.75f);
    return name.end - i;
}

// "of Nuri Said in Iraq", "Golda Meir": a given name the table knows, then on the same line a
// capitalised name word that is no title, institution word, eponym word or known entity.
std::size_t WindowReader::try_given_name(std::size_t i) {
    const auto& t = tokens_[i];
    if (t.is(kAllCaps) || !data_.given_names.count(t.hash) || i + 1 >= tokens_.size())
        return 0;
    if (i > 0 && glued(i) && (tokens_[i - 1].is(kWord) || punct_is(i - 1, '-')))
        return 0; // the last part of a longer word
    const auto& next = tokens_[i + 1];
    if (!next.is(kSpaceBefore) || next.is(kNewlineBefore) || !is_name_word(i + 1) ||
        next.is(kAllCaps))
        return 0;
    const auto name = read_name(i);
    if (name.end == 0 || name.begin != i || name.name.given.empty())
        return 0;
    for (std::size_t k = i + 1; k < name.end; ++k)
        if (tokens_[k].is(kNewlineBefore) || data_.eponym_words.count(tokens_[k].hash) ||
            data_.org_heads.count(tokens_[k].hash))
            return 0;
    emit_person(i, name, MentionMethod::Rule, 0.7f);
    return name.end - i;
}

bool WindowReader::is_eponym_person(std::size_t i) const {
    if (i + 1 >= tokens_.size())
        return false;
    const auto& t = tokens_[i];
    const auto& e = tokens_[i + 1];
    if (!is_name_word(i) || t.is(kAllCaps) || starts_title(i) || !e.is(kWord) ||
        !e.is(kCapitalized) || e.is(kAllCaps) || !e.is(kSpaceBefore) || e.is(kNewlineBefore) ||
        !data_.eponym_words.count(e.hash))
        return false;
    if (i > 0 && glued(i) && (tokens_[i - 1].is(kWord) || punct_is(i - 1, '-')))
        return false; // "Taft-Hartley Act": not one surname
    if (const auto* entity = pick_entity(longest_phrase(i, true));
        entity && data_.entities[entity->target].type != EntityType::Person)
        return false; // "the Israeli Mission", "the Jordan Plan"
    if (lexicon_.surnames.count(t.hash) ||
        (lexicon_.corpus && lexicon_.corpus->contains_hash(t.hash)))
        return true;
    return !data_.authority_by_surname.empty() &&
           data_.authority_by_surname.count(name_skeleton(token_text(i))) != 0;
}

// A cable or letter ends with its signatory's name on a line of its own ("Reid",
// "Christian A. Herter [Footnote ...]"): a short paragraph of name words near the very end.
std::size_t WindowReader::try_closing_signature(std::size_t i) {
    constexpr std::size_t kMaxBytesAfterSignature = 300; // a footnote or the signer's office
    const auto& t = tokens_[i];
    if (!t.is(kBlankLineBefore) || t.is(kAllCaps) ||
        text_.size() - t.start > kMaxBytesAfterSignature + 100)
        return 0;
    const auto name = read_name(i);
    if (name.end == 0 || text_.size() - tokens_[name.end - 1].end > kMaxBytesAfterSignature)
        return 0;
    for (std::size_t k = i + 1; k < name.end; ++k)
        if (tokens_[k].is(kNewlineBefore))
            return 0;
    if (name.end < tokens_.size() && !tokens_[name.end].is(kNewlineBefore) &&
        !punct_is(name.end, '['))
        return 0; // the line goes on: a sentence, not a signature
    emit_person(i, name, MentionMethod::Rule, 0.6f);
    return name.end - i;
}

void WindowReader::read_rules() {
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
        const auto match = longest_phrase(i, false);
        const std::size_t org_length = org_rule_length(i);
        const PhraseEntry* entity = pick_entity(match);
        const PhraseEntry* title = pick_title(match);
        // The rule may extend a country ("Israeli Embassy") but not split a known institution:
        // "CC CPSU Politburo" is the CC CPSU and its Politburo.
        const bool known_org =
            entity && data_.entities[entity->target].type == EntityType::Organization;
        if (org_length > match.length && !known_org) {
            i += emit_org_rule(i, org_length);
            continue;
        }
        if (match.length > 0) {
            // A title wins over a same-length entity only when a name follows ("General Smith").
            if (title && (!entity || read_name(i + match.length).end != 0)) {
                i += handle_title(i, match.length, static_cast<TitleKind>(title->sub));
                continue;
            }
            if (entity) {
                i += emit_entity(i, match.length, *entity);
                continue;
            }
        }
        // A name with initials: "A. A. Gromyko", "Francis O. Wilcox", "U. Alexis Johnson".
        if (is_initial_at(i) || is_name_word(i)) {
            auto name = read_name(i);
            if (name.end != 0 && name.has_initial && !name.name.given.empty()) {
                emit_person(i, name, MentionMethod::Rule, 0.8f);
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
        // A surname alone that the authority file knows, and only one person by that name.
        // Surnames of two words come first: "Ben Gurion", "Ben-Gurion" ("Gurion, Ben" is not
        // how anyone is listed, so the pair is looked up as a whole).
        if (!data_.authority_by_surname.empty() && is_name_word(i) && !t.is(kAllCaps)) {
            std::size_t pair_end = 0;
            if (i + 1 < tokens_.size() && is_name_word(i + 1) && !tokens_[i + 1].is(kAllCaps) &&
                !tokens_[i + 1].is(kNewlineBefore))
                pair_end = i + 2;
            else if (i + 2 < tokens_.size() && punct_is(i + 1, '-') && glued(i + 1) &&
                     glued(i + 2) && is_name_word(i + 2))
                pair_end = i + 3;
            if (pair_end != 0 &&
                !(pair_end < tokens_.size() && glued(pair_end) && tokens_[pair_end].is(kWord))) {
                std::uint64_t pair_hash = combine(combine_start(), t.hash);
                pair_hash = combine(pair_hash, tokens_[pair_end - 1].hash);
                auto cached = lexicon_.authority_surname.find(pair_hash);
                if (cached == lexicon_.authority_surname.end()) {
                    const auto written = text_.substr(t.start, tokens_[pair_end - 1].end - t.start);
                    auto it = data_.authority_by_surname.find(name_skeleton(written));
                    const int def = it != data_.authority_by_surname.end() && it->second.size() == 1
                                        ? static_cast<int>(it->second.front())
                                        : -1;
                    cached = lexicon_.authority_surname.emplace(pair_hash, def).first;
                }
                if (cached->second >= 0) {
                    Candidate c;
                    c.span = span_of(tokens_, i, pair_end);
                    c.type = EntityType::Person;
                    c.def = cached->second;
                    c.label =
                        person_label({{}, std::string(text_.substr(c.span.start, c.span.size()))});
                    c.method = MentionMethod::Authority;
                    c.confidence = 0.6f;
                    out_.push_back(std::move(c));
                    i = pair_end;
                    continue;
                }
            }
            auto cached = lexicon_.authority_surname.find(t.hash);
            if (cached == lexicon_.authority_surname.end()) {
                auto it = data_.authority_by_surname.find(name_skeleton(token_text(i)));
                const int def = it != data_.authority_by_surname.end() && it->second.size() == 1
                                    ? static_cast<int>(it->second.front())
                                    : -1;
                cached = lexicon_.authority_surname.emplace(t.hash, def).first;
            }
            if (cached->second >= 0 &&
                !(i + 1 < tokens_.size() && tokens_[i + 1].is(kWord) &&
                  tokens_[i + 1].is(kCapitalized) && !tokens_[i + 1].is(kNewlineBefore))) {
                Candidate c;
                c.span = {t.start, t.end};
                c.type = EntityType::Person;
                c.def = cached->second;
                c.label = person_label({{}, std::string(token_text(i))});
                c.method = MentionMethod::Authority;
                c.confidence = 0.6f;
                // "Bob Anderson": a given name written before the surname is part of the
                // mention; one that conflicts with the entry's given names says it is
                // someone else of that surname, so the mention stays unlinked.
                if (given_name_before(i) &&
                    (out_.empty() || out_.back().span.end <= tokens_[i - 1].start)) {
                    c.span.start = tokens_[i - 1].start;
                    PersonName name{{std::string(token_text(i - 1))}, std::string(token_text(i))};
                    if (!given_names_compatible(
                            data_.entities[static_cast<std::size_t>(c.def)].given, name.given)) {
                        c.def = -1;
                        c.method = MentionMethod::Rule;
                    }
                    c.label = person_label(std::move(name));
                }
                out_.push_back(std::move(c));
            }
        }
        ++i;
    }
}

std::size_t WindowReader::hyphenated_name_end(std::size_t i) const {
    if (i > 0 && glued(i) && (tokens_[i - 1].is(kWord) || punct_is(i - 1, '-')))
        return 0; // not the first part
    std::size_t last = i;
    while (last + 2 < tokens_.size() && punct_is(last + 1, '-') && glued(last + 1) &&
           glued(last + 2) && tokens_[last + 2].is(kWord))
        last += 2;
    if (last == i || (last + 1 < tokens_.size() && glued(last + 1) &&
                      (tokens_[last + 1].is(kWord) || punct_is(last + 1, '-'))))
        return 0;
    return last;
}

void WindowReader::emit_person_pair(std::size_t first, std::size_t last, Candidate* whole,
                                    std::vector<Candidate>& added) {
    for (std::size_t k = first; k <= last; k += 2) {
        Candidate c;
        c.span = {tokens_[k].start, tokens_[k].end};
        c.type = EntityType::Person;
        c.label = person_label({{}, std::string(token_text(k))});
        c.method = MentionMethod::Rule;
        c.confidence = 0.6f;
        // A person this document introduced is that person, as for the surname alone.
        if (auto own = lexicon_.surnames.find(tokens_[k].hash); own != lexicon_.surnames.end()) {
            c.def = out_[own->second].def;
            c.method = c.def >= 0 ? MentionMethod::Authority : MentionMethod::Rule;
        }
        if (k == first && whole)
            *whole = c; // same start, shorter: the order and no overlap still hold
        else
            added.push_back(std::move(c));
    }
}

void WindowReader::read_known_names(const std::vector<Span>& taken) {
    std::size_t cursor = 0;
    std::vector<Candidate> added;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        const auto& t = tokens_[i];
        if (!t.is(kWord) || !t.is(kCapitalized))
            continue;
        while (cursor < taken.size() && taken[cursor].end <= t.start)
            ++cursor;
        // "the Douglas Amendment", "the Anderson Mission": a known person's surname before an
        // eponym word names that person (pass 1 may have read the pair as an institution).
        if (i + 1 < tokens_.size() && data_.eponym_words.count(tokens_[i + 1].hash) &&
            is_eponym_person(i)) {
            const bool free = cursor >= taken.size() || taken[cursor].start >= t.end;
            const bool read_as_institution = !free && taken[cursor].start == t.start &&
                                             taken[cursor].end == tokens_[i + 1].end &&
                                             out_[cursor].type == EntityType::Organization &&
                                             out_[cursor].method == MentionMethod::Rule;
            if (free || read_as_institution) {
                Candidate c;
                c.span = {t.start, t.end};
                c.type = EntityType::Person;
                c.label = person_label({{}, std::string(token_text(i))});
                c.method = MentionMethod::Rule;
                c.confidence = 0.6f;
                if (auto own = lexicon_.surnames.find(t.hash); own != lexicon_.surnames.end()) {
                    c.def = out_[own->second].def;
                    c.method = c.def >= 0 ? MentionMethod::Authority : MentionMethod::Rule;
                }
                if (read_as_institution)
                    out_[cursor] = c; // same start, shorter: the order and no overlap still hold
                else
                    added.push_back(std::move(c));
                ++i; // the eponym word is no name
                continue;
            }
        }
        // "(Pembrook-Kuznetsov)": pass 1 read a pair of persons as one hyphenated name.
        if (!lexicon_.person_pairs.empty() && cursor < taken.size() &&
            taken[cursor].start == t.start) {
            Candidate& whole = out_[cursor];
            if (const std::size_t last = hyphenated_name_end(i);
                last != 0 && whole.span.end == tokens_[last].end &&
                whole.type == EntityType::Person && whole.def < 0 &&
                whole.method != MentionMethod::SourceAnnotation &&
                lexicon_.label(whole).person.given.empty() &&
                lexicon_.person_pairs.count(parts_key(
                    hyphenated_parts(text_.substr(t.start, tokens_[last].end - t.start))))) {
                emit_person_pair(i, last, &whole, added);
                i = last;
                continue;
            }
        }
        if (cursor < taken.size() && taken[cursor].start < t.end)
            continue; // already part of a mention
        if (glued(i) && i > 0 && (tokens_[i - 1].is(kWord) || punct_is(i - 1, '-')))
            continue; // part of a longer word: "Gurion" in "Ben-Gurion"
        if (starts_title(i))
            continue;
        if (i + 1 < tokens_.size() && glued(i + 1) && tokens_[i + 1].is(kWord))
            continue;
        if (auto it = lexicon_.acronyms.find(t.hash);
            it != lexicon_.acronyms.end() && t.is(kAllCaps)) {
            Candidate c;
            c.span = {t.start, t.end};
            c.type = it->second.type;
            c.def = it->second.def;
            c.label = it->second.label;
            c.method = MentionMethod::Rule;
            c.confidence = 0.9f;
            added.push_back(std::move(c));
            continue;
        }
        if (data_.not_names.count(t.hash))
            continue;
        // A surname of two parts however it is joined: "Ben Gurion" after "Ben-Gurion's".
        if (!lexicon_.compound_surnames.empty() && i + 1 < tokens_.size()) {
            std::size_t last = 0;
            if (tokens_[i + 1].is(kWord) && tokens_[i + 1].is(kCapitalized) &&
                tokens_[i + 1].is(kSpaceBefore) && !tokens_[i + 1].is(kNewlineBefore))
                last = i + 1;
            else if (i + 2 < tokens_.size() && punct_is(i + 1, '-') && glued(i + 1) &&
                     glued(i + 2) && tokens_[i + 2].is(kWord))
                last = i + 2;
            if (last != 0 &&
                !(last + 1 < tokens_.size() && glued(last + 1) && tokens_[last + 1].is(kWord)) &&
                (cursor >= taken.size() || taken[cursor].start >= tokens_[last].end))
                if (auto it = lexicon_.compound_surnames.find(
                        combine(combine(combine_start(), t.hash), tokens_[last].hash));
                    it != lexicon_.compound_surnames.end()) {
                    const Candidate& person = out_[it->second];
                    Candidate c;
                    c.span = {t.start, tokens_[last].end};
                    c.type = EntityType::Person;
                    c.def = person.def;
                    c.label =
                        person_label({{}, std::string(text_.substr(c.span.start, c.span.size()))});
                    c.method = person.def >= 0 ? MentionMethod::Authority : MentionMethod::Rule;
                    c.confidence = 0.75f;
                    added.push_back(std::move(c));
                    i = last;
                    continue;
                }
        }
        // "the Kuznetsov-Pembrook talks": a hyphenated name no rule took whose every part is a
        // known person's surname, not followed by a capitalised word other than an eponym word
        // (not "Pembrook-Kuznetsov Street"; "the Pembrook-Kuznetsov Plan" names both, as "the
        // Douglas Amendment" names Douglas).
        if (const std::size_t last = hyphenated_name_end(i);
            last != 0 && (cursor >= taken.size() || taken[cursor].start >= tokens_[last].end) &&
            !(last + 1 < tokens_.size() && tokens_[last + 1].is(kWord) &&
              tokens_[last + 1].is(kCapitalized) && !tokens_[last + 1].is(kNewlineBefore) &&
              !data_.eponym_words.count(tokens_[last + 1].hash))) {
            const auto parts = hyphenated_parts(text_.substr(t.start, tokens_[last].end - t.start));
            if (!parts.empty() && (lexicon_.person_pairs.count(parts_key(parts)) ||
                                   names_several_persons(data_, lexicon_, parts, false))) {
                emit_person_pair(i, last, nullptr, added);
                i = last;
                continue;
            }
        }
        // A surname another document of the corpus introduced: alone, mid-sentence, and not
        // the first word of a longer capitalised name ("Hall" but not "Hall Street").
        if (lexicon_.corpus && !lexicon_.surnames.count(t.hash) &&
            lexicon_.corpus->contains_hash(t.hash) && !t.is(kAllCaps) && !starts_sentence(i) &&
            !(i + 1 < tokens_.size() && tokens_[i + 1].is(kWord) &&
              tokens_[i + 1].is(kCapitalized) && !tokens_[i + 1].is(kNewlineBefore))) {
            if (const auto* e = pick_entity(longest_phrase(i, true));
                !e || data_.entities[e->target].type == EntityType::Person) {
                Candidate c;
                c.span = {t.start, t.end};
                c.type = EntityType::Person;
                PersonName name{{}, std::string(token_text(i))};
                // "Bob Anderson", "Ben Gurion": a given name (or first part) written before it.
                const std::uint32_t free_from =
                    std::max(cursor > 0 ? taken[cursor - 1].end : 0u,
                             added.empty() ? 0u : added.back().span.end);
                if (given_name_before(i) && tokens_[i - 1].start >= free_from) {
                    c.span.start = tokens_[i - 1].start;
                    name.given.emplace_back(token_text(i - 1));
                }
                c.label = person_label(std::move(name));
                c.method = MentionMethod::Rule;
                c.confidence = 0.6f;
                added.push_back(std::move(c));
                continue;
            }
        }
        if (auto it = lexicon_.surnames.find(t.hash); it != lexicon_.surnames.end()) {
            const Candidate& person = out_[it->second];
            Candidate c;
            c.span = {t.start, t.end};
            // "Ben Gurion" after "Prime Minister Ben Gurion", "Lewis Jones" after "G. Lewis
            // Jones": given names written before the surname belong to the mention (the
            // identity still comes from the surname, as for the surname alone).
            const std::uint32_t free_from = std::max(cursor > 0 ? taken[cursor - 1].end : 0u,
                                                     added.empty() ? 0u : added.back().span.end);
            const auto& given = lexicon_.label(person).person.given;
            std::size_t first = i;
            for (auto g = given.rbegin(); g != given.rend(); ++g) {
                if (first == 0 || !tokens_[first - 1].is(kWord) ||
                    !tokens_[first].is(kSpaceBefore) || tokens_[first].is(kNewlineBefore) ||
                    tokens_[first - 1].start < free_from ||
                    tokens_[first - 1].hash != fold_hash(*g))
                    break;
                --first;
            }
            // "Lewis Jones" after "Mr. Jones": a given name the document had not given yet.
            if (first == i && given.empty() && given_name_before(i) &&
                tokens_[i - 1].start >= free_from)
                first = i - 1;
            c.span.start = tokens_[first].start;
            c.type = EntityType::Person;
            c.def = person.def;
            c.label = person_label({{}, std::string(token_text(i))});
            c.method = person.def >= 0 ? MentionMethod::Authority : MentionMethod::Rule;
            c.confidence = 0.75f;
            added.push_back(std::move(c));
        }
    }
    out_.insert(out_.end(), added.begin(), added.end());
}

} // namespace dossier::extract::detail
