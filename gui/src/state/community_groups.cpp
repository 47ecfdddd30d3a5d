#include "state/community_groups.h"

#include "dossier/graph/aggregate.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace dossier::gui {
namespace {

std::uint64_t pair_key(int a, int b) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) |
           static_cast<std::uint32_t>(b);
}

MonthIndex earliest(MonthIndex a, MonthIndex b) {
    return a == 0 ? b : (b == 0 ? a : std::min(a, b));
}

// Members of each community, most central first (PageRank, then degree, then lower id).
IndexedVector<CommunityIndex, std::vector<int>> members_by_community(const ExplorerGraph& graph) {
    int communities = 0;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        communities = std::max(communities, graph.nodes[i].community.value() + 1);
    IndexedVector<CommunityIndex, std::vector<int>> members(static_cast<std::size_t>(communities),
                                                            {});
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        if (graph.nodes[i].community.valid())
            members[graph.nodes[i].community].push_back(static_cast<int>(i));
    for (auto& list : members)
        std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
            const auto& x = graph.nodes[static_cast<std::size_t>(a)];
            const auto& y = graph.nodes[static_cast<std::size_t>(b)];
            if (x.pagerank != y.pagerank)
                return x.pagerank > y.pagerank;
            if (x.degree != y.degree)
                return x.degree > y.degree;
            return x.id < y.id;
        });
    return members;
}

ExplorerNode community_node(const ExplorerGraph& graph, CommunityIndex community,
                            const std::vector<int>& members, int label_members) {
    ExplorerNode node;
    node.community = community;
    node.members = static_cast<int>(members.size());
    std::vector<std::string> names;
    std::unordered_map<int, int> type_count;
    QPointF centre;
    for (int i : members) {
        const auto& m = graph.nodes[static_cast<std::size_t>(i)];
        if (names.size() < static_cast<std::size_t>(label_members))
            names.push_back(m.name.toStdString());
        ++type_count[static_cast<int>(m.type)];
        node.mentions += m.mentions;
        node.documents += m.documents;
        node.pagerank += m.pagerank;
        node.first_month = earliest(node.first_month, m.first_month);
        node.last_month = std::max(node.last_month, m.last_month);
        centre += m.position;
    }
    node.name = QString::fromStdString(
        graph::community_label(names, members.size(), static_cast<std::size_t>(label_members)));
    int best = -1;
    for (const auto& [type, count] : type_count)
        if (best < 0 || count > type_count[best] || (count == type_count[best] && type < best))
            best = type;
    node.type = static_cast<EntityType>(best);
    node.position = centre / static_cast<double>(members.size());
    return node;
}

// The community edges, with per-type summed weights to name each edge's type at the end.
class GroupEdges {
public:
    GroupEdges(ExplorerGraph& graph, int type_count) : graph_(graph), types_(type_count) {}

    int add(int a, int b, const ExplorerEdge& relation, int type) {
        if (a > b)
            std::swap(a, b);
        auto [it, fresh] =
            index_.try_emplace(pair_key(a, b), static_cast<int>(graph_.edges.size()));
        if (fresh) {
            ExplorerEdge edge;
            edge.id =
                group_edge_id(static_cast<int>(graph_.edges.size() - graph_.groups.first_edge));
            edge.source = a;
            edge.target = b;
            edge.weight = 0;
            edge.directed = false;
            graph_.edges.push_back(std::move(edge));
            type_weight_.resize(type_weight_.size() + static_cast<std::size_t>(types_), 0.0);
        }
        auto& edge = graph_.edges[static_cast<std::size_t>(it->second)];
        edge.weight += relation.weight;
        edge.first_month = earliest(edge.first_month, relation.first_month);
        edge.last_month = std::max(edge.last_month, relation.last_month);
        type_weight_[static_cast<std::size_t>(it->second - first()) *
                         static_cast<std::size_t>(types_) +
                     static_cast<std::size_t>(type)] += relation.weight;
        return it->second;
    }

    // Each edge's type: the one with the largest summed weight (ties: the first in name order).
    void name_types(const std::vector<QString>& names_in_order) {
        for (std::size_t e = static_cast<std::size_t>(first()); e < graph_.edges.size(); ++e) {
            const double* w = &type_weight_[(e - static_cast<std::size_t>(first())) *
                                            static_cast<std::size_t>(types_)];
            int best = 0;
            for (int t = 1; t < types_; ++t)
                if (w[t] > w[best])
                    best = t;
            graph_.edges[e].type = names_in_order[static_cast<std::size_t>(best)];
        }
    }

private:
    int first() const { return static_cast<int>(graph_.groups.first_edge); }
    ExplorerGraph& graph_;
    int types_;
    std::unordered_map<std::uint64_t, int> index_;
    std::vector<double> type_weight_;
};

} // namespace

