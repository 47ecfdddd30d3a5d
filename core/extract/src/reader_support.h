#pragma once
// Helpers and named confidences the rule files of the window reader share.
#include "text_tokens.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract::detail {

inline constexpr std::size_t kMaxNameTokens = 8;
inline constexpr std::size_t kMaxOrgTokens = 12;

// How sure each rule is of what it reads; stored with every mention (`dossier mentions`).
struct RuleConfidences {
    float table_name = 0.95f;                // a gazetteer or authority name as written
    float demonym = 0.85f;                   // "Soviet", "Israeli" for the country
    float capital = 0.8f;                    // "Moscow" for the state
    float acronym_in_brackets = 0.95f;       // "(SRV)", "MID [Ministry of Foreign Affairs]"
    float defined_acronym_again = 0.9f;      // that acronym later in the document
    float keyword_institution = 0.75f;       // "Palestine Conciliation Commission"
    float document_reference = 0.9f;         // "telegram 1364"
    float date = 0.95f;                      // "October 2, 1980"
    float place_feature = 0.8f;              // "straits of Singapore"
    float honorific_title = 0.9f;            // "Mr. Jones"
    float office_title = 0.85f;              // "Ambassador Jones"
    float plural_title_list = 0.9f;          // "Comrades Brezhnev, Kosygin"
    float context_name_list = 0.75f;         // "Drafted by X and Y"
    float context_person = 0.7f;             // "a memorandum from X to Y", "Dear X:", "(Erell)"
    float name_dash_office = 0.75f;          // "Woodruff Wallner—Deputy Assistant Secretary"
    float given_name_and_name_word = 0.7f;   // "Nuri Said"
    float name_with_initials = 0.8f;         // "A. A. Gromyko"
    float speaker_label = 0.8f;              // "Kissinger: ..." in a transcript
    float speaker_initials = 0.7f;           // "D: ..." after Dobrynin was named
    float ocr_variant = 0.4f;                // "Gr0myko" read as Gromyko
    float closing_signature = 0.6f;          // a name alone on a cable's last line
    float possessive_of_unknown_word = 0.5f; // "Nasser's"
    float authority_surname_alone = 0.6f;    // the one authority person of that surname
    float surname_introduced_here = 0.75f;   // a surname this document gave with more before
    float surname_known_elsewhere = 0.6f;    // a surname another document or an eponym gives
};
inline constexpr RuleConfidences kConfidence{};

inline Span span_of(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    return {tokens[begin].start, tokens[end - 1].end};
}

// "CENTRAL COMMITTEE" -> "Central Committee"; mixed case stays as written. White space runs
// (line breaks inside a name) become one space.
inline std::string display_form(std::string_view text) {
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
inline bool is_paper_word(std::uint64_t hash) {
    static const std::uint64_t kPapers[] = {
        fold_hash("memorandum"), fold_hash("letter"), fold_hash("telegram"),
        fold_hash("message"),    fold_hash("note"),   fold_hash("despatch"),
        fold_hash("cable"),      fold_hash("report"), fold_hash("airgram")};
    return std::find(std::begin(kPapers), std::end(kPapers), hash) != std::end(kPapers);
}

} // namespace dossier::extract::detail
