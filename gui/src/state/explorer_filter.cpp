#include "state/explorer_filter.h"

namespace dossier::gui {
namespace {

bool overlaps(MonthIndex first, MonthIndex last, const GraphFilter& filter) {
    if (filter.from_month == 0 && filter.to_month == 0)
        return true;
    if (first == 0 && last == 0)
        return false; // undated things leave the graph once a date range is chosen
    const MonthIndex lo = first == 0 ? last : first;
    const MonthIndex hi = last == 0 ? first : last;
    if (filter.from_month != 0 && hi < filter.from_month)
        return false;
    if (filter.to_month != 0 && lo > filter.to_month)
        return false;
    return true;
}

bool matches_text(const ExplorerNode& node, const QString& text) {
    if (text.isEmpty())
        return true;
    if (node.name.contains(text, Qt::CaseInsensitive))
        return true;
    for (const auto& alias : node.aliases)
        if (alias.contains(text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

VisibleGraph apply_filter(const ExplorerGraph& graph, const GraphFilter& filter) {
    VisibleGraph out;
    const auto n = graph.nodes.size();
    out.node_visible.assign(n, 0);
    out.edge_visible.assign(graph.edges.size(), 0);
    out.degree.assign(n, 0);
    const QString text = filter.text.trimmed();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = graph.nodes[i];
        out.node_visible[i] = !filter.hidden_types.contains(node.type) &&
                              overlaps(node.first_month, node.last_month, filter) &&
                              matches_text(node, text);
    }
    // A text query keeps the matches and their direct neighbours, so the answer has context.
    if (!text.isEmpty()) {
        std::vector<char> matched = out.node_visible;
        for (const auto& edge : graph.edges) {
            const auto s = static_cast<std::size_t>(edge.source);
            const auto t = static_cast<std::size_t>(edge.target);
            if (matched[s] && !filter.hidden_types.contains(graph.nodes[t].type))
                out.node_visible[t] = 1;
            if (matched[t] && !filter.hidden_types.contains(graph.nodes[s].type))
                out.node_visible[s] = 1;
        }
    }
    auto edge_passes = [&](const ExplorerEdge& edge) {
        return out.node_visible[static_cast<std::size_t>(edge.source)] &&
               out.node_visible[static_cast<std::size_t>(edge.target)] &&
               edge.weight >= filter.min_weight && !filter.hidden_relations.contains(edge.type) &&
               overlaps(edge.first_month, edge.last_month, filter);
    };
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        const auto& edge = graph.edges[e];
        if (!edge_passes(edge))
            continue;
        out.edge_visible[e] = 1;
        ++out.degree[static_cast<std::size_t>(edge.source)];
        ++out.degree[static_cast<std::size_t>(edge.target)];
    }
    if (filter.min_degree > 0) {
        for (std::size_t i = 0; i < n; ++i)
            if (out.node_visible[i] && out.degree[i] < filter.min_degree)
                out.node_visible[i] = 0;
        // Edges whose ends just left go too; degrees are recounted on what remains.
        std::fill(out.degree.begin(), out.degree.end(), 0);
        for (std::size_t e = 0; e < graph.edges.size(); ++e) {
            if (!out.edge_visible[e])
                continue;
            const auto& edge = graph.edges[e];
            if (!edge_passes(edge)) {
                out.edge_visible[e] = 0;
                continue;
            }
            ++out.degree[static_cast<std::size_t>(edge.source)];
            ++out.degree[static_cast<std::size_t>(edge.target)];
        }
    }
    for (char v : out.node_visible)
        out.node_count += v ? 1 : 0;
    for (char v : out.edge_visible)
        out.edge_count += v ? 1 : 0;
    return out;
}

} // namespace dossier::gui
