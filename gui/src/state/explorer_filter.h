#pragma once
// What the Filters and Timeline panels choose, and the visible part of the graph it leaves.
// Filtering never re-lays out: it only hides nodes and edges, so the picture does not jump.
#include "state/explorer_graph.h"

#include <QSet>
#include <QString>
#include <vector>

namespace dossier::gui {

struct GraphFilter {
    QSet<EntityType> hidden_types;  // entity types switched off
    QSet<QString> hidden_relations; // relation types switched off
    double min_weight = 0;          // edges lighter than this are hidden
    int min_degree = 0;             // nodes with fewer visible edges are hidden
    QString text;                   // case-insensitive substring of name or alias; empty = all
    MonthIndex from_month = 0;      // 0 = open
    MonthIndex to_month = 0;        // 0 = open

    bool operator==(const GraphFilter&) const = default;
};

struct VisibleGraph {
    std::vector<char> node_visible; // per node index
    std::vector<char> edge_visible; // per edge index
    std::vector<int> degree;        // visible degree per node
    int node_count = 0;
    int edge_count = 0;
};

VisibleGraph apply_filter(const ExplorerGraph& graph, const GraphFilter& filter);

} // namespace dossier::gui

inline std::size_t qHash(dossier::EntityType type, std::size_t seed = 0) noexcept {
    return ::qHash(static_cast<int>(type), seed);
}
