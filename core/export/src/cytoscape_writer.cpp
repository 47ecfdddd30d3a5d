#include "dossier/export/data_writers.h"

#include <nlohmann/json.hpp>

namespace dossier::exporting {

std::string write_cytoscape_json(const ExportGraph& graph, const std::vector<NodeVisual>& visuals) {
    // ordered_json keeps keys in insertion order, so the file reads naturally and never changes.
    using nlohmann::ordered_json;
    ordered_json nodes = ordered_json::array();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        ordered_json data;
        data["id"] = node.id;
        data["label"] = node.label;
        data["type"] = node.type;
        data["aliases"] = node.aliases;
        if (node.community)
            data["community"] = *node.community;
        for (const auto& [name, value] : node.metrics)
            data["metric_" + name] = value;
        if (!node.first_date.empty())
            data["first_date"] = node.first_date;
        if (!node.last_date.empty())
            data["last_date"] = node.last_date;
        ordered_json element;
        element["data"] = std::move(data);
        if (!visuals.empty()) {
            element["data"]["size"] = visuals[i].diameter;
            element["data"]["color"] = visuals[i].color;
            // Cytoscape's y axis points down; Graphviz's points up.
            element["position"] = {{"x", visuals[i].x}, {"y", -visuals[i].y + 0.0}};
        }
        nodes.push_back(std::move(element));
    }
    ordered_json edges = ordered_json::array();
    for (const auto& edge : graph.edges) {
        ordered_json data;
        data["id"] = edge.id;
        data["source"] = graph.nodes[edge.source].id;
        data["target"] = graph.nodes[edge.target].id;
        data["relation_type"] = edge.type;
        data["weight"] = edge.weight;
        data["directed"] = edge.directed;
        if (!edge.first_date.empty())
            data["first_date"] = edge.first_date;
        if (!edge.last_date.empty())
            data["last_date"] = edge.last_date;
        data["evidence_count"] = edge.evidence.size();
        edges.push_back({{"data", std::move(data)}});
    }
    ordered_json root;
    root["elements"] = {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
    return root.dump(2) + "\n";
}

} // namespace dossier::exporting
