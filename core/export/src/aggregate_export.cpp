#include "dossier/export/aggregate_export.h"

#include "dossier/export/cited_documents.h"
#include "dossier/store/graph_source.h"

#include <set>
#include <unordered_map>

namespace dossier::exporting {
namespace {

void widen(std::string& first, std::string& last, std::string_view from, std::string_view to) {
    // ISO dates at any precision compare correctly as text for their common prefix.
    if (!from.empty() && (first.empty() || from < first))
        first = from;
    const std::string_view end = to.empty() ? from : to;
    if (!end.empty() && (last.empty() || end > last))
        last = end;
}

std::vector<ExportNode> community_nodes(const graph::GraphSnapshot& snapshot,
                                        const graph::AggregateGraph& aggregate) {
    std::vector<ExportNode> nodes;
    nodes.reserve(aggregate.nodes.size());
    for (const auto& community : aggregate.nodes) {
        ExportNode node;
        node.id = community.id;
        node.label = community.label;
        node.type = community.is_entity
                        ? std::string(to_string(snapshot.node(community.members.front()).type))
                        : "community";
        node.community = community.community;
        node.metrics = {{"internal_weight", community.internal_weight},
                        {"members", static_cast<double>(community.stands_for)}};
        nodes.push_back(std::move(node));
    }
    const auto& g = snapshot.graph();
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const auto& info = snapshot.edge(*it);
        for (auto v : {boost::source(*it, g), boost::target(*it, g)}) {
            auto& node = nodes[aggregate.node_of_vertex[v]];
            widen(node.first_date, node.last_date, info.first_date, info.last_date);
        }
    }
    return nodes;
}

void add_evidence(store::Project& project, const graph::GraphSnapshot& snapshot,
                  const graph::AggregateGraph& aggregate, std::vector<ExportEdge>& edges) {
    std::vector<RelationId> relations;
    std::unordered_map<RelationId, std::size_t> edge_of;
    for (std::size_t i = 0; i < aggregate.edges.size(); ++i)
        for (auto e : aggregate.edges[i].relations) {
            relations.push_back(snapshot.edge(e).relation);
            edge_of[relations.back()] = i;
        }
    std::vector<std::set<std::pair<std::int64_t, std::string>>> seen(edges.size());
    for (auto& sentence : store::load_evidence(project, relations)) {
        const auto i = edge_of.at(sentence.relation);
        if (!seen[i].insert({sentence.document.value, sentence.sentence}).second)
            continue;
        edges[i].evidence.push_back(
            {std::to_string(sentence.document.value), std::move(sentence.document_title),
             std::move(sentence.document_date), sentence.page, std::move(sentence.sentence)});
    }
}

} // namespace

ExportGraph export_graph_from_aggregate(store::Project& project,
                                        const graph::GraphSnapshot& snapshot,
                                        const graph::AggregateGraph& aggregate,
                                        bool with_evidence) {
    ExportGraph out;
    out.nodes = community_nodes(snapshot, aggregate);
    out.edges.reserve(aggregate.edges.size());
    for (const auto& pair : aggregate.edges) {
        ExportEdge edge;
        // A relation between two entities drawn themselves keeps its id and direction, as an
        // export without aggregation writes it.
        edge.id = pair.merged
                      ? aggregate.nodes[pair.source].id + "-" + aggregate.nodes[pair.target].id
                      : "r" + std::to_string(snapshot.edge(pair.relations.front()).relation.value);
        edge.source = pair.source;
        edge.target = pair.target;
        edge.type = snapshot.relation_type_name(pair.type);
        edge.weight = pair.weight;
        edge.directed = !pair.merged && snapshot.edge(pair.relations.front()).directed;
        for (auto e : pair.relations) {
            const auto& info = snapshot.edge(e);
            widen(edge.first_date, edge.last_date, info.first_date, info.last_date);
        }
        out.edges.push_back(std::move(edge));
    }
    if (with_evidence) {
        add_evidence(project, snapshot, aggregate, out.edges);
        attach_cited_documents(project, out);
    }
    out.sort_canonically();
    return out;
}

} // namespace dossier::exporting
