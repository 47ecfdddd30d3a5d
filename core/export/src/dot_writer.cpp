#include "dossier/export/data_writers.h"
#include "dossier/export/text_format.h"

#include <sstream>

namespace dossier::exporting {

std::string write_dot(const ExportGraph& graph, const std::vector<NodeVisual>& visuals) {
    std::ostringstream out;
    out << "digraph dossier {\n";
    if (!visuals.empty())
        out << "  graph [inputscale=72];\n  node [shape=ellipse];\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        out << "  " << dot_quote(node.id) << " [label=" << dot_quote(node.label)
            << ", type=" << dot_quote(node.type);
        if (node.community)
            out << ", community=" << *node.community;
        for (const auto& [name, value] : node.metrics)
            out << ", " << dot_quote("metric_" + name) << "=" << dot_quote(format_number(value));
        if (!visuals.empty()) {
            const auto& v = visuals[i];
            out << ", pos=" << dot_quote(format_number(v.x) + "," + format_number(v.y) + "!")
                << ", width=" << format_number(v.diameter / 72.0)
                << ", height=" << format_number(v.diameter / 72.0)
                << ", style=filled, fillcolor=" << dot_quote(v.color);
        }
        out << "];\n";
    }
    for (const auto& edge : graph.edges) {
        out << "  " << dot_quote(graph.nodes[edge.source].id) << " -> "
            << dot_quote(graph.nodes[edge.target].id) << " [id=" << dot_quote(edge.id)
            << ", type=" << dot_quote(edge.type)
            << ", weight=" << dot_quote(format_number(edge.weight));
        if (!edge.directed)
            out << ", dir=none";
        if (!edge.first_date.empty())
            out << ", first_date=" << dot_quote(edge.first_date);
        if (!edge.last_date.empty())
            out << ", last_date=" << dot_quote(edge.last_date);
        out << "];\n";
    }
    out << "}\n";
    return out.str();
}

} // namespace dossier::exporting
