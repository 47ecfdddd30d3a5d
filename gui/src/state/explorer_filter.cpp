#include "state/explorer_filter.h"

#include "dossier/graph/view_selection.h"

#include <algorithm>
#include <numeric>

namespace dossier::gui {

std::string iso_month(MonthIndex month) {
    return QStringLiteral("%1-%2")
        .arg(month / 12)
        .arg(month % 12 + 1, 2, 10, QLatin1Char('0'))
        .toStdString();
}

graph::GraphFilter view_filter(const GraphFilter& filter,
                               const std::vector<std::string>& relation_types) {
    graph::GraphFilter out;
    if (!filter.hidden_types.isEmpty())
        for (auto type : {EntityType::Person, EntityType::Organization, EntityType::Country,
                          EntityType::Place, EntityType::Document, EntityType::Date})
            if (!filter.hidden_types.contains(type))
                out.entity_types.push_back(type);
    if (!filter.hidden_relations.isEmpty()) {
        for (const auto& type : relation_types)
            if (!filter.hidden_relations.contains(QString::fromStdString(type)))
                out.relation_types.push_back(type);
        std::sort(out.relation_types.begin(), out.relation_types.end());
        if (out.relation_types.empty())
            out.relation_types.push_back(kNoRelationType);
    }
    out.min_weight = std::max(0.0, filter.min_weight);
    out.min_degree = static_cast<std::size_t>(std::max(0, filter.min_degree));
    out.name_query = filter.text.trimmed().toStdString();
    if (filter.from_month)
        out.date_from = iso_month(filter.from_month);
    if (filter.to_month)
        out.date_to = iso_month(filter.to_month);
    return out;
}

std::shared_ptr<const ExplorerSource> make_explorer_source(const ExplorerGraph& graph) {
    auto out = std::make_shared<ExplorerSource>();
    auto& source = out->source;
    // Entities and relations only: the community overview's nodes and edges are the
    // presentation's (presentation.h), not the filter's.
    std::vector<int> nodes(graph.entity_count());
    std::iota(nodes.begin(), nodes.end(), 0);
    std::sort(nodes.begin(), nodes.end(), [&](int a, int b) {
        return graph.nodes[static_cast<std::size_t>(a)].id.value <
               graph.nodes[static_cast<std::size_t>(b)].id.value;
    });
    for (int i : nodes) {
        const auto& node = graph.nodes[static_cast<std::size_t>(i)];
        store::GraphSourceEntity e;
        e.id = node.id;
        e.type = node.type;
        e.name = node.name.toStdString();
        e.alias_count = static_cast<std::uint32_t>(node.aliases.size());
        e.mention_count = static_cast<std::uint32_t>(node.mentions);
        out->names.push_back({node.id, node.type, e.name, false, false});
        for (const auto& alias : node.aliases)
            out->names.push_back({node.id, node.type, alias.toStdString(), true, false});
        source.entities.push_back(std::move(e));
        out->node_of.push_back(i);
    }
    std::vector<int> edges(graph.relation_count());
    std::iota(edges.begin(), edges.end(), 0);
    std::sort(edges.begin(), edges.end(), [&](int a, int b) {
        return graph.edges[static_cast<std::size_t>(a)].id.value <
               graph.edges[static_cast<std::size_t>(b)].id.value;
    });
    QHash<QString, std::uint32_t> type_of;
    for (int k : edges) {
        const auto& edge = graph.edges[static_cast<std::size_t>(k)];
        auto it = type_of.find(edge.type);
        if (it == type_of.end()) {
            it =
                type_of.insert(edge.type, static_cast<std::uint32_t>(source.relation_types.size()));
            source.relation_types.push_back(edge.type.toStdString());
        }
        store::GraphSourceRelation r;
        r.id = edge.id;
        r.source = graph.nodes[static_cast<std::size_t>(edge.source)].id;
        r.target = graph.nodes[static_cast<std::size_t>(edge.target)].id;
        r.weight = edge.weight;
        r.type = it.value();
        r.directed = edge.directed;
        source.relations.push_back(r);
        out->edge_of.push_back(k);
    }
    return out;
}

VisibleGraph apply_filter(const ExplorerGraph& graph, const ExplorerSource& source,
                          const GraphFilter& filter, const std::vector<RelationId>& admitted) {
    const auto wanted = view_filter(filter, source.source.relation_types);
    graph::SelectionInputs inputs;
    if (!wanted.date_from.empty() || !wanted.date_to.empty())
        inputs.admitted_relations = graph::admitted_relations(source.source, admitted);
    if (wanted.has_name_query())
        inputs.name_matches =
            graph::match_name_query(source.source, source.names, wanted.name_query);
    const auto selection = graph::select_view(source.source, wanted, inputs);

    VisibleGraph out;
    out.node_visible.assign(graph.nodes.size(), 0);
    out.edge_visible.assign(graph.edges.size(), 0);
    out.degree.assign(graph.nodes.size(), 0);
    for (auto i : selection.entities)
        out.node_visible[static_cast<std::size_t>(source.node_of[i])] = 1;
    for (auto k : selection.relations) {
        const auto e = static_cast<std::size_t>(source.edge_of[k]);
        out.edge_visible[e] = 1;
        ++out.degree[static_cast<std::size_t>(graph.edges[e].source)];
        ++out.degree[static_cast<std::size_t>(graph.edges[e].target)];
    }
    out.node_count = static_cast<int>(selection.entities.size());
    out.edge_count = static_cast<int>(selection.relations.size());
    return out;
}

VisibleGraph apply_filter(const ExplorerGraph& graph, const GraphFilter& filter,
                          const std::vector<RelationId>& admitted) {
    return apply_filter(graph, *make_explorer_source(graph), filter, admitted);
}

} // namespace dossier::gui
