#pragma once
// The questions analysts ask of the graph shown (what the filters leave visible): the ego
// network of a selection and the shortest paths between two entities. Both run core/graph's
// algorithms on a snapshot of the visible graph and answer in node and edge indices of the
// ExplorerGraph, which is what GraphView::set_emphasis takes.
#include "dossier/graph/paths.h"
#include "state/explorer_filter.h"
#include "state/explorer_graph.h"

#include <vector>

namespace dossier::gui {

struct Emphasis {
    std::vector<int> nodes;
    std::vector<int> edges;
};

// Nodes within `hops` steps of `centres` over visible edges, and the visible edges among them.
Emphasis ego_network(const ExplorerGraph& graph, const VisibleGraph& visible,
                     const std::vector<int>& centres, int hops);

struct ShownHop {
    int from = 0;           // node index
    int to = 0;             // node index
    std::vector<int> edges; // every visible edge between the two (the relations behind the hop)
};

struct ShownPath {
    std::vector<int> nodes; // from source to target
    std::vector<ShownHop> hops;
    double cost = 0; // hops, or the summed 1 / weight
};

// Shortest paths between two nodes over visible edges (graph::shortest_paths): every shortest
// path by hops (up to max_paths), or the cheapest by weight. Empty when they are not connected
// in what is shown, or one of them is hidden.
std::vector<ShownPath> find_paths(const ExplorerGraph& graph, const VisibleGraph& visible,
                                  int source, int target, graph::PathMode mode,
                                  std::size_t max_paths = 5);

// The nodes and hop edges of the paths, for the graph view.
Emphasis emphasis_of(const std::vector<ShownPath>& paths);

} // namespace dossier::gui
