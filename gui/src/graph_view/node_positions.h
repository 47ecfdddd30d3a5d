#pragma once
// Node positions kept in the project (store::CurationStore, the node_positions table), so a
// project opens with the picture it was left with and an analyst's pinned nodes stay where they
// were put, across sessions and re-extraction. The store's frame is Graphviz's (y up, as the
// exports read it); the window's y points down, so y changes sign on the way in and out.
#include "state/explorer_graph.h"

#include <QFuture>
#include <QString>
#include <filesystem>
#include <vector>

namespace dossier::store {
class Project;
}

namespace dossier::gui {

struct StoredPosition {
    EntityId entity;
    QPointF position; // the window's frame (y down)
    bool pinned = false;
};

// Applies the stored positions to the graph's nodes; returns how many nodes got one.
int restore_node_positions(store::Project& project, ExplorerGraph& graph);
// Writes the positions in one transaction on a writable connection of this thread; a pinned
// position stays pinned unless `positions` says otherwise. Throws store::StoreError.
void save_node_positions(const std::filesystem::path& project,
                         const std::vector<StoredPosition>& positions);
// The same on a worker thread, one save after the other in the order they were asked for; the
// future holds an empty string or why it failed.
QFuture<QString> save_node_positions_in_background(const QString& project,
                                                   std::vector<StoredPosition> positions);
// The positions worth keeping: nodes a layout placed or the analyst moved.
std::vector<StoredPosition> placed_positions(const ExplorerGraph& graph);

} // namespace dossier::gui
