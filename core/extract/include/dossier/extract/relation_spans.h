#pragma once
// Span look-ups shared by the relation extractors: which sentence, line or header line holds a
// byte offset. Every list is sorted by start and non-overlapping.
#include "dossier/model/document.h"

#include <optional>
#include <string_view>
#include <vector>

namespace dossier::extract {

// The span of `spans` that contains `offset`, if any (binary search).
std::optional<Span> span_containing(const std::vector<Span>& spans, std::uint32_t offset);
// The line of `text` around `offset`, without its line break.
Span line_around(std::string_view text, std::uint32_t offset);
// The sentence to quote for a mention at `at`: its header line when it is in the header, else
// its sentence, else its line.
Span quote_span_for(std::string_view text, const std::vector<Span>& header_lines,
                    const std::vector<Span>& sentences, Span at);

} // namespace dossier::extract
