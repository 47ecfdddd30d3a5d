// Pass 2: surnames and acronyms a document introduced, found wherever they recur;
// hyphenated pairs of persons; eponyms after a known surname.
#include "document_reader.h"
#include "hyphenated_persons.h"
#include "reader_support.h"

namespace dossier::extract::detail {

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
        c.confidence = kConfidence.surname_known_elsewhere;
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

bool WindowReader::second_pass_eponym(std::size_t& i, SecondPass& pass) {
    const auto& t = tokens_[i];
    // "the Douglas Amendment", "the Anderson Mission": a known person's surname before an
    // eponym word names that person (pass 1 may have read the pair as an institution).
    if (i + 1 < tokens_.size() && data_.eponym_words.count(tokens_[i + 1].hash) &&
        is_eponym_person(i)) {
        const bool free =
            pass.cursor >= pass.taken.size() || pass.taken[pass.cursor].start >= t.end;
        const bool read_as_institution = !free && pass.taken[pass.cursor].start == t.start &&
                                         pass.taken[pass.cursor].end == tokens_[i + 1].end &&
                                         out_[pass.cursor].type == EntityType::Organization &&
                                         out_[pass.cursor].method == MentionMethod::Rule;
        if (free || read_as_institution) {
            Candidate c;
            c.span = {t.start, t.end};
            c.type = EntityType::Person;
            c.label = person_label({{}, std::string(token_text(i))});
            c.method = MentionMethod::Rule;
            c.confidence = kConfidence.surname_known_elsewhere;
            if (auto own = lexicon_.surnames.find(t.hash); own != lexicon_.surnames.end()) {
                c.def = out_[own->second].def;
                c.method = c.def >= 0 ? MentionMethod::Authority : MentionMethod::Rule;
            }
            if (read_as_institution)
                out_[pass.cursor] = c; // same start, shorter: the order and no overlap still hold
            else
                pass.added.push_back(std::move(c));
            ++i; // the eponym word is no name
            return true;
        }
    }
    return false;
}

bool WindowReader::second_pass_person_pair(std::size_t& i, SecondPass& pass) {
    const auto& t = tokens_[i];
    // "(Pembrook-Kuznetsov)": pass 1 read a pair of persons as one hyphenated name.
    if (!lexicon_.person_pairs.empty() && pass.cursor < pass.taken.size() &&
        pass.taken[pass.cursor].start == t.start) {
        Candidate& whole = out_[pass.cursor];
        if (const std::size_t last = hyphenated_name_end(i);
            last != 0 && whole.span.end == tokens_[last].end && whole.type == EntityType::Person &&
            whole.def < 0 && whole.method != MentionMethod::SourceAnnotation &&
            lexicon_.label(whole).person.given.empty() &&
            lexicon_.person_pairs.count(
                parts_key(hyphenated_parts(text_.substr(t.start, tokens_[last].end - t.start))))) {
            emit_person_pair(i, last, &whole, pass.added);
            i = last;
            return true;
        }
    }
    return false;
}

bool WindowReader::second_pass_acronym(std::size_t& i, SecondPass& pass) {
    const auto& t = tokens_[i];
    if (auto it = lexicon_.acronyms.find(t.hash); it != lexicon_.acronyms.end() && t.is(kAllCaps)) {
        Candidate c;
        c.span = {t.start, t.end};
        c.type = it->second.type;
        c.def = it->second.def;
        c.label = it->second.label;
        c.method = MentionMethod::Rule;
        c.confidence = kConfidence.defined_acronym_again;
        pass.added.push_back(std::move(c));
        return true;
    }
    return false;
}

bool WindowReader::second_pass_compound_surname(std::size_t& i, SecondPass& pass) {
    const auto& t = tokens_[i];
    // A surname of two parts however it is joined: "Ben Gurion" after "Ben-Gurion's".
    if (!lexicon_.compound_surnames.empty() && i + 1 < tokens_.size()) {
        std::size_t last = 0;
        if (tokens_[i + 1].is(kWord) && tokens_[i + 1].is(kCapitalized) &&
            tokens_[i + 1].is(kSpaceBefore) && !tokens_[i + 1].is(kNewlineBefore))
            last = i + 1;
        else if (i + 2 < tokens_.size() && punct_is(i + 1, '-') && glued(i + 1) && glued(i + 2) &&
                 tokens_[i + 2].is(kWord))
            last = i + 2;
        if (last != 0 &&
            !(last + 1 < tokens_.size() && glued(last + 1) && tokens_[last + 1].is(kWord)) &&
            (pass.cursor >= pass.taken.size() ||
             pass.taken[pass.cursor].start >= tokens_[last].end))
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
                c.confidence = kConfidence.surname_introduced_here;
                pass.added.push_back(std::move(c));
                i = last;
                return true;
            }
    }
    return false;
}

