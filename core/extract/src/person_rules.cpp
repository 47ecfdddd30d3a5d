// Person rules of pass 1: names after titles, initials, context (drafted by, Dear X, a role
// set off by commas, participants lines), given names, eponyms, signatures.
#include "document_reader.h"
#include "hyphenated_persons.h"
#include "reader_support.h"

#include <algorithm>

namespace dossier::extract::detail {

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
    if (read_surname_first(words, last_full_word_end, result))
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
    PersonName person = name.name;
    // "Liang Zhenhua", "Chou En-lai": a Chinese surname, then a given name of Chinese syllables.
    if (person.given.size() == 1 && data_.chinese_surnames.count(fold_hash(person.given[0])) &&
        !data_.given_names.count(fold_hash(person.given[0])) &&
        is_chinese_given_name(person.surname))
        std::swap(person.given[0], person.surname);
    c.label = person_label(std::move(person));
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
    out_.push_back(c);
    define_person_abbreviation(name.end, c);
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
        const std::size_t end = read_name_list(k, caps, kConfidence.plural_title_list);
        return end > k ? end - i : title_length;
    }
    auto name = read_name(k, caps);
    if (name.end == 0)
        return title_length;
    emit_person(k, name, MentionMethod::Rule,
                kind == TitleKind::Honorific ? kConfidence.honorific_title
                                             : kConfidence.office_title);
    return name.end - i;
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
namespace {
const std::uint64_t kBy = fold_hash("by"), kFor = fold_hash("for"), kDear = fold_hash("dear"),
                    kSincerely = fold_hash("sincerely"), kYours = fold_hash("yours"),
                    kWith = fold_hash("with"), kFrom = fold_hash("from");
} // namespace

// "drafted", "signed", "cleared", ...: the verbs of a paper's routing line.
bool WindowReader::is_routing_verb(std::size_t k) const {
    static const std::uint64_t kVerbs[] = {
        fold_hash("drafted"),   fold_hash("signed"),   fold_hash("initialed"),
        fold_hash("approved"),  fold_hash("cleared"),  fold_hash("prepared"),
        fold_hash("written"),   fold_hash("dictated"), fold_hash("initialled"),
        fold_hash("concurred"), fold_hash("revised"),  fold_hash("coordinated")};
    for (auto v : kVerbs)
        if (tokens_[k].hash == v)
            return true;
    return false;
}

std::size_t WindowReader::try_context_person(std::size_t i) {
    const auto& t = tokens_[i];
    if (t.is(kWord) && (t.hash == kWith || t.hash == kFrom || t.hash == kBy || t.hash == kFor) &&
        i > 0 && i + 1 < tokens_.size())
        return try_routing_person(i);
    if (t.is(kWord) && (t.hash == kDear || t.hash == kSincerely) && i + 1 < tokens_.size())
        return try_letter_person(i);
    if (punct_is(i, '(') && i > 0 && tokens_[i - 1].is(kWord) && tokens_[i - 1].is(kCapitalized))
        return try_bracketed_person(i);
    return try_possessive_person(i);
}

