#pragma once
// Sentence and paragraph boundaries as byte spans of the document text, so relations can quote
// the sentence behind them and co-occurrence can count per sentence and per paragraph.
#include "dossier/model/document.h"

#include <string_view>
#include <vector>

namespace dossier::extract {

// Sentences end at . ! ? (with closing quotes/brackets) followed by space and an upper-case
// letter, digit or opening quote, and at paragraph breaks. Abbreviations ("No.", "Mr.", "U.S.",
// "prot."), single-letter initials ("A. A. Gromyko") and numbers ("p. 5") do not end a sentence.
// Spans are trimmed of surrounding white space; empty sentences are dropped. Linear time.
std::vector<Span> split_sentences(std::string_view text);

// Paragraphs are separated by blank lines (lines holding only white space). Text with no blank
// lines but very long lines (a cable pasted as one line per paragraph) uses every line break.
std::vector<Span> split_paragraphs(std::string_view text);

} // namespace dossier::extract
