#pragma once
// What every panel of the window shares: the loaded graph, the current filter and what it leaves
// visible, and the selection. Panels read it and ask it for changes; it announces each change once,
// so the graph, the tables and the details stay in step (and an undo stack can drive it later).
#include "state/explorer_filter.h"
#include "state/explorer_graph.h"

#include <QList>
#include <QObject>
#include <memory>
#include <vector>

namespace dossier::gui {

class ExplorerState : public QObject {
    Q_OBJECT
public:
    explicit ExplorerState(QObject* parent = nullptr) : QObject(parent) {}

    const std::shared_ptr<const ExplorerGraph>& graph() const { return graph_; }
    const GraphFilter& filter() const { return filter_; }
    const VisibleGraph& visible() const { return visible_; }
    const QList<EntityId>& selection() const { return selection_; }
    // Node indices of the selection that exist in the graph.
    std::vector<int> selected_nodes() const;
    bool node_visible(int index) const {
        return index >= 0 && static_cast<std::size_t>(index) < visible_.node_visible.size() &&
               visible_.node_visible[static_cast<std::size_t>(index)];
    }

    void set_graph(std::shared_ptr<const ExplorerGraph> graph);
    void set_filter(const GraphFilter& filter);
    void select(const QList<EntityId>& entities);
    void select_one(EntityId entity) { select({entity}); }
    void toggle(EntityId entity);
    void clear_selection() { select({}); }
    // Moves one node (a drag in the view) without reloading anything: the graph is copied once
    // on the first move after a set_graph, then edited in place.
    void move_node(int index, QPointF position, bool pinned);
    // Pins or unpins nodes where they are (the view's Unpin actions and their undo), one
    // positions_changed for all of them.
    void set_pinned(const std::vector<int>& indices, bool pinned);

signals:
    void graph_changed();  // a new graph (positions, entities) was loaded
    void filter_changed(); // the visible set changed
    void selection_changed();
    void positions_changed(); // nodes moved in place (move_node); ids and indices unchanged

private:
    std::shared_ptr<const ExplorerGraph> graph_ = std::make_shared<ExplorerGraph>();
    GraphFilter filter_;
    VisibleGraph visible_;
    QList<EntityId> selection_;
    std::shared_ptr<ExplorerGraph> editable_; // graph_ once move_node has copied it
    ExplorerGraph& editable_graph();          // copies graph_ on the first edit
};

} // namespace dossier::gui
