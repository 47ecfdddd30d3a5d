#pragma once
// Turns an ExportGraph and its layout into a render::Figure: colours by type or community,
// sizes by a metric, edge widths by weight and strokes by relation type, legend entries.
#include "dossier/export/export_graph.h"
#include "dossier/export/view_options.h"
#include "dossier/layout/layout_request.h"
#include "dossier/render/figure.h"

#include <vector>

namespace dossier::exporting {

// Node diameters follow the size metric (so the layout leaves room for big nodes).
layout::LayoutRequest make_layout_request(const ExportGraph& graph, const ViewOptions& options);
std::vector<NodeVisual> node_visuals(const ExportGraph& graph, const layout::LayoutResult& placed,
                                     const StyleOptions& style);
render::Figure build_figure(const ExportGraph& graph, const layout::LayoutResult& placed,
                            const StyleOptions& style);

} // namespace dossier::exporting
