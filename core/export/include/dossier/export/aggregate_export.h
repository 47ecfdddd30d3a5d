#pragma once
// The adapter from an aggregate (graph/aggregate.h) to the graph an export writes: one node per
// community, one edge per linked pair of communities carrying the evidence of all its member
// relations.
#include "dossier/export/export_graph.h"
#include "dossier/graph/aggregate.h"
#include "dossier/store/project.h"

namespace dossier::exporting {

// Nodes: id "c<k>", type "community", community k, label from the aggregate, metrics "members"
// (member count) and "internal_weight"; first/last date span all relations of their members.
// Edges: id "c<a>-c<b>", undirected, the dominant relation type, summed weight; the evidence of
// every member relation, a sentence quoted by two member relations listed once.
ExportGraph export_graph_from_aggregate(store::Project& project,
                                        const graph::GraphSnapshot& snapshot,
                                        const graph::AggregateGraph& aggregate, bool with_evidence);

} // namespace dossier::exporting
