#include "dossier/export/data_writers.h"
#include "dossier/export/text_format.h"

#include <sstream>

namespace dossier::exporting {
namespace {

std::string join_aliases(const std::vector<std::string>& aliases) {
    std::string out;
    for (const auto& alias : aliases)
        out += (out.empty() ? "" : "|") + alias;
    return out;
}

void data(std::ostringstream& out, const std::string& key, const std::string& value) {
    out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

} // namespace

std::string write_graphml(const ExportGraph& graph, const std::vector<NodeVisual>& visuals) {
    const auto metrics = graph.metric_names();
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    auto key = [&](const std::string& id, const char* domain, const char* type) {
        out << "  <key id=\"" << xml_escape(id) << "\" for=\"" << domain << "\" attr.name=\""
            << xml_escape(id) << "\" attr.type=\"" << type << "\"/>\n";
    };
    key("label", "node", "string");
    key("type", "node", "string");
    key("aliases", "node", "string");
    key("community", "node", "int");
    for (const auto& name : metrics)
        key("metric_" + name, "node", "double");
    if (!visuals.empty()) {
        key("x", "node", "double");
        key("y", "node", "double");
        key("size", "node", "double");
        key("color", "node", "string");
    }
    key("first_date", "node", "string");
    key("last_date", "node", "string");
    key("relation_type", "edge", "string");
    key("weight", "edge", "double");
    key("directed", "edge", "boolean");
    key("edge_first_date", "edge", "string");
    key("edge_last_date", "edge", "string");
    key("evidence_count", "edge", "int");

    out << "  <graph id=\"dossier\" edgedefault=\"directed\">\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        out << "    <node id=\"" << xml_escape(node.id) << "\">\n";
        data(out, "label", node.label);
        data(out, "type", node.type);
        if (!node.aliases.empty())
            data(out, "aliases", join_aliases(node.aliases));
        if (node.community)
            data(out, "community", std::to_string(*node.community));
        for (const auto& [name, value] : node.metrics)
            data(out, "metric_" + name, format_number(value));
        if (!visuals.empty()) {
            data(out, "x", format_number(visuals[i].x));
            data(out, "y", format_number(visuals[i].y));
            data(out, "size", format_number(visuals[i].diameter));
            data(out, "color", visuals[i].color);
        }
        if (!node.first_date.empty())
            data(out, "first_date", node.first_date);
        if (!node.last_date.empty())
            data(out, "last_date", node.last_date);
        out << "    </node>\n";
    }
    for (const auto& edge : graph.edges) {
        out << "    <edge id=\"" << xml_escape(edge.id) << "\" source=\""
            << xml_escape(graph.nodes[edge.source].id) << "\" target=\""
            << xml_escape(graph.nodes[edge.target].id) << "\">\n";
        data(out, "relation_type", edge.type);
        data(out, "weight", format_number(edge.weight));
        data(out, "directed", edge.directed ? "true" : "false");
        if (!edge.first_date.empty())
            data(out, "edge_first_date", edge.first_date);
        if (!edge.last_date.empty())
            data(out, "edge_last_date", edge.last_date);
        data(out, "evidence_count", std::to_string(edge.evidence.size()));
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
    return out.str();
}

} // namespace dossier::exporting
