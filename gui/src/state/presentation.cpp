#include "state/presentation.h"

#include <algorithm>

namespace dossier::gui {
namespace {

template <class T> bool sorted_contains(const std::vector<T>& list, const T& value) {
    return std::binary_search(list.begin(), list.end(), value);
}

// Entities left after the hidden ones (and, in Focus, those outside the focus) are dropped.
std::vector<char> entities_alive(const ExplorerGraph& graph, const Presentation& p,
                                 const VisibleGraph& visible) {
    std::vector<char> alive(visible.node_visible.begin(),
                            visible.node_visible.begin() +
                                static_cast<std::ptrdiff_t>(graph.entity_count()));
    if (p.hidden.empty() && p.mode != ShowMode::Focus)
        return alive;
    for (std::size_t i = 0; i < alive.size(); ++i) {
        const EntityId id = graph.nodes[i].id;
        if (p.is_hidden(id) || (p.mode == ShowMode::Focus && !p.in_focus(id)))
            alive[i] = 0;
    }
    return alive;
}

void recount(const ExplorerGraph& graph, VisibleGraph& visible) {
    std::fill(visible.degree.begin(), visible.degree.end(), 0);
    visible.node_count =
        static_cast<int>(std::count(visible.node_visible.begin(), visible.node_visible.end(), 1));
    visible.edge_count = 0;
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        if (!visible.edge_visible[e])
            continue;
        ++visible.edge_count;
        ++visible.degree[static_cast<std::size_t>(graph.edges[e].source)];
        ++visible.degree[static_cast<std::size_t>(graph.edges[e].target)];
    }
}

// Folds each folded community's living members into its node (drawn_as), and the relations
// between two folded communities into their community edge (CommunityGroups::between); a
// relation with one end folded is drawn to that end's community node.
void fold(const ExplorerGraph& graph, const Presentation& p, const std::vector<char>& alive,
          VisibleGraph& visible) {
    const auto& groups = graph.groups;
    IndexedVector<CommunityIndex, char> folded(groups.node_of_community.size(), 0);
    for (CommunityIndex c{0}; c != folded.end_index(); c = c.next())
        folded[c] = groups.node_of_community[c] >= 0 && !p.is_unfolded(c);
    auto is_folded = [&](int node) {
        const CommunityIndex c = graph.nodes[static_cast<std::size_t>(node)].community;
        return c.valid() && folded[c];
    };
    visible.drawn_as.resize(graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        visible.drawn_as[i] = static_cast<int>(i);
    for (std::size_t i = 0; i < alive.size(); ++i) {
        const bool folded_here = is_folded(static_cast<int>(i));
        visible.node_visible[i] = alive[i] && !folded_here;
        if (!folded_here)
            continue;
        const int group = groups.node_of_community[graph.nodes[i].community];
        visible.drawn_as[i] = group;
        if (alive[i])
            visible.node_visible[static_cast<std::size_t>(group)] = 1;
    }
    for (std::size_t e = 0; e < groups.first_edge; ++e) {
        if (!visible.edge_visible[e])
            continue;
        const int s = graph.edges[e].source, t = graph.edges[e].target;
        if (!alive[static_cast<std::size_t>(s)] || !alive[static_cast<std::size_t>(t)]) {
            visible.edge_visible[e] = 0;
            continue;
        }
        if (!is_folded(s) || !is_folded(t))
            continue; // drawn itself, to the folded end's community node if one is folded
        visible.edge_visible[e] = 0;
        if (groups.between[e] >= 0)
            visible.edge_visible[static_cast<std::size_t>(groups.between[e])] = 1;
    }
}

} // namespace

bool Presentation::is_unfolded(CommunityIndex community) const {
    return sorted_contains(unfolded, community);
}
bool Presentation::in_focus(EntityId entity) const {
    return sorted_contains(focus, entity);
}
bool Presentation::is_hidden(EntityId entity) const {
    return sorted_contains(hidden, entity);
}

void present(const ExplorerGraph& graph, const Presentation& presentation, VisibleGraph& visible) {
    visible.node_visible.resize(graph.nodes.size(), 0);
    visible.edge_visible.resize(graph.edges.size(), 0);
    visible.degree.resize(graph.nodes.size(), 0);
    visible.drawn_as.clear();
    // The community part is drawn only by fold() below.
    for (std::size_t i = graph.entity_count(); i < graph.nodes.size(); ++i)
        visible.node_visible[i] = 0;
    for (std::size_t e = graph.relation_count(); e < graph.edges.size(); ++e)
        visible.edge_visible[e] = 0;
    const auto alive = entities_alive(graph, presentation, visible);
    if (presentation.mode == ShowMode::Communities && graph.groups.built) {
        fold(graph, presentation, alive, visible);
    } else {
        for (std::size_t i = 0; i < alive.size(); ++i)
            visible.node_visible[i] = alive[i];
        for (std::size_t e = 0; e < graph.relation_count(); ++e)
            if (visible.edge_visible[e] &&
                (!alive[static_cast<std::size_t>(graph.edges[e].source)] ||
                 !alive[static_cast<std::size_t>(graph.edges[e].target)]))
                visible.edge_visible[e] = 0;
    }
    recount(graph, visible);
}

DrawnCounts drawn_counts(const ExplorerGraph& graph, const VisibleGraph& visible) {
    DrawnCounts out;
    for (std::size_t i = 0; i < graph.nodes.size() && i < visible.node_visible.size(); ++i) {
        if (!visible.node_visible[i])
            continue;
        if (graph.nodes[i].is_group()) {
            ++out.communities;
            out.folded_entities += graph.nodes[i].members;
        } else {
            ++out.entities;
        }
    }
    out.edges = visible.edge_count;
    return out;
}

std::vector<int> filtered_neighbours(const ExplorerGraph& graph, const VisibleGraph& filtered,
                                     int node, const std::vector<EntityType>& types) {
    std::vector<int> out;
    for (std::size_t e = 0; e < graph.relation_count(); ++e) {
        if (!filtered.edge_visible[e])
            continue;
        const auto& edge = graph.edges[e];
        const int other = edge.source == node   ? edge.target
                          : edge.target == node ? edge.source
                                                : -1;
        if (other < 0)
            continue;
        const auto type = graph.nodes[static_cast<std::size_t>(other)].type;
        if (types.empty() || std::find(types.begin(), types.end(), type) != types.end())
            out.push_back(other);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace dossier::gui
