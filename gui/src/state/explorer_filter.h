#pragma once
// What the Filters and Timeline panels choose, and the visible part of the graph it leaves.
// The panels' choices become a graph::GraphFilter (view_filter) and core's selection
// (dossier/graph/view_selection.h) decides what is visible, so the window, its view file and
// `dossier export --view` of that file select the same graph. Filtering never re-lays out: it
// only hides nodes and edges, so the picture does not jump.
#include "dossier/graph/graph_filter.h"
#include "dossier/store/graph_source.h"
#include "state/explorer_graph.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <memory>
#include <vector>

namespace dossier::gui {

struct GraphFilter {
    QSet<EntityType> hidden_types;  // entity types switched off
    QSet<QString> hidden_relations; // relation types switched off
    double min_weight = 0;          // relations lighter than this are hidden
    int min_degree = 0;             // nodes with fewer distinct visible neighbours are hidden
    QString text;                   // case-insensitive substring of name or alias; empty = all
    MonthIndex from_month = 0;      // 0 = open; relations read in documents of the range
    MonthIndex to_month = 0;        // 0 = open

    bool operator==(const GraphFilter&) const = default;
};

// The panels' choices as core's filter. `relation_types` are all the graph's relation types
// (hidden ones are left out of the kept list). Hiding every relation type keeps the one type
// kNoRelationType, which no relation has.
graph::GraphFilter view_filter(const GraphFilter& filter,
                               const std::vector<std::string>& relation_types);
inline constexpr const char* kNoRelationType = "none";
// "YYYY-MM" of a month index.
std::string iso_month(MonthIndex month);

// The explorer's graph as core's graph source (entities and relations ordered by id, names and
// aliases for the name query), with the way back to node and edge indices. Built once per graph.
struct ExplorerSource {
    store::GraphSource source;
    std::vector<store::EntityName> names;
    std::vector<int> node_of; // per source entity: its node index
    std::vector<int> edge_of; // per source relation: its edge index
};
std::shared_ptr<const ExplorerSource> make_explorer_source(const ExplorerGraph& graph);

struct VisibleGraph {
    std::vector<char> node_visible; // per node index
    std::vector<char> edge_visible; // per edge index
    std::vector<int> degree;        // visible edges per node (at the nodes drawn for their ends)
    // Per node index, the node drawn for it: itself, or its community's node while the community
    // is folded (presentation.h). A visible edge is drawn between drawn(source) and
    // drawn(target). Empty: every node is drawn as itself.
    std::vector<int> drawn_as;
    int drawn(int node) const {
        return drawn_as.empty() ? node : drawn_as[static_cast<std::size_t>(node)];
    }
    int node_count = 0;
    int edge_count = 0;
};

// What `filter` leaves visible, selected by core's select_view. `admitted` holds the relation ids
// the date range admits (store::relations_in_document_subset), sorted; it is ignored while the
// filter has no date range.
VisibleGraph apply_filter(const ExplorerGraph& graph, const ExplorerSource& source,
                          const GraphFilter& filter, const std::vector<RelationId>& admitted = {});
// The same with the source built on the spot (tests).
VisibleGraph apply_filter(const ExplorerGraph& graph, const GraphFilter& filter,
                          const std::vector<RelationId>& admitted = {});

} // namespace dossier::gui

inline std::size_t qHash(dossier::EntityType type, std::size_t seed = 0) noexcept {
    return ::qHash(static_cast<int>(type), seed);
}
