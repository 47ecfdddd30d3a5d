#pragma once
// The graph a view file shows, ready for any writer: the project filtered by the view's filter
// (top-N and minimum weight included), its metrics, and one node per community when the view
// aggregates. Figures, data files, the evidence appendix and the explorer's exports all start
// here, so they show one graph.
#include "dossier/export/export_graph.h"
#include "dossier/graph/view_spec.h"
#include "dossier/store/project.h"

#include <vector>

namespace dossier::exporting {

// `metrics` are computed on the filtered graph (entity nodes); an aggregated graph carries its
// own node metrics instead ("members", "internal_weight"). ExportGraph::reduction says what the
// filter's top-N and minimum weight and the aggregation left out or merged.
ExportGraph export_graph_for_view(store::Project& project, const graph::ViewSpec& view,
                                  const std::vector<graph::Metric>& metrics, bool with_evidence);

// What the filter's top-N and minimum weight and an aggregation into `communities` nodes
// (0: none) did to this snapshot.
ExportReduction describe_reduction(const graph::GraphSnapshot& snapshot,
                                   const graph::GraphFilter& filter, std::size_t communities);

} // namespace dossier::exporting
