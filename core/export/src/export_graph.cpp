#include "dossier/export/export_graph.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>

namespace dossier::exporting {

std::optional<double> ExportNode::metric(const std::string& name) const {
    for (const auto& [key, value] : metrics)
        if (key == name)
            return value;
    return std::nullopt;
}

void ExportGraph::sort_canonically() {
    std::vector<std::size_t> order(nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return nodes[a].id < nodes[b].id; });
    std::vector<std::size_t> new_index(nodes.size());
    std::vector<ExportNode> sorted;
    sorted.reserve(nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        new_index[order[i]] = i;
        sorted.push_back(std::move(nodes[order[i]]));
    }
    nodes = std::move(sorted);
    for (auto& node : nodes)
        std::sort(node.metrics.begin(), node.metrics.end());
    for (auto& edge : edges) {
        edge.source = new_index[edge.source];
        edge.target = new_index[edge.target];
    }
    std::stable_sort(edges.begin(), edges.end(), [&](const ExportEdge& a, const ExportEdge& b) {
        return std::tie(nodes[a.source].id, nodes[a.target].id, a.type, a.id) <
               std::tie(nodes[b.source].id, nodes[b.target].id, b.type, b.id);
    });
}

std::vector<std::string> ExportGraph::metric_names() const {
    std::set<std::string> names;
    for (const auto& node : nodes)
        for (const auto& metric : node.metrics)
            names.insert(metric.first);
    return {names.begin(), names.end()};
}

} // namespace dossier::exporting
