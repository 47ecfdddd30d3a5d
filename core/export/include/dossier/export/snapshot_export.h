#pragma once
// The adapter from the graph core: a GraphSnapshot (a filtered view of the project) and its
// metrics become an ExportGraph, with aliases and the evidence sentences read from the store.
#include "dossier/export/export_graph.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/store/project.h"

namespace dossier::exporting {

// Node ids are entity ids, edge ids "r<relation id>"; the result is in canonical order.
// A node's first/last date span the dates of its drawn relations.
ExportGraph export_graph_from_snapshot(store::Project& project,
                                       const graph::GraphSnapshot& snapshot,
                                       const graph::MetricResult& metrics, bool with_evidence);

} // namespace dossier::exporting
