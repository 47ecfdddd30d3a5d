#pragma once
// The graph as the explorer shows it: plain arrays indexed by node/edge position, so painting,
// hit-testing and filtering are loops over vectors, not lookups. Built off the GUI thread from the
// project (project_snapshot.h) and then shared read-only between the panels.
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"
#include "dossier/model/index.h"
#include "state/node_key.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace dossier::gui {

// A month as one integer (year * 12 + month - 1), so date ranges are integer comparisons.
// 0 means "no date".
using MonthIndex = int;
inline MonthIndex month_index(int year, int month) {
    return year <= 0 ? 0 : year * 12 + (month > 0 ? month - 1 : 0);
}

struct ExplorerNode {
    EntityId id; // the entity; invalid for a community's node (see key())
    QString name;
    EntityType type = EntityType::Person;
    QStringList aliases;
    int mentions = 0;
    int documents = 0;
    double degree = 0; // in the full graph (the filtered degree is computed per view)
    double betweenness = 0;
    double pagerank = 0;
    CommunityIndex community;
    QPointF position;                 // layout coordinates (points, y down)
    bool pinned = false;              // the analyst put it there: layouts leave it
    bool has_stored_position = false; // the position came from the project, not a placeholder
    MonthIndex first_month = 0;
    MonthIndex last_month = 0;
    // A community's node in the overview (community_groups.h): how many entities it stands for.
    // Zero for an entity.
    int members = 0;
    bool is_group() const { return members > 0; }
    // What the node stands for: its community for a community's node, else its entity.
    NodeKey key() const { return is_group() ? NodeKey(community) : NodeKey(id); }
};

// Community edges get ids below zero: the store's ids start at one.
inline RelationId group_edge_id(int index) {
    return RelationId{-1 - index};
}

struct ExplorerEdge {
    RelationId id;
    int source = 0; // node index
    int target = 0;
    QString type;
    double weight = 1;
    bool directed = false;
    MonthIndex first_month = 0;
    MonthIndex last_month = 0;
};

// The community overview's part of the graph (community_groups.h): one node per community of
// two or more entities after the entities, and after the relations one edge per pair of linked
// communities, drawn instead of the relations between them while both are folded. (A relation
// with one end folded is drawn to that end's community node: VisibleGraph::drawn_as.)
struct CommunityGroups {
    bool built = false;
    std::size_t first_node = 0;                           // nodes[first_node..] are communities
    std::size_t first_edge = 0;                           // edges[first_edge..] join communities
    IndexedVector<CommunityIndex, int> node_of_community; // its node; -1 for a community of one
    // Per relation (edge index below first_edge): the community edge drawn for it while both
    // its ends are folded; -1 when its ends are in one community (or a community of one).
    std::vector<int> between;
};

struct ExplorerGraph {
    std::vector<ExplorerNode> nodes;
    std::vector<ExplorerEdge> edges;
    std::unordered_map<EntityId, int> index_of; // entity id -> node index (entities only)
    CommunityGroups groups;

    // Nodes [0, entity_count()) are entities and edges [0, relation_count()) relations, with or
    // without the community overview's nodes and edges after them.
    std::size_t entity_count() const { return groups.built ? groups.first_node : nodes.size(); }
    std::size_t relation_count() const { return groups.built ? groups.first_edge : edges.size(); }
    int group_node(CommunityIndex community) const {
        return groups.built && groups.node_of_community.contains(community)
                   ? groups.node_of_community[community]
                   : -1;
    }

    void rebuild_index() {
        index_of.clear();
        index_of.reserve(nodes.size());
        for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
            if (const auto& node = nodes[static_cast<std::size_t>(i)]; !node.is_group())
                index_of[node.id] = i;
    }
    // The node of an entity, or -1.
    int find(EntityId id) const {
        auto it = index_of.find(id);
        return it == index_of.end() ? -1 : it->second;
    }
    // The node of an entity or of a community's disc, or -1.
    int find(NodeKey key) const {
        return key.is_community() ? group_node(key.community()) : find(key.entity());
    }
};

} // namespace dossier::gui
