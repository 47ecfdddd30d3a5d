#pragma once
// The evidence appendix: one CSV row per sentence behind each drawn edge, so a reviewer can
// audit a figure. Columns: relation_type, source, target, document, document_id, date, page,
// sentence, citation (the document cited as a historian does: citations.h).
#include "dossier/export/export_graph.h"

#include <string>

namespace dossier::exporting {

std::string write_evidence_csv(const ExportGraph& graph);

} // namespace dossier::exporting
