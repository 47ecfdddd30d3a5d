#pragma once
// Data formats for other tools. Each returns the whole file as UTF-8; `visuals` (when not empty,
// aligned with graph.nodes) adds positions, sizes and colours where the format has a place.
#include "dossier/export/export_graph.h"

#include <string>
#include <vector>

namespace dossier::exporting {

// Graphviz DOT: a digraph; undirected relations carry dir=none; positions as pos="x,y!".
std::string write_dot(const ExportGraph& graph, const std::vector<NodeVisual>& visuals = {});
// GraphML with typed keys: label, type, aliases, community, metric_<name>, x, y, size, color,
// first_date, last_date on nodes; relation_type, weight, directed, first_date, last_date,
// evidence_count on edges.
std::string write_graphml(const ExportGraph& graph, const std::vector<NodeVisual>& visuals = {});
// GEXF 1.3 with viz:position/color/size and time intervals (start/end) from document dates.
std::string write_gexf(const ExportGraph& graph, const std::vector<NodeVisual>& visuals = {});
// Two CSV files (RFC 4180): nodes and edges.
struct CsvFiles {
    std::string nodes;
    std::string edges;
};
CsvFiles write_csv(const ExportGraph& graph, const std::vector<NodeVisual>& visuals = {});
// Cytoscape.js elements JSON: {"elements": {"nodes": [...], "edges": [...]}}; positions have
// y pointing down, as Cytoscape draws.
std::string write_cytoscape_json(const ExportGraph& graph,
                                 const std::vector<NodeVisual>& visuals = {});

} // namespace dossier::exporting
