#include "dossier/importers/ocr_text_normalisation.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dossier::importers {
namespace {

// The page as OCR laid it out: each word with the separator before it ("", " ", "\n", "\n\n").
struct Piece {
    std::string separator;
    std::string word;
};

// The code point at the start of `s` and its length in bytes (0xFFFD, 1 for a broken sequence).
std::pair<char32_t, std::size_t> first_code_point(std::string_view s) {
    if (s.empty())
        return {0, 0};
    const auto b = static_cast<unsigned char>(s[0]);
    const std::size_t length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
    if (length > s.size())
        return {0xFFFD, 1};
    char32_t c = length == 1 ? b : b & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i)
        c = (c << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return {c, length};
}

char32_t last_code_point(std::string_view s) {
    if (s.empty())
        return 0;
    std::size_t at = s.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80)
        --at;
    return first_code_point(s.substr(at)).first;
}

// Latin, Greek and Cyrillic capitals (the scripts of the OCR languages Dossier installs).
bool is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}
bool is_lower(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F);
}
bool is_letter(char32_t c) {
    // Latin Extended-A/B mixes cases letter by letter; enough here that they are letters.
    return is_upper(c) || is_lower(c) || (c >= 0x100 && c <= 0x24F);
}

void replace_ligatures(std::string& word) {
    static const std::array<std::pair<std::string_view, std::string_view>, 7> ligatures{{
        {"\uFB00", "ff"},
        {"\uFB01", "fi"},
        {"\uFB02", "fl"},
        {"\uFB03", "ffi"},
        {"\uFB04", "ffl"},
        {"\uFB05", "st"},
        {"\uFB06", "st"},
    }};
    if (word.find("\xEF\xAC") == std::string::npos) // every one of them is EF AC 80-86
        return;
    for (const auto& [ligature, letters] : ligatures)
        for (auto at = word.find(ligature); at != std::string::npos; at = word.find(ligature, at))
            word.replace(at, ligature.size(), letters);
}

bool is_single_capital(std::string_view word) {
    const auto [c, length] = first_code_point(word);
    return length == word.size() && is_upper(c);
}

void close_letter_spacing(std::vector<Piece>& pieces, const std::vector<OcrWord>& words) {
    for (std::size_t begin = 0; begin < pieces.size();) {
        std::size_t end = begin + 1;
        if (is_single_capital(pieces[begin].word))
            while (end < pieces.size() && pieces[end].separator == " " &&
                   is_single_capital(pieces[end].word))
                ++end;
        if (end - begin >= 3) {
            std::vector<std::int32_t> gaps;
            for (std::size_t i = begin + 1; i < end; ++i)
                gaps.push_back(words[i].box.left - words[i - 1].box.right);
            auto sorted = gaps;
            std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
            const std::int32_t median = std::max<std::int32_t>(sorted[sorted.size() / 2], 1);
            for (std::size_t i = begin + 1; i < end; ++i)
                if (gaps[i - begin - 1] <= 2 * median)
                    pieces[i].separator.clear();
        }
        begin = end;
    }
}

// The hyphen a word ends with ("-", U+2010, U+00AD, U+00AC) and its length, or 0.
std::size_t trailing_hyphen(std::string_view word, bool& only_marks_a_break) {
    only_marks_a_break = false;
    if (word.ends_with('-') || word.ends_with("\u2010"))
        return word.ends_with('-') ? 1 : 3;
    if (word.ends_with("\u00AD") || word.ends_with("\u00AC")) {
        only_marks_a_break = true;
        return 2;
    }
    return 0;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The letters of a word without what punctuation ends it ("myko," -> "myko").
std::string_view letters_part(std::string_view word) {
    while (!word.empty() && std::string_view(".,;:!?)]'\"").find(word.back()) != std::string::npos)
        word.remove_suffix(1);
    return word;
}

void join_hyphenated_lines(std::vector<Piece>& pieces, const IsDictionaryWord& is_word) {
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
        auto& head = pieces[i].word;
        auto& next = pieces[i + 1];
        if (next.separator != "\n")
            continue;
        bool only_marks_a_break = false;
        const std::size_t hyphen = trailing_hyphen(head, only_marks_a_break);
        if (hyphen == 0 || hyphen == head.size())
            continue;
        const std::string_view before(head.data(), head.size() - hyphen);
        // What comes before the hyphen and what starts the next line must be letters.
        if (!is_letter(last_code_point(before)))
            continue;
        const char32_t first = first_code_point(next.word).first;
        if (!is_letter(first))
            continue;
        bool keep_hyphen = false;
        if (!only_marks_a_break) {
            if (!is_lower(first)) {
                keep_hyphen = true; // "Soviet-American"
            } else {
                const auto last_dash = before.rfind('-');
                const auto half = lower_ascii(
                    last_dash == std::string::npos ? before : before.substr(last_dash + 1));
                const auto tail = lower_ascii(letters_part(next.word));
                keep_hyphen = is_word(half + "-" + tail) ||
                              (is_word(half) && is_word(tail) && !is_word(half + tail));
            }
        }
        if (!keep_hyphen)
            head.resize(head.size() - hyphen);
        else if (hyphen != 1)
            head.replace(head.size() - hyphen, hyphen, "-");
        next.separator.clear();
    }
}

} // namespace

void normalise_ocr_text(PageText& page, const IsDictionaryWord& is_word) {
    auto& words = page.ocr.words;
    if (words.empty())
        return;
    std::vector<Piece> pieces;
    pieces.reserve(words.size());
    std::uint32_t previous_end = 0;
    for (const auto& w : words) {
        pieces.push_back({page.text.substr(previous_end, w.start - previous_end),
                          page.text.substr(w.start, w.end - w.start)});
        previous_end = w.end;
    }
    const std::string rest = page.text.substr(previous_end);

    for (auto& piece : pieces)
        replace_ligatures(piece.word);
    close_letter_spacing(pieces, words);
    join_hyphenated_lines(pieces, is_word);

    std::string text;
    text.reserve(page.text.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        text += pieces[i].separator;
        words[i].start = static_cast<std::uint32_t>(text.size());
        text += pieces[i].word;
        words[i].end = static_cast<std::uint32_t>(text.size());
    }
    page.text = text + rest;
}

} // namespace dossier::importers
