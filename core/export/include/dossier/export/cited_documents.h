#pragma once
// Fills ExportGraph::documents with the records (store/document_records.h) of every document the
// evidence quotes, so the appendix and the citation files need nothing but the graph.
#include "dossier/export/export_graph.h"
#include "dossier/store/project.h"

namespace dossier::exporting {

void attach_cited_documents(store::Project& project, ExportGraph& graph);

} // namespace dossier::exporting