bool WindowReader::second_pass_hyphenated_pair(std::size_t& i, SecondPass& pass) {
    const auto& t = tokens_[i];
    // "the Kuznetsov-Pembrook talks": a hyphenated name no rule took whose every part is a
    // known person's surname, not followed by a capitalised word other than an eponym word
    // (not "Pembrook-Kuznetsov Street"; "the Pembrook-Kuznetsov Plan" names both, as "the
    // Douglas Amendment" names Douglas).
    if (const std::size_t last = hyphenated_name_end(i);
        last != 0 &&
        (pass.cursor >= pass.taken.size() || pass.taken[pass.cursor].start >= tokens_[last].end) &&
        !(last + 1 < tokens_.size() && tokens_[last + 1].is(kWord) &&
          tokens_[last + 1].is(kCapitalized) && !tokens_[last + 1].is(kNewlineBefore) &&
          !data_.eponym_words.count(tokens_[last + 1].hash))) {
        const auto parts = hyphenated_parts(text_.substr(t.start, tokens_[last].end - t.start));
        if (!parts.empty() && (lexicon_.person_pairs.count(parts_key(parts)) ||
                               names_several_persons(data_, lexicon_, parts, false))) {
            emit_person_pair(i, last, nullptr, pass.added);
            i = last;
            return true;
        }
    }
    return false;
}

bool WindowReader::second_pass_corpus_surname(std::size_t& i, SecondPass& pass) {
    const auto& t = tokens_[i];
    // A surname another document of the corpus introduced: alone, mid-sentence, and not
    // the first word of a longer capitalised name ("Hall" but not "Hall Street").
    if (lexicon_.corpus && !lexicon_.surnames.count(t.hash) &&
        lexicon_.corpus->contains_hash(t.hash) && !t.is(kAllCaps) && !starts_sentence(i) &&
        !(i + 1 < tokens_.size() && tokens_[i + 1].is(kWord) && tokens_[i + 1].is(kCapitalized) &&
          !tokens_[i + 1].is(kNewlineBefore))) {
        if (const auto* e = pick_entity(longest_phrase(i, true));
            !e || data_.entities[e->target].type == EntityType::Person) {
            Candidate c;
            c.span = {t.start, t.end};
            c.type = EntityType::Person;
            PersonName name{{}, std::string(token_text(i))};
            // "Bob Anderson", "Ben Gurion": a given name (or first part) written before it.
            const std::uint32_t free_from =
                std::max(pass.cursor > 0 ? pass.taken[pass.cursor - 1].end : 0u,
                         pass.added.empty() ? 0u : pass.added.back().span.end);
            if (given_name_before(i) && tokens_[i - 1].start >= free_from) {
                c.span.start = tokens_[i - 1].start;
                name.given.emplace_back(token_text(i - 1));
            }
            c.label = person_label(std::move(name));
            c.method = MentionMethod::Rule;
            c.confidence = kConfidence.surname_known_elsewhere;
            pass.added.push_back(std::move(c));
            return true;
        }
    }
    return false;
}

bool WindowReader::second_pass_own_surname(std::size_t& i, SecondPass& pass) {
    const auto& t = tokens_[i];
    if (auto it = lexicon_.surnames.find(t.hash); it != lexicon_.surnames.end()) {
        const Candidate& person = out_[it->second];
        Candidate c;
        c.span = {t.start, t.end};
        // "Ben Gurion" after "Prime Minister Ben Gurion", "Lewis Jones" after "G. Lewis
        // Jones": given names written before the surname belong to the mention (the
        // identity still comes from the surname, as for the surname alone).
        const std::uint32_t free_from =
            std::max(pass.cursor > 0 ? pass.taken[pass.cursor - 1].end : 0u,
                     pass.added.empty() ? 0u : pass.added.back().span.end);
        const auto& given = lexicon_.label(person).person.given;
        std::size_t first = i;
        for (auto g = given.rbegin(); g != given.rend(); ++g) {
            if (first == 0 || !tokens_[first - 1].is(kWord) || !tokens_[first].is(kSpaceBefore) ||
                tokens_[first].is(kNewlineBefore) || tokens_[first - 1].start < free_from ||
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
        c.confidence = kConfidence.surname_introduced_here;
        pass.added.push_back(std::move(c));
    }
    return false;
}

void WindowReader::read_known_names(const std::vector<Span>& taken) {
    SecondPass pass{taken, 0, {}};
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        const auto& t = tokens_[i];
        if (!t.is(kWord) || !t.is(kCapitalized))
            continue;
        while (pass.cursor < taken.size() && taken[pass.cursor].end <= t.start)
            ++pass.cursor;
        if (second_pass_eponym(i, pass) || second_pass_person_pair(i, pass))
            continue;
        if (pass.cursor < taken.size() && taken[pass.cursor].start < t.end)
            continue; // already part of a mention
        if (glued(i) && i > 0 && (tokens_[i - 1].is(kWord) || punct_is(i - 1, '-')))
            continue; // part of a longer word: "Gurion" in "Ben-Gurion"
        if (starts_title(i))
            continue;
        if (i + 1 < tokens_.size() && glued(i + 1) && tokens_[i + 1].is(kWord))
            continue;
        if (second_pass_acronym(i, pass))
            continue;
        if (data_.not_names.count(t.hash))
            continue;
        if (second_pass_compound_surname(i, pass) || second_pass_hyphenated_pair(i, pass) ||
            second_pass_corpus_surname(i, pass))
            continue;
        second_pass_own_surname(i, pass);
    }
    out_.insert(out_.end(), pass.added.begin(), pass.added.end());
}

} // namespace dossier::extract::detail
