#include "dossier/extract/relation_spans.h"

#include <algorithm>

namespace dossier::extract {

std::optional<Span> span_containing(const std::vector<Span>& spans, std::uint32_t offset) {
    auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                               [](std::uint32_t value, const Span& s) { return value < s.start; });
    if (it == spans.begin())
        return std::nullopt;
    --it;
    if (offset < it->end)
        return *it;
    return std::nullopt;
}

Span line_around(std::string_view text, std::uint32_t offset) {
    const std::size_t at = std::min<std::size_t>(offset, text.size());
    const std::size_t before = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos)
        end = text.size();
    while (end > start && (text[end - 1] == '\r' || text[end - 1] == ' '))
        --end;
    return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
}

Span quote_span_for(std::string_view text, const std::vector<Span>& header_lines,
                    const std::vector<Span>& sentences, Span at) {
    if (auto line = span_containing(header_lines, at.start))
        return *line;
    if (auto sentence = span_containing(sentences, at.start))
        return *sentence;
    return line_around(text, at.start);
}

} // namespace dossier::extract
