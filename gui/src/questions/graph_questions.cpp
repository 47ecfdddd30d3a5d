#include "questions/graph_questions.h"

#include "dossier/graph/graph_snapshot.h"

#include <algorithm>

namespace dossier::gui {
namespace {

// The visible graph as a core snapshot: vertex i is node i (hidden nodes stay, isolated, so the
// indices match); edges are the visible relations (the overview's community nodes and edges are
// not entities: questions are asked of entities and relations).
graph::GraphSnapshot visible_snapshot(const ExplorerGraph& g, const VisibleGraph& visible) {
    std::vector<graph::NodeInfo> nodes(g.entity_count());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].entity = g.nodes[i].id;
        nodes[i].type = g.nodes[i].type;
    }
    std::vector<graph::GraphSnapshot::PlainEdge> edges;
    for (std::size_t e = 0; e < g.relation_count(); ++e) {
        if (e >= visible.edge_visible.size() || !visible.edge_visible[e])
            continue;
        const auto& edge = g.edges[e];
        edges.push_back({static_cast<std::size_t>(edge.source),
                         static_cast<std::size_t>(edge.target), edge.type.toStdString(),
                         edge.directed, edge.weight});
    }
    return graph::GraphSnapshot::from_edges(std::move(nodes), edges);
}

std::vector<int> visible_edges_between(const ExplorerGraph& g, const VisibleGraph& visible, int a,
                                       int b) {
    std::vector<int> out;
    for (std::size_t e = 0; e < g.relation_count(); ++e) {
        const auto& edge = g.edges[e];
        if (visible.edge_visible[e] &&
            ((edge.source == a && edge.target == b) || (edge.source == b && edge.target == a)))
            out.push_back(static_cast<int>(e));
    }
    return out;
}

} // namespace

Emphasis ego_network(const ExplorerGraph& graph, const VisibleGraph& visible,
                     const std::vector<int>& centres, int hops) {
    Emphasis out;
    if (centres.empty())
        return out;
    const auto snapshot = visible_snapshot(graph, visible);
    std::vector<graph::Vertex> from;
    for (int c : centres)
        from.push_back(static_cast<graph::Vertex>(c));
    std::vector<char> inside(graph.nodes.size(), 0);
    for (auto v : graph::ego_vertices(snapshot.simple(), from, std::max(0, hops))) {
        inside[v] = 1;
        out.nodes.push_back(static_cast<int>(v));
    }
    for (std::size_t e = 0; e < graph.relation_count(); ++e)
        if (visible.edge_visible[e] && inside[static_cast<std::size_t>(graph.edges[e].source)] &&
            inside[static_cast<std::size_t>(graph.edges[e].target)])
            out.edges.push_back(static_cast<int>(e));
    return out;
}

std::vector<ShownPath> find_paths(const ExplorerGraph& graph, const VisibleGraph& visible,
                                  int source, int target, graph::PathMode mode,
                                  std::size_t max_paths) {
    std::vector<ShownPath> out;
    const int n = static_cast<int>(graph.entity_count());
    if (source < 0 || target < 0 || source >= n || target >= n ||
        !visible.node_visible[static_cast<std::size_t>(source)] ||
        !visible.node_visible[static_cast<std::size_t>(target)])
        return out;
    const auto snapshot = visible_snapshot(graph, visible);
    graph::PathQuery query;
    query.mode = mode;
    query.max_paths = max_paths;
    for (const auto& path : graph::shortest_paths(snapshot, static_cast<graph::Vertex>(source),
                                                  static_cast<graph::Vertex>(target), query)) {
        ShownPath shown;
        shown.cost = path.cost;
        for (auto v : path.vertices)
            shown.nodes.push_back(static_cast<int>(v));
        for (const auto& hop : path.hops) {
            const int a = static_cast<int>(hop.from), b = static_cast<int>(hop.to);
            shown.hops.push_back({a, b, visible_edges_between(graph, visible, a, b)});
        }
        out.push_back(std::move(shown));
    }
    return out;
}

Emphasis emphasis_of(const std::vector<ShownPath>& paths) {
    Emphasis out;
    for (const auto& path : paths) {
        out.nodes.insert(out.nodes.end(), path.nodes.begin(), path.nodes.end());
        for (const auto& hop : path.hops)
            out.edges.insert(out.edges.end(), hop.edges.begin(), hop.edges.end());
    }
    for (auto* v : {&out.nodes, &out.edges}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    return out;
}

} // namespace dossier::gui
