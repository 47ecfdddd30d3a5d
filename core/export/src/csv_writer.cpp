#include "dossier/export/data_writers.h"
#include "dossier/export/text_format.h"

#include <sstream>

namespace dossier::exporting {

CsvFiles write_csv(const ExportGraph& graph, const std::vector<NodeVisual>& visuals) {
    const auto metrics = graph.metric_names();
    std::ostringstream nodes;
    nodes << "id,label,type,aliases,community,first_date,last_date";
    for (const auto& name : metrics)
        nodes << ',' << csv_field(name);
    if (!visuals.empty())
        nodes << ",x,y,size,color";
    nodes << "\r\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        std::string aliases;
        for (const auto& alias : node.aliases)
            aliases += (aliases.empty() ? "" : "|") + alias;
        nodes << csv_field(node.id) << ',' << csv_field(node.label) << ',' << csv_field(node.type)
              << ',' << csv_field(aliases) << ','
              << (node.community ? std::to_string(*node.community) : std::string()) << ','
              << node.first_date << ',' << node.last_date;
        for (const auto& name : metrics) {
            const auto value = node.metric(name);
            nodes << ',' << (value ? format_number(*value) : std::string());
        }
        if (!visuals.empty())
            nodes << ',' << format_number(visuals[i].x) << ',' << format_number(visuals[i].y) << ','
                  << format_number(visuals[i].diameter) << ',' << visuals[i].color;
        nodes << "\r\n";
    }

    std::ostringstream edges;
    edges
        << "id,source,target,relation_type,directed,weight,first_date,last_date,evidence_count\r\n";
    for (const auto& edge : graph.edges)
        edges << csv_field(edge.id) << ',' << csv_field(graph.nodes[edge.source].id) << ','
              << csv_field(graph.nodes[edge.target].id) << ',' << csv_field(edge.type) << ','
              << (edge.directed ? "true" : "false") << ',' << format_number(edge.weight) << ','
              << edge.first_date << ',' << edge.last_date << ',' << edge.evidence.size() << "\r\n";
    return {nodes.str(), edges.str()};
}

} // namespace dossier::exporting