void add_community_groups(ExplorerGraph& graph, int label_members) {
    if (graph.groups.built)
        return;
    const auto members = members_by_community(graph);
    auto& groups = graph.groups;
    groups.first_node = graph.nodes.size();
    groups.first_edge = graph.edges.size();
    groups.node_of_community.assign(members.size(), -1);
    for (CommunityIndex c{0}; c != members.end_index(); c = c.next()) {
        if (members[c].size() < kSmallestFoldedCommunity)
            continue;
        groups.node_of_community[c] = static_cast<int>(graph.nodes.size());
        graph.nodes.push_back(community_node(graph, c, members[c], label_members));
    }
    // Relation types in name order, so the dominant type's ties break the same way every time.
    std::vector<QString> type_names;
    for (std::size_t e = 0; e < groups.first_edge; ++e)
        type_names.push_back(graph.edges[e].type);
    std::sort(type_names.begin(), type_names.end());
    type_names.erase(std::unique(type_names.begin(), type_names.end()), type_names.end());
    QHash<QString, int> type_of;
    for (std::size_t t = 0; t < type_names.size(); ++t)
        type_of.insert(type_names[t], static_cast<int>(t));

    const std::size_t relations = groups.first_edge;
    groups.between.assign(relations, -1);
    groups.built = true; // group_node() answers from here on
    GroupEdges edges(graph, std::max<int>(1, static_cast<int>(type_names.size())));
    for (std::size_t e = 0; e < relations; ++e) {
        const ExplorerEdge relation = graph.edges[e]; // a copy: push_back may move the vector
        const CommunityIndex cs = graph.nodes[static_cast<std::size_t>(relation.source)].community;
        const CommunityIndex ct = graph.nodes[static_cast<std::size_t>(relation.target)].community;
        if (cs == ct)
            continue; // inside one community: drawn only when it is unfolded
        const int gs = graph.group_node(cs), gt = graph.group_node(ct);
        if (gs >= 0 && gt >= 0)
            groups.between[e] = edges.add(gs, gt, relation, type_of.value(relation.type, 0));
    }
    edges.name_types(type_names);
    graph.rebuild_index();
}

void remove_community_groups(ExplorerGraph& graph) {
    if (!graph.groups.built)
        return;
    graph.nodes.resize(graph.groups.first_node);
    graph.edges.resize(graph.groups.first_edge);
    graph.groups = CommunityGroups{};
    graph.rebuild_index();
}

double unfolded_radius(int members) {
    // A sunflower of k points at spacing s fills a disc of radius about s * sqrt(k) / sqrt(pi)
    // per point area s^2; half a spacing more keeps the outer ring's nodes inside.
    return kMemberSpacing * (std::sqrt(std::max(1, members) / std::numbers::pi) + 0.5);
}

std::vector<int> place_members_around(ExplorerGraph& graph, CommunityIndex community) {
    const int group = graph.group_node(community);
    std::vector<int> moved;
    if (group < 0)
        return moved;
    std::vector<int> members;
    for (std::size_t i = 0; i < graph.entity_count(); ++i)
        if (graph.nodes[i].community == community && !graph.nodes[i].pinned)
            members.push_back(static_cast<int>(i));
    std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
        return graph.nodes[static_cast<std::size_t>(a)].degree >
               graph.nodes[static_cast<std::size_t>(b)].degree;
    });
    const QPointF centre = graph.nodes[static_cast<std::size_t>(group)].position;
    const double golden = std::numbers::pi * (3.0 - std::sqrt(5.0));
    // Vogel's sunflower with one spacing of area per member.
    const double step = kMemberSpacing / std::sqrt(std::numbers::pi);
    for (std::size_t k = 0; k < members.size(); ++k) {
        const double r = step * std::sqrt(static_cast<double>(k) + 0.5);
        const double a = golden * static_cast<double>(k);
        auto& node = graph.nodes[static_cast<std::size_t>(members[k])];
        node.position = centre + QPointF(r * std::cos(a), r * std::sin(a));
        moved.push_back(members[k]);
    }
    return moved;
}

} // namespace dossier::gui