// "Drafted by X and Y", "signed for X by Y", "cleared with X", "a memorandum from X to Y".
std::size_t WindowReader::try_routing_person(std::size_t i) {
    const auto& t = tokens_[i];
    auto is_verb = [&](std::size_t k) { return is_routing_verb(k); };
    // "cleared with Wilcox", "cleared in draft with Jones, Wilcox, Ludlow, GTI, H, and WE": the
    // office symbols in capitals end the list.
    if (t.is(kWord) && t.hash == kWith && i > 0 && i + 1 < tokens_.size()) {
        bool triggered = false;
        for (std::size_t back = 1; back <= 3 && back <= i; ++back)
            triggered = triggered || is_verb(i - back);
        if (triggered) {
            const std::size_t before = out_.size();
            const std::size_t end = read_name_list(i + 1, false, kConfidence.context_name_list);
            if (out_.size() > before)
                return end - i;
        }
        return 0;
    }
    // "a memorandum from Merchant to Herter", "a letter from Nasser": who wrote to whom.
    if (t.is(kWord) && t.hash == kFrom && i > 0 && i + 1 < tokens_.size()) {
        if (!is_paper_word(tokens_[i - 1].hash))
            return 0;
        auto sender = read_name(i + 1);
        if (sender.end == 0)
            return 0;
        emit_person(i + 1, sender, MentionMethod::Rule, kConfidence.context_person);
        std::size_t end = sender.end;
        if (end + 1 < tokens_.size() && tokens_[end].hash == fold_hash("to"))
            if (auto recipient = read_name(end + 1); recipient.end != 0) {
                emit_person(end + 1, recipient, MentionMethod::Rule, kConfidence.context_person);
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
            const std::size_t end = read_name_list(i + 1, false, kConfidence.context_name_list);
            if (out_.size() > before)
                return end - i;
        }
        return 0;
    }
    return 0;
}

// "Dear Mr. Hare:", "Sincerely yours, Douglas Dillon".
std::size_t WindowReader::try_letter_person(std::size_t i) {
    const auto& t = tokens_[i];
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
            emit_person(k, name, MentionMethod::Rule, kConfidence.context_person);
            return name.end - i;
        }
        return 0;
    }
    return 0;
}

// "the Counselor of the Israeli Embassy (Erell)": a name in brackets after a capitalised word.
std::size_t WindowReader::try_bracketed_person(std::size_t i) {
    if (punct_is(i, '(') && i > 0 && tokens_[i - 1].is(kWord) && tokens_[i - 1].is(kCapitalized)) {
        auto name = read_name(i + 1);
        if (name.end != 0 && punct_is(name.end, ')')) {
            auto m = longest_phrase(i + 1, true);
            if (!pick_entity(m)) {
                emit_person(i + 1, name, MentionMethod::Rule, kConfidence.context_person);
                return name.end + 1 - i;
            }
        }
        return 0;
    }
    return 0;
}

