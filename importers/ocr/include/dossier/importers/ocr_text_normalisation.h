#pragma once
// OCR text made fit for extraction, before it is stored: words split by a line-end hyphen are
// joined, typographic ligatures become their letters, and letter-spaced headings become words.
// Only the text between and inside OCR words changes; every word keeps its box, and its span is
// moved to where its letters land, so each character of the result still maps back to the page
// region it was read from (a joined "Gro-" + "myko" is two adjacent spans, two boxes).
#include "dossier/importers/ocr_types.h"

#include <functional>
#include <string_view>

namespace dossier::importers {

// True when a word (lower case) is in the OCR language's word list (Tesseract's dictionary).
using IsDictionaryWord = std::function<bool(std::string_view word)>;

// The rules, in this order (docs/OCR.md, "Text normalisation"):
// 1. Ligatures: U+FB00-FB06 (ff, fi, fl, ffi, ffl, long s t, st) become their letters.
// 2. Letter-spaced runs: three or more one-letter upper-case words in a row on one line
//    ("M E M O R A N D U M") are one word; where the gap between two letters' boxes is more than
//    twice the run's median gap a space stays ("M E M O   O F" -> "MEMO OF").
// 3. Line-end hyphens: a word ending in '-' (or U+2010, a soft hyphen U+00AD, a '¬') at the end
//    of a line, followed on the next line of the same paragraph by a word starting with a letter:
//    - next word starts lower case: the two are joined without the hyphen ("Gro-\nmyko" ->
//      "Gromyko", "be-\ncause" -> "because"), unless the dictionary holds the hyphenated
//      compound ("well-known", "so-called"), or holds both halves but not the joined word
//      ("self-determination"): then joined with its hyphen;
//    - next word starts upper case: a compound of names, joined with the hyphen
//      ("Soviet-\nAmerican" -> "Soviet-American"), the soft hyphen and '¬' excepted (always
//      dropped: they only ever mark a break).
void normalise_ocr_text(PageText& page, const IsDictionaryWord& is_word);

} // namespace dossier::importers
