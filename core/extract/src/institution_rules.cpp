// Table entities (countries, institutions, places, authority names) and the institution
// rules: keyword institutions, acronyms defined in brackets.
#include "document_reader.h"
#include "reader_support.h"

#include <algorithm>
#include <iterator>

namespace dossier::extract::detail {

namespace {
const std::uint64_t kGovernment = fold_hash("government");

// "the Soviet Union", "the United Kingdom", but "India": names that are common nouns of a kind
// of state, or plural, take the article.
std::string with_article(const std::string& country) {
    for (const char* word : {"Union", "United", "Republic", "Kingdom", "States", "Netherlands",
                             "Philippines", "Emirates", "Islands", "Federation"})
        if (country.find(word) != std::string::npos)
            return "the " + country;
    return country;
}
} // namespace

std::size_t WindowReader::after_entity(std::size_t end, const Candidate& c) {
    // "Socialist Republic of Vietnam (SRV)": the acronym in brackets names the same entity.
    if (end + 2 < tokens_.size() && (punct_is(end, '(') || punct_is(end, '[')) &&
        tokens_[end + 1].is(kWord) && tokens_[end + 1].is(kAllCaps) &&
        tokens_[end + 1].end - tokens_[end + 1].start >= 2 &&
        (punct_is(end + 2, ')') || punct_is(end + 2, ']'))) {
        Candidate acronym = c;
        acronym.span = {tokens_[end + 1].start, tokens_[end + 1].end};
        acronym.method = MentionMethod::Rule;
        acronym.confidence = kConfidence.acronym_in_brackets;
        const auto& named = lexicon_.label(c);
        acronym.label = rule_label(named.key, named.canonical);
        out_.push_back(acronym);
        lexicon_.acronyms[tokens_[end + 1].hash] = {c.def, c.type, acronym.label};
        return 3;
    }
    return 0;
}

// "a meeting in Moscow", "the talks at Geneva": a capital after a preposition of place is the
// city, where "Moscow replied" is the state.
bool WindowReader::names_the_city(std::size_t begin) const {
    static const std::uint64_t kLocative[] = {fold_hash("in"), fold_hash("at"), fold_hash("near"),
                                              fold_hash("outside"), fold_hash("around")};
    return begin > 0 && tokens_[begin - 1].is(kWord) && !tokens_[begin - 1].is(kCapitalized) &&
           std::find(std::begin(kLocative), std::end(kLocative), tokens_[begin - 1].hash) !=
               std::end(kLocative);
}

// "the Warsaw talks", "the Geneva conference": a capital between "the" and a word for talks is
// where they were held, not the state.
bool WindowReader::names_a_venue(std::size_t begin, std::size_t end) const {
    static const std::uint64_t kTalks[] = {fold_hash("talks"),      fold_hash("negotiations"),
                                           fold_hash("conference"), fold_hash("meeting"),
                                           fold_hash("meetings"),   fold_hash("summit")};
    return begin > 0 && end < tokens_.size() && tokens_[begin - 1].hash == fold_hash("the") &&
           tokens_[end].is(kWord) && !tokens_[end].is(kCapitalized) &&
           std::find(std::begin(kTalks), std::end(kTalks), tokens_[end].hash) != std::end(kTalks);
}

// "Moscow, February 1, 1965.": a capital that opens a line and is followed by a comma and a
// date is where the paper was written.
bool WindowReader::starts_dateline(std::size_t begin, std::size_t end) const {
    if ((begin > 0 && !tokens_[begin].is(kNewlineBefore)) || end + 1 >= tokens_.size() ||
        !punct_is(end, ','))
        return false;
    const auto& next = tokens_[end + 1];
    return data_.months.count(next.hash) != 0 || next.is(kNumber);
}

void WindowReader::place_instead_of_state(Candidate& c) {
    std::string canonical = display_form(text_.substr(c.span.start, c.span.size()));
    std::string key = "place:" + normalize_name(canonical);
    c.type = EntityType::Place;
    c.def = -1;
    if (auto it = data_.entity_by_key.find(key); it != data_.entity_by_key.end())
        c.def = static_cast<int>(it->second);
    c.label = rule_label(std::move(key), std::move(canonical));
    c.confidence = kConfidence.capital;
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
    c.confidence = kind == NameKind::Capital
                       ? kConfidence.capital
                       : (kind == NameKind::Demonym ? kConfidence.demonym : kConfidence.table_name);
    if (def.type == EntityType::Person)
        c.label = person_label({def.given, def.surname});
    if (kind == NameKind::Capital &&
        (names_the_city(begin) || starts_dateline(begin, end) || names_a_venue(begin, end)))
        place_instead_of_state(c);
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
                // "the United States Government Support of ...": a country's government ends
                // with the word Government.
                if (t.hash == kGovernment && government_country(i, best) >= 0)
                    return best;
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
        // "the Government of the USA": "of the" before a capital.
        const bool of_the = t.hash == fold_hash("of") || t.hash == fold_hash("for") ||
                            t.hash == fold_hash("in") || t.hash == fold_hash("on");
        const std::size_t named =
            k + 2 < tokens_.size() && of_the && tokens_[k + 1].hash == fold_hash("the") ? k + 2
                                                                                        : k + 1;
        if (t.is(kWord) && !t.is(kCapitalized) && k > i && named < tokens_.size() &&
            tokens_[named].is(kCapitalized) && !data_.months.count(tokens_[named].hash) &&
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

// "the Australian Government", "the Government of India", "the Indian government": the
// government of a country the tables know, one institution however it is written, named after
// the country and keyed by its code ("org:government of iso:AU"), so it is tied to the country.
int WindowReader::government_country(std::size_t i, std::size_t length) const {
    auto country_at = [&](std::size_t at, std::size_t end) -> int {
        const auto m = longest_phrase(at, true);
        const auto* e = pick_entity(m);
        if (!e || at + m.length != end || data_.entities[e->target].type != EntityType::Country)
            return -1;
        return static_cast<int>(e->target);
    };
    const std::size_t end = i + length;
    if (length >= 2 && tokens_[end - 1].hash == kGovernment)
        return country_at(i, end - 1);
    if (length >= 3 && tokens_[i].hash == kGovernment && tokens_[i + 1].hash == fold_hash("of")) {
        std::size_t at = i + 2;
        if (at + 1 < end && tokens_[at].hash == fold_hash("the"))
            ++at;
        return country_at(at, end);
    }
    return -1;
}

std::size_t WindowReader::emit_org_rule(std::size_t i, std::size_t length) {
    Candidate c;
    c.span = span_of(tokens_, i, i + length);
    c.type = EntityType::Organization;
    std::string canonical = display_form(text_.substr(c.span.start, c.span.size()));
    std::string key = "org:" + normalize_name(canonical);
    if (const int country = government_country(i, length); country >= 0) {
        const auto& def = data_.entities[static_cast<std::size_t>(country)];
        canonical = "Government of " + with_article(def.canonical_name);
        key = "org:government of " + def.key;
    }
    if (auto it = data_.entity_by_key.find(key); it != data_.entity_by_key.end())
        c.def = static_cast<int>(it->second);
    c.label = rule_label(std::move(key), std::move(canonical));
    c.method = MentionMethod::Rule;
    c.confidence = kConfidence.keyword_institution;
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
    acronym.confidence = kConfidence.acronym_in_brackets;
    // Keep order by position: the acronym comes first.
    out_.insert(out_.end() - 1, acronym);
    lexicon_.acronyms[t.hash] = {acronym.def, acronym.type, acronym.label};
    return 2 + length + 1;
}

std::size_t WindowReader::try_country_institution(std::size_t i, std::size_t length,
                                                  const PhraseEntry& entry) {
    static const std::uint64_t kLowerCaseHeads[] = {kGovernment, fold_hash("embassy"),
                                                    fold_hash("consulate"), fold_hash("legation")};
    const std::size_t next = i + length;
    const auto kind = static_cast<NameKind>(entry.sub);
    if (data_.entities[entry.target].type != EntityType::Country ||
        (kind != NameKind::Name && kind != NameKind::Demonym && kind != NameKind::Acronym) ||
        next >= tokens_.size() || !tokens_[next].is(kWord) || tokens_[next].is(kCapitalized) ||
        tokens_[next].is(kNewlineBefore) ||
        std::find(std::begin(kLowerCaseHeads), std::end(kLowerCaseHeads), tokens_[next].hash) ==
            std::end(kLowerCaseHeads))
        return 0;
    return emit_org_rule(i, length + 1);
}

std::size_t WindowReader::try_numbered_institution(std::size_t i) {
    if (!tokens_[i].is(kNumber) || i + 1 >= tokens_.size() || !tokens_[i + 1].is(kWord) ||
        !tokens_[i + 1].is(kCapitalized) || tokens_[i + 1].is(kNewlineBefore) ||
        !data_.org_heads.count(tokens_[i + 1].hash))
        return 0;
    const std::size_t rest = org_rule_length(i + 1);
    return emit_org_rule(i, 1 + std::max<std::size_t>(rest, 1));
}

} // namespace dossier::extract::detail
