#include "dossier/export/evidence_appendix.h"

#include "dossier/export/citations.h"
#include "dossier/export/text_format.h"

#include <sstream>
#include <unordered_map>

namespace dossier::exporting {

std::string write_evidence_csv(const ExportGraph& graph) {
    std::unordered_map<std::string, std::string> citations;
    for (const auto& document : graph.documents)
        citations.emplace(document.id, cite_document(document));
    std::ostringstream out;
    out << "relation_type,source,target,document,document_id,date,page,sentence,citation\r\n";
    for (const auto& edge : graph.edges) {
        const auto& source = graph.nodes[edge.source].label;
        const auto& target = graph.nodes[edge.target].label;
        for (const auto& evidence : edge.evidence)
            out << csv_field(edge.type) << ',' << csv_field(source) << ',' << csv_field(target)
                << ',' << csv_field(evidence.document_title) << ','
                << csv_field(evidence.document_id) << ',' << evidence.date << ','
                << (evidence.page > 0 ? std::to_string(evidence.page) : std::string()) << ','
                << csv_field(evidence.sentence) << ','
                << csv_field(citations.contains(evidence.document_id)
                                 ? citations.at(evidence.document_id)
                                 : cite_evidence(evidence))
                << "\r\n";
    }
    return out.str();
}

} // namespace dossier::exporting