std::size_t WindowReader::try_possessive_person(std::size_t i) {
    const auto& t = tokens_[i];
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
            emit_person(i, name, MentionMethod::Rule, kConfidence.possessive_of_unknown_word);
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
    emit_person(comma + 1, name, MentionMethod::Rule, kConfidence.context_person);
    std::size_t end = name.end;
    // "a memorandum from the Director ..., Calhoun, to Goodpaster": the writer is a person, so
    // is the one the paper went to.
    if (role >= 3 && tokens_[role - 2].hash == fold_hash("from") &&
        is_paper_word(tokens_[role - 3].hash) && punct_is(end, ',') && end + 2 < tokens_.size() &&
        tokens_[end + 1].hash == fold_hash("to"))
        if (const auto recipient = read_name(end + 2); recipient.end != 0) {
            emit_person(end + 2, recipient, MentionMethod::Rule, kConfidence.context_person);
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
    emit_person(i, name, MentionMethod::Rule, kConfidence.name_dash_office);
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
    emit_person(i, name, MentionMethod::Rule, kConfidence.given_name_and_name_word);
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
    emit_person(i, name, MentionMethod::Rule, kConfidence.closing_signature);
    return name.end - i;
}

// A surname alone that the authority file knows, and only one person by that name. Surnames of
// two words come first: "Ben Gurion", "Ben-Gurion" ("Gurion, Ben" is not how anyone is listed,
// so the pair is looked up as a whole).
std::size_t WindowReader::try_authority_surname(std::size_t i) {
    const auto& t = tokens_[i];
    if (data_.authority_by_surname.empty() || !is_name_word(i) || t.is(kAllCaps))
        return 0;
    if (auto n = try_authority_two_word_surname(i))
        return n;
    auto cached = lexicon_.authority_surname.find(t.hash);
    if (cached == lexicon_.authority_surname.end()) {
        auto it = data_.authority_by_surname.find(name_skeleton(token_text(i)));
        const int def = it != data_.authority_by_surname.end() && it->second.size() == 1
                            ? static_cast<int>(it->second.front())
                            : -1;
        cached = lexicon_.authority_surname.emplace(t.hash, def).first;
    }
    if (cached->second < 0 ||
        (i + 1 < tokens_.size() && tokens_[i + 1].is(kWord) && tokens_[i + 1].is(kCapitalized) &&
         !tokens_[i + 1].is(kNewlineBefore)))
        return 0;
    Candidate c;
    c.span = {t.start, t.end};
    c.type = EntityType::Person;
    c.def = cached->second;
    c.label = person_label({{}, std::string(token_text(i))});
    c.method = MentionMethod::Authority;
    c.confidence = kConfidence.authority_surname_alone;
    // "Bob Anderson": a given name written before the surname is part of the mention; one that
    // conflicts with the entry's given names says it is someone else of that surname, so the
    // mention stays unlinked.
    if (given_name_before(i) && (out_.empty() || out_.back().span.end <= tokens_[i - 1].start)) {
        c.span.start = tokens_[i - 1].start;
        PersonName name{{std::string(token_text(i - 1))}, std::string(token_text(i))};
        if (!given_names_compatible(data_.entities[static_cast<std::size_t>(c.def)].given,
                                    name.given)) {
            c.def = -1;
            c.method = MentionMethod::Rule;
        }
        c.label = person_label(std::move(name));
    }
    out_.push_back(std::move(c));
    return 1;
}

// "Ben Gurion", "Ben-Gurion": two name words the authority file lists as one surname.
std::size_t WindowReader::try_authority_two_word_surname(std::size_t i) {
    const auto& t = tokens_[i];
    std::size_t pair_end = 0;
    if (i + 1 < tokens_.size() && is_name_word(i + 1) && !tokens_[i + 1].is(kAllCaps) &&
        !tokens_[i + 1].is(kNewlineBefore))
        pair_end = i + 2;
    else if (i + 2 < tokens_.size() && punct_is(i + 1, '-') && glued(i + 1) && glued(i + 2) &&
             is_name_word(i + 2))
        pair_end = i + 3;
    if (pair_end == 0 ||
        (pair_end < tokens_.size() && glued(pair_end) && tokens_[pair_end].is(kWord)))
        return 0;
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
    if (cached->second < 0)
        return 0;
    Candidate c;
    c.span = span_of(tokens_, i, pair_end);
    c.type = EntityType::Person;
    c.def = cached->second;
    c.label = person_label({{}, std::string(text_.substr(c.span.start, c.span.size()))});
    c.method = MentionMethod::Authority;
    c.confidence = kConfidence.authority_surname_alone;
    out_.push_back(std::move(c));
    return pair_end - i;
}

namespace {
// `letters` (folded) are initials of `name` in order, the surname's initial last: "k", "hak" for
// Henry A. Kissinger, "rn" for Richard Nixon.
bool abbreviates(const std::string& letters, const PersonName& name) {
    if (name.surname.empty() || letters.empty())
        return false;
    std::string initials;
    for (const auto& g : name.given)
        initials += fold(g).substr(0, 1);
    initials += fold(name.surname).substr(0, 1);
    if (letters.back() != initials.back())
        return false;
    std::size_t at = 0;
    for (char l : letters) {
        at = initials.find(l, at);
        if (at == std::string::npos)
            return false;
        ++at;
    }
    return true;
}
} // namespace

void WindowReader::define_person_abbreviation(std::size_t end, const Candidate& person) {
    if (end + 2 >= tokens_.size() || !punct_is(end, '(') || !punct_is(end + 2, ')'))
        return;
    const auto& abbreviation = tokens_[end + 1];
    const std::size_t length = abbreviation.end - abbreviation.start;
    if (!abbreviation.is(kWord) || !abbreviation.is(kAllCaps) || length > 4 ||
        data_.not_names.count(abbreviation.hash) || token_text(end + 1) == "I")
        return;
    // Its letters are the person's initials, the surname's last: "K", "HAK" for Henry A.
    // Kissinger, "RN" for Richard Nixon; "Stookey (NE)" is an office symbol.
    if (!abbreviates(fold(token_text(end + 1)), lexicon_.label(person).person))
        return;
    Candidate c = person;
    c.span = {abbreviation.start, abbreviation.end};
    c.confidence = kConfidence.acronym_in_brackets;
    out_.push_back(c);
    lexicon_.acronyms[abbreviation.hash] = {person.def, EntityType::Person, person.label};
}

namespace {
// Labels at a line start that introduce a part of a document, not a speaker.
bool is_heading_label(std::uint64_t hash) {
    static const std::unordered_set<std::uint64_t> kHeadings = [] {
        std::unordered_set<std::uint64_t> s;
        for (const char* w : {"subject",
                              "to",
                              "from",
                              "re",
                              "date",
                              "time",
                              "place",
                              "participants",
                              "present",
                              "summary",
                              "note",
                              "notes",
                              "source",
                              "drafted",
                              "cleared",
                              "approved",
                              "copies",
                              "copy",
                              "distribution",
                              "attachment",
                              "attachments",
                              "enclosure",
                              "enclosures",
                              "ref",
                              "refs",
                              "reference",
                              "info",
                              "cc",
                              "classification",
                              "action",
                              "question",
                              "answer",
                              "q",
                              "a",
                              "comment",
                              "comments",
                              "tab",
                              "item",
                              "agenda",
                              "purpose",
                              "background",
                              "discussion",
                              "recommendation",
                              "recommendations",
                              "conclusion",
                              "conclusions",
                              "decision",
                              "sent",
                              "received",
                              "page",
                              "part",
                              "annex",
                              "appendix",
                              "section",
                              "article",
                              "point",
                              "paragraph",
                              "telegram",
                              "message",
                              "memorandum",
                              "also",
                              "via",
                              "attendees",
                              "location",
                              "topic",
                              "topics",
                              "issue",
                              "issues",
                              "result",
                              "results",
                              "translation",
                              "original",
                              "end",
                              "begin",
                              "text",
                              "quote",
                              "unquote",
                              "ps",
                              "nb",
                              "following"})
            s.insert(fold_hash(w));
        return s;
    }();
    return kHeadings.count(hash) != 0;
}
} // namespace

std::size_t WindowReader::speaker_label_end(std::size_t i) const {
    if (i > 0 && !tokens_[i].is(kNewlineBefore))
        return 0;
    std::size_t k = i;
    while (k < tokens_.size() && k - i < 3 && tokens_[k].is(kWord) && tokens_[k].is(kCapitalized) &&
           (k == i || !tokens_[k].is(kNewlineBefore)))
        ++k;
    if (k == i || k + 1 >= tokens_.size() || !punct_is(k, ':') || !glued(k) ||
        tokens_[k + 1].is(kNewlineBefore))
        return 0; // a label is followed by what the speaker said on the same line
    return k;
}

void WindowReader::find_speaker_labels() {
    std::unordered_map<std::uint64_t, int> uses;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        if (i > 0 && !tokens_[i].is(kNewlineBefore))
            continue;
        if (const std::size_t end = speaker_label_end(i)) {
            std::uint64_t h = combine_start();
            for (std::size_t k = i; k < end; ++k)
                h = combine(h, tokens_[k].hash);
            if (++uses[h] == 2)
                speaker_labels_.insert(h);
        }
    }
}

