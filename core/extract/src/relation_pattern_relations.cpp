// Typed relations read from the prose by the rules file, one evidence row per match.
#include "dossier/extract/relation_document.h"
#include "dossier/extract/relation_spans.h"

#include <algorithm>

namespace dossier::extract {

void extract_pattern_relations(const RelationDocumentInput& input,
                               const RelationPatternMatcher& matcher, RelationAccumulator& out) {
    const auto origin = find_origin_country(input);
    for (const auto& sentence : input.sentences) {
        auto first = std::lower_bound(
            input.mentions.begin(), input.mentions.end(), sentence.start,
            [](const SentenceMention& m, std::uint32_t v) { return m.span.start < v; });
        auto last = first;
        while (last != input.mentions.end() && last->span.start < sentence.end)
            ++last;
        if (first == last)
            continue;
        const std::span<const SentenceMention> inside(&*first,
                                                      static_cast<std::size_t>(last - first));
        for (const auto& match : matcher.match(input.text, sentence, inside, origin)) {
            const auto& rule = *match.rule;
            // A match inside one header line ("Re: ... American-Chinese military cooperation")
            // quotes that line rather than the run of header lines the splitter joined.
            Span quote = sentence;
            if (auto line = span_containing(input.header_lines, match.target_span.start);
                line && match.target_span.end <= line->end &&
                (match.source_span.size() == 0 ||
                 (match.source_span.start >= line->start && match.source_span.end <= line->end)))
                quote = *line;
            out.add(rule.type, match.source, match.target, rule.directed, rule.confidence,
                    "pattern:" + rule.id,
                    Evidence{input.id, quote, match.source_span, match.target_span}, input.date);
        }
    }
}

} // namespace dossier::extract
