#pragma once
// One export of a view's graph, whatever asks for it: `dossier export` and the explorer's Export
// dialog both write through here, so the same view gives the same files. A figure (svg, pdf,
// png) is built by build_figure from a layout; a data file (dot, graphml, gexf, csv, json)
// carries positions when a layout is given; the evidence appendix and the citations (CSL-JSON or
// BibTeX) follow when the view's export section names their files.
#include "dossier/export/export_graph.h"
#include "dossier/export/figure_files.h"
#include "dossier/export/view_options.h"
#include "dossier/layout/layout_request.h"
#include "dossier/render/figure_renderer.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dossier::exporting {

const std::vector<std::string>& figure_formats(); // svg pdf png
const std::vector<std::string>& data_formats();   // dot graphml gexf csv json
bool is_figure_format(const std::string& format);
bool is_export_format(const std::string& format);

// CSV: graph.csv (or graph) becomes graph-nodes.csv and graph-edges.csv.
std::pair<std::filesystem::path, std::filesystem::path>
csv_paths(const std::filesystem::path& output);

// Writes `graph` as options.export_options.format to `output`, then the evidence appendix and
// the citations (the graph must carry evidence for them: export_graph_for_view's with_evidence).
// A figure needs `placed` (std::invalid_argument without it); figures need a QGuiApplication.
// Returns what the renderer did for a figure. Throws std::runtime_error naming the file that
// could not be written, std::invalid_argument for an unknown format.
std::optional<render::RenderReport> write_export(const ExportGraph& graph,
                                                 const layout::LayoutResult* placed,
                                                 const ViewOptions& options, const PageSetup& page,
                                                 const std::filesystem::path& output);

// Positions chosen elsewhere (the explorer's screen) as a layout of `graph`'s nodes: sized as
// make_layout_request sizes them, edges straight. `position_of` gives a node's centre (points,
// y up) by node id, or nothing for a node it does not have (std::invalid_argument naming it).
layout::LayoutResult
placed_at(const ExportGraph& graph, const ViewOptions& options,
          const std::function<std::optional<layout::Point>(const std::string& id)>& position_of);

} // namespace dossier::exporting