// "Kissinger: ...", "DOBRYNIN: ...", "Henry Kissinger: ...": the speaker of a transcript, named
// at the start of a line by a label the document uses at least twice (once is a heading).
// Abbreviations ("K:") are read when the document defined them ("Henry A. Kissinger (K)"),
// as every recurrence of a defined abbreviation is (pass 2).
std::size_t WindowReader::try_speaker_label(std::size_t i) {
    if (speaker_labels_.empty())
        return 0;
    const std::size_t end = speaker_label_end(i);
    if (end == 0)
        return 0;
    std::uint64_t h = combine_start();
    for (std::size_t k = i; k < end; ++k)
        h = combine(h, tokens_[k].hash);
    if (!speaker_labels_.count(h) || is_heading_label(tokens_[i].hash) ||
        data_.not_names.count(tokens_[i].hash) || starts_title(i))
        return 0;
    if (const auto* e = pick_entity(longest_phrase(i, true));
        e && data_.entities[e->target].type != EntityType::Person)
        return 0;
    const std::size_t surname = end - 1;
    if (tokens_[surname].is(kAllCaps) && tokens_[surname].end - tokens_[surname].start <= 4)
        return end == i + 1 ? try_speaker_initials(i) : 0; // an abbreviation
    NameRead name;
    name.begin = i;
    name.end = end;
    for (std::size_t k = i; k < surname; ++k)
        name.name.given.emplace_back(display_form(token_text(k)));
    name.name.surname = display_form(token_text(surname));
    emit_person(i, name, MentionMethod::Rule, kConfidence.speaker_label);
    return end + 1 - i;
}

