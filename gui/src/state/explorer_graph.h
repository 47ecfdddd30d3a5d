#pragma once
// The graph as the explorer shows it: plain arrays indexed by node/edge position, so painting,
// hit-testing and filtering are loops over vectors, not lookups. Built off the GUI thread from the
// project (project_snapshot.h) and then shared read-only between the panels.
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"

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
    EntityId id;
    QString name;
    EntityType type = EntityType::Person;
    QStringList aliases;
    int mentions = 0;
    int documents = 0;
    double degree = 0; // in the full graph (the filtered degree is computed per view)
    double betweenness = 0;
    double pagerank = 0;
    int community = -1;
    QPointF position;                 // layout coordinates (points, y down)
    bool pinned = false;              // the analyst put it there: layouts leave it
    bool has_stored_position = false; // the position came from the project, not a placeholder
    MonthIndex first_month = 0;
    MonthIndex last_month = 0;
};

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

struct ExplorerGraph {
    std::vector<ExplorerNode> nodes;
    std::vector<ExplorerEdge> edges;
    std::unordered_map<EntityId, int> index_of; // entity id -> node index

    void rebuild_index() {
        index_of.clear();
        index_of.reserve(nodes.size());
        for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
            index_of[nodes[static_cast<std::size_t>(i)].id] = i;
    }
    int find(EntityId id) const {
        auto it = index_of.find(id);
        return it == index_of.end() ? -1 : it->second;
    }
};

} // namespace dossier::gui
