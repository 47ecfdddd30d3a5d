#pragma once
// What a node's label says in a figure: documents by their reference as a historian cites them
// ("Tel. 1742", "Protocol No. 217", "Memcon 1980-03-20") and other names cut with an ellipsis
// past a length the analyst sets. Full names stay in the data files and the evidence appendix.
#include <QString>
#include <string_view>

namespace dossier::render {

struct LabelRule {
    int max_chars = 28;                 // longer names end in "…"; 0: never shortened
    bool documents_by_reference = true; // false: documents by their (shortened) title
};

// The short reference of a document title, or an empty string when the title has none that the
// rule knows. `date` (ISO, any precision, may be empty) completes references that are a kind of
// document rather than a number (a memorandum of conversation).
QString document_reference(const QString& title, const QString& date);

// The label of a node of `type` named `name` under `rule`.
QString figure_label(std::string_view type, const QString& name, const QString& date,
                     const LabelRule& rule);

} // namespace dossier::render