// "D: ..." and "K: ..." in a telephone transcript whose heading named Kissinger and Dobrynin: a
// speaker label the document did not define is the one person named before its first use whose
// initials it gives (as a definition's letters would, the surname's last). Two candidates
// (Pellworth and Petrakov for "P") name no one; a defined abbreviation is left to pass 2. Read
// once per label, so a long transcript costs one look over the candidates per label.
std::size_t WindowReader::try_speaker_initials(std::size_t i) {
    if (lexicon_.acronyms.count(tokens_[i].hash))
        return 0;
    auto [it, first_use] = speaker_initials_.try_emplace(tokens_[i].hash);
    if (first_use)
        it->second = person_with_initials(fold(token_text(i)), tokens_[i].start);
    if (!it->second)
        return 0;
    Candidate c = *it->second;
    c.span = {tokens_[i].start, tokens_[i].end};
    c.method = MentionMethod::Rule;
    c.confidence = kConfidence.speaker_initials;
    out_.push_back(c);
    return 2; // the label and its colon
}

std::optional<Candidate> WindowReader::person_with_initials(const std::string& letters,
                                                            std::uint32_t before) const {
    const Candidate* speaker = nullptr;
    std::string speaker_surname;
    for (const auto& c : out_) {
        if (c.type != EntityType::Person || c.span.end > before)
            continue;
        const auto& name = lexicon_.label(c).person;
        if (!abbreviates(letters, name))
            continue;
        std::string surname = fold(name.surname);
        if (speaker && surname != speaker_surname)
            return std::nullopt;
        if (!speaker || (speaker->def < 0 && c.def >= 0))
            speaker = &c;
        speaker_surname = std::move(surname);
    }
    if (!speaker)
        return std::nullopt;
    return *speaker;
}

// "Khrushchev N.S.", "Kosygin A. N.": Soviet records give the surname first and the initials
// after it: one full name word, then only initials (spaced or not), then no capitalised word on
// the line ("John F. Kennedy" reads given name first). Not when the initials are a known name
// themselves ("Washington D.C." stops before the capital anyway, "Smith U.S. policy").
bool WindowReader::read_surname_first(const std::vector<std::string>& words, std::size_t after,
                                      NameRead& result) const {
    // Nothing after the surname (the text ends there): no initials to read.
    if (words.empty() || after >= tokens_.size() ||
        (words[0].size() <= 2 && words[0].back() == '.'))
        return false;
    for (std::size_t w = 1; w < words.size(); ++w)
        if (!(words[w].size() <= 2 && words[w].back() == '.'))
            return false;
    if (pick_entity(longest_phrase(after, true)))
        return false;
    std::vector<std::string> initials;
    std::size_t k = after;
    while (k + 1 < tokens_.size() && initials.size() < 3 && tokens_[k].is(kWord) &&
           tokens_[k].is(kAllCaps) && tokens_[k].end - tokens_[k].start == 1 &&
           punct_is(k + 1, '.') && glued(k + 1) && !tokens_[k].is(kNewlineBefore) &&
           (k == after ? tokens_[k].is(kSpaceBefore) : true)) {
        initials.emplace_back(std::string(token_text(k)) + ".");
        k += 2;
    }
    if (initials.empty() || (k < tokens_.size() && tokens_[k].is(kWord) &&
                             tokens_[k].is(kCapitalized) && !tokens_[k].is(kNewlineBefore)))
        return false;
    result.end = k;
    result.name.surname = words[0];
    result.name.given = std::move(initials);
    result.has_initial = true;
    result.surname_first = true;
    return true;
}

