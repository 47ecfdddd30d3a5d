#include "dossier/export/snapshot_export.h"

#include "dossier/export/cited_documents.h"
#include "dossier/store/graph_source.h"

#include <unordered_map>

namespace dossier::exporting {
namespace {

void widen(std::string& first, std::string& last, const std::string& from, const std::string& to) {
    // ISO dates at any precision compare correctly as text for their common prefix.
    if (!from.empty() && (first.empty() || from < first))
        first = from;
    const std::string& end = to.empty() ? from : to;
    if (!end.empty() && (last.empty() || end > last))
        last = end;
}

} // namespace

ExportGraph export_graph_from_snapshot(store::Project& project,
                                       const graph::GraphSnapshot& snapshot,
                                       const graph::MetricResult& metrics, bool with_evidence) {
    ExportGraph out;
    const auto& g = snapshot.graph();
    const std::size_t n = snapshot.node_count();

    std::unordered_map<EntityId, std::vector<std::string>> aliases;
    for (auto& name : store::load_entity_names(project))
        if (name.is_alias)
            aliases[name.id].push_back(std::move(name.name));

    std::vector<std::pair<graph::Metric, std::vector<double>>> columns;
    for (graph::Metric metric : graph::all_metrics())
        if (metric != graph::Metric::Community && metrics.has(metric))
            columns.emplace_back(metric, metrics.values(metric));
    const bool has_communities = metrics.has(graph::Metric::Community);

    out.nodes.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        const auto& info = snapshot.node(v);
        ExportNode node;
        node.id = std::to_string(info.entity.value);
        node.label = info.name;
        node.type = std::string(to_string(info.type));
        if (auto found = aliases.find(info.entity); found != aliases.end()) {
            node.aliases = found->second;
            std::sort(node.aliases.begin(), node.aliases.end());
        }
        for (const auto& [metric, values] : columns)
            if (v < values.size())
                node.metrics.emplace_back(std::string(graph::to_string(metric)), values[v]);
        if (has_communities && v < metrics.community.size())
            node.community = metrics.community[v];
        out.nodes.push_back(std::move(node));
    }

    std::vector<RelationId> relation_ids;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const auto& info = snapshot.edge(*it);
        ExportEdge edge;
        edge.id = "r" + std::to_string(info.relation.value);
        edge.source = boost::source(*it, g);
        edge.target = boost::target(*it, g);
        edge.type = snapshot.relation_type_name(info.type);
        edge.weight = info.weight;
        edge.directed = info.directed;
        edge.first_date = info.first_date;
        edge.last_date = info.last_date;
        widen(out.nodes[edge.source].first_date, out.nodes[edge.source].last_date, edge.first_date,
              edge.last_date);
        widen(out.nodes[edge.target].first_date, out.nodes[edge.target].last_date, edge.first_date,
              edge.last_date);
        relation_ids.push_back(info.relation);
        out.edges.push_back(std::move(edge));
    }

    if (with_evidence && !relation_ids.empty()) {
        std::unordered_map<RelationId, std::size_t> edge_of;
        for (std::size_t i = 0; i < relation_ids.size(); ++i)
            edge_of[relation_ids[i]] = i;
        for (auto& sentence : store::load_evidence(project, relation_ids)) {
            auto found = edge_of.find(sentence.relation);
            if (found == edge_of.end())
                continue;
            out.edges[found->second].evidence.push_back(
                {std::to_string(sentence.document.value), std::move(sentence.document_title),
                 std::move(sentence.document_date), sentence.page, std::move(sentence.sentence)});
        }
    }
    if (with_evidence)
        attach_cited_documents(project, out);
    out.sort_canonically();
    return out;
}

} // namespace dossier::exporting
