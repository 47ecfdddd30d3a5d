#pragma once
// Everything the window shows about a project, read in one go on a worker thread with its own
// connection, then handed to the GUI thread whole (nothing in it touches SQLite afterwards).
#include "dossier/model/ids.h"
#include "dossier/model/job_control.h"
#include "panels/entity_names_model.h"
#include "state/explorer_graph.h"

#include <QString>
#include <QStringList>
#include <filesystem>
#include <memory>
#include <vector>

namespace dossier::gui {

struct DocumentRow {
    DocumentId id;
    QString date; // ISO at its precision
    MonthIndex month = 0;
    QString title;
    QString senders;
    QString recipients;
    QString classification;
    QString format;
};

struct ProjectSnapshot {
    std::filesystem::path path;
    std::vector<DocumentRow> documents; // moved into the Documents table when shown
    std::shared_ptr<ExplorerGraph> graph = std::make_shared<ExplorerGraph>();
    QStringList relation_types;
    std::vector<EntityNameRow> entity_names; // for the pickers, sorted on the worker (moved too)
    QStringList notes;        // what could not be computed and why (shown in the status bar)
    int stored_positions = 0; // nodes placed where the project remembers them
    // The last extraction was killed or cancelled (store::kExtractionIncompleteSetting): what
    // the project holds may lack entities and relations until it is run again.
    bool extraction_incomplete = false;
    // Documents imported but read by no extraction yet (an import with --no-extract, or one that
    // stopped before its extraction): their entities are missing too.
    int documents_not_extracted = 0;
    QString error; // the project could not be read at all: what and what to do
};

MonthIndex month_of_iso(const std::string& iso);

// Reads documents, entities, relations and (when the graph core is built) metrics and
// communities. Nodes go where the project remembers them (node_positions.h); the others get a
// quick provisional placement (importance spiral) so the first paint does not wait for Graphviz,
// and the real layout follows in the background (layout_controller.h).
// Throws store::StoreError when the file cannot be opened as a project.
// Metrics are left at zero (see add_graph_metrics) so a large project paints at once.
ProjectSnapshot load_project_snapshot(const std::filesystem::path& path,
                                      const CancelToken& cancel = {});

// Fills degree, betweenness, PageRank and community from the graph core (from the graph itself,
// on a worker thread), then adds the community overview (community_groups.h) if it is not there;
// a graph with the overview keeps its communities and PageRank. Appends to `notes` what was
// estimated or could not be computed.
// Returns false when `cancel` stopped it (the graph's metrics are then partly filled in).
bool add_graph_metrics(ExplorerGraph& graph, QStringList& notes, const CancelToken& cancel = {});

// The provisional placement: most connected nodes in the centre, the rest on a sunflower spiral
// (nodes with a stored position keep it).
void place_on_spiral(ExplorerGraph& graph);

} // namespace dossier::gui
