#include "dossier/extract/sentences.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace dossier::extract {
namespace {

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool is_upper(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_alpha(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

// Words after which a full stop is part of the word, compared in lower case.
constexpr std::array<std::string_view, 44> kAbbreviations{
    "no", "nos", "mr",   "mrs",    "ms",  "dr",  "prof", "prot", "st", "gen", "col",
    "lt", "maj", "capt", "sen",    "rep", "gov", "amb",  "adm",  "jr", "sr",  "vol",
    "p",  "pp",  "art",  "etc",    "cf",  "vs",  "dept", "fig",  "ch", "sec", "para",
    "op", "cit", "ibid", "approx", "tel", "ref", "encl", "msg",  "mt", "ft",  "esq"};

bool is_abbreviation(std::string_view word) {
    if (word.size() > 6)
        return false;
    std::array<char, 8> lower{};
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        lower[i] = static_cast<char>(is_upper(c) ? c + 32 : c);
    }
    const std::string_view key(lower.data(), word.size());
    for (auto abbreviation : kAbbreviations)
        if (abbreviation == key)
            return true;
    return false;
}

// Closing quotes and brackets that belong to the sentence they end: " ' ) ] and ” ’ (UTF-8).
std::size_t closing_length(std::string_view text, std::size_t pos) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (c == 0xE2 && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
        const auto c3 = static_cast<unsigned char>(text[pos + 2]);
        if (c3 == 0x9D || c3 == 0x99) // ” ’
            return 3;
    }
    return 0;
}

// May a sentence start at pos? Upper-case letters, digits, opening quotes and brackets, and any
// non-ASCII letter (Cyrillic and CJK text has no ASCII capitals to look for).
bool can_start_sentence(std::string_view text, std::size_t pos) {
    if (pos >= text.size())
        return true;
    const auto c = static_cast<unsigned char>(text[pos]);
    return is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c >= 0x80;
}

// The word ending just before the full stop at `dot`.
std::string_view word_before(std::string_view text, std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && is_alpha(static_cast<unsigned char>(text[start - 1])))
        --start;
    return text.substr(start, dot - start);
}

bool dot_ends_sentence(std::string_view text, std::size_t dot) {
    const auto word = word_before(text, dot);
    if (word.empty()) {
        // "1." opening a numbered paragraph is a list marker, not the end of a sentence.
        std::size_t start = dot;
        while (start > 0 && is_digit(static_cast<unsigned char>(text[start - 1])))
            --start;
        if (start == dot)
            return true;
        return !(start == 0 || text[start - 1] == '\n' ||
                 (start >= 1 && is_space(static_cast<unsigned char>(text[start - 1])) &&
                  (start == 1 || text[start - 2] == '\n')));
    }
    if (word.size() == 1 && is_upper(static_cast<unsigned char>(word[0])))
        return false; // an initial: "A. A. Gromyko", "U.S."
    if (is_abbreviation(word))
        return false;
    // "U.S.S.R." style: a letter preceded by a dot is part of a dotted acronym.
    const std::size_t word_start = dot - word.size();
    if (word.size() == 1 && word_start > 0 && text[word_start - 1] == '.')
        return false;
    return true;
}

void push_trimmed(std::vector<Span>& out, std::string_view text, std::size_t begin,
                  std::size_t end) {
    while (begin < end && is_space(static_cast<unsigned char>(text[begin])))
        ++begin;
    while (end > begin && is_space(static_cast<unsigned char>(text[end - 1])))
        --end;
    if (end > begin)
        out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
}

// Is the line [line_start, pos) blank (only white space)?
bool blank_between(std::string_view text, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (!is_space(static_cast<unsigned char>(text[i])))
            return false;
    return true;
}

} // namespace

std::vector<Span> split_sentences(std::string_view text) {
    std::vector<Span> sentences;
    std::size_t start = 0;
    std::size_t line_start = 0;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            // A line break ends a sentence when it ends a short line (header lines, titles,
            // list items) or a paragraph (the next line is blank); hard-wrapped prose goes on.
            std::size_t next = i + 1;
            std::size_t next_line_end = next;
            while (next_line_end < n && text[next_line_end] != '\n')
                ++next_line_end;
            const bool next_blank = blank_between(text, next, next_line_end);
            const bool short_line = i - line_start < 60;
            std::size_t first = next;
            while (first < next_line_end && is_space(static_cast<unsigned char>(text[first])))
                ++first;
            if (next_blank || (short_line && can_start_sentence(text, first))) {
                push_trimmed(sentences, text, start, i);
                start = i + 1;
            }
            line_start = i + 1;
            continue;
        }
        if (c != '.' && c != '!' && c != '?')
            continue;
        std::size_t end = i + 1;
        while (end < n && (text[end] == '.' || text[end] == '!' || text[end] == '?'))
            ++end;
        for (std::size_t len; end < n && (len = closing_length(text, end)) > 0;)
            end += len;
        if (end < n && !is_space(static_cast<unsigned char>(text[end])))
            continue;
        std::size_t next = end;
        while (next < n && (text[next] == ' ' || text[next] == '\t'))
            ++next;
        if (!can_start_sentence(text, next))
            continue;
        if (c == '.' && end == i + 1 && !dot_ends_sentence(text, i))
            continue;
        push_trimmed(sentences, text, start, end);
        start = end;
        i = end - 1;
    }
    push_trimmed(sentences, text, start, n);
    return sentences;
}

std::vector<Span> split_paragraphs(std::string_view text) {
    std::vector<Span> paragraphs;
    const std::size_t n = text.size();
    bool has_blank_line = false;
    for (std::size_t i = 0, line_start = 0; i <= n; ++i) {
        if (i == n || text[i] == '\n') {
            if (i > line_start && i < n && blank_between(text, line_start, i)) {
                has_blank_line = true;
                break;
            }
            if (i == line_start && i < n && i > 0) {
                has_blank_line = true;
                break;
            }
            line_start = i + 1;
        }
    }
    std::size_t start = 0;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (text[i] != '\n')
            continue;
        if (!has_blank_line) {
            push_trimmed(paragraphs, text, start, i);
            start = i + 1;
        } else if (blank_between(text, line_start, i)) {
            push_trimmed(paragraphs, text, start, line_start);
            start = i + 1;
        }
        line_start = i + 1;
    }
    push_trimmed(paragraphs, text, start, n);
    return paragraphs;
}

} // namespace dossier::extract