std::size_t WindowReader::try_surname_then_initials(std::size_t i) {
    if (!is_name_word(i) || tokens_[i].is(kAllCaps) || starts_title(i) ||
        data_.not_names.count(tokens_[i].hash))
        return 0;
    const auto name = read_name(i);
    if (name.end == 0 || !name.surname_first)
        return 0;
    emit_person(i, name, MentionMethod::Rule, kConfidence.name_with_initials);
    return name.end - i;
}

namespace {
// The readings of an OCR'd word with 0 or 1 among at least three letters: 0 as o, 1 as l or
// i ("K1ssinger"), case as in the word. Empty when the word has other digits or too few letters.
std::vector<std::string> ocr_readings(std::string_view word) {
    std::size_t letters = 0, confusable = 0;
    for (char c : word) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            ++letters;
        else if (c == '0' || c == '1')
            ++confusable;
        else if (c >= '2' && c <= '9')
            return {};
    }
    if (confusable == 0 || confusable > 2 || letters < 3)
        return {};
    std::vector<std::string> readings{std::string(word)};
    for (std::size_t at = 0; at < word.size(); ++at) {
        if (word[at] != '0' && word[at] != '1')
            continue;
        const bool upper = at == 0;
        std::vector<std::string> next;
        for (const auto& r : readings) {
            if (word[at] == '0') {
                next.push_back(r);
                next.back()[at] = upper ? 'O' : 'o';
            } else {
                next.push_back(r);
                next.back()[at] = upper ? 'I' : 'l';
                next.push_back(r);
                next.back()[at] = upper ? 'L' : 'i';
            }
        }
        readings = std::move(next);
    }
    return readings;
}
} // namespace

std::size_t WindowReader::try_ocr_variant(std::size_t i) {
    const auto& t = tokens_[i];
    if (!t.is(kWord) || (i > 0 && glued(i) && tokens_[i - 1].is(kWord)) ||
        (i + 1 < tokens_.size() && glued(i + 1) && tokens_[i + 1].is(kWord)))
        return 0;
    for (const auto& reading : ocr_readings(token_text(i))) {
        const auto hash = fold_hash(reading);
        if (const auto* entries = data_.phrases.find(combine(combine_start(), hash), 1))
            for (const auto& e : *entries)
                if (e.kind == PhraseKind::Entity && !e.case_exact_caps) {
                    Candidate c;
                    c.span = {t.start, t.end};
                    c.type = data_.entities[e.target].type;
                    c.def = static_cast<int>(e.target);
                    c.method = MentionMethod::Gazetteer;
                    c.confidence = kConfidence.ocr_variant;
                    if (c.type == EntityType::Person)
                        c.label = person_label(
                            {data_.entities[e.target].given, data_.entities[e.target].surname});
                    out_.push_back(std::move(c));
                    return 1;
                }
        if (auto it = data_.authority_by_surname.find(name_skeleton(reading));
            it != data_.authority_by_surname.end() && it->second.size() == 1) {
            Candidate c;
            c.span = {t.start, t.end};
            c.type = EntityType::Person;
            c.def = static_cast<int>(it->second.front());
            c.label = person_label({{}, reading});
            c.method = MentionMethod::Authority;
            c.confidence = kConfidence.ocr_variant;
            out_.push_back(std::move(c));
            return 1;
        }
    }
    return 0;
}

} // namespace dossier::extract::detail
