#pragma once
// What every panel of the window shares: the loaded graph, the current filter and what it leaves
// visible, and the selection. Panels read it and ask it for changes; it announces each change once,
// so the graph, the tables and the details stay in step (and an undo stack can drive it later).
#include "state/explorer_filter.h"
#include "state/explorer_graph.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>
#include <vector>

namespace dossier::gui {

class ExplorerState : public QObject {
    Q_OBJECT
public:
    explicit ExplorerState(QObject* parent = nullptr);

    const std::shared_ptr<const ExplorerGraph>& graph() const { return graph_; }
    const GraphFilter& filter() const { return filter_; }
    // The filter as core's graph filter: what the view file records and `dossier export` selects.
    graph::GraphFilter view_filter() const;
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
    // Reads from the project the relations read in documents of a date range
    // (store::relations_in_document_subset); without it a date range admits no relation. It runs
    // on a worker thread when the range changes (it must open its own connection): until it
    // answers, the graph keeps the previous range's relations, then filter_changed follows.
    using DocumentSubset = std::function<std::vector<RelationId>(const store::GraphSourceQuery&)>;
    void set_document_subset(DocumentSubset subset);
    // A new date range's relations are being read.
    bool document_subset_pending() const { return subset_pending_; }
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
    std::shared_ptr<const ExplorerSource> source_ = make_explorer_source(*graph_);
    DocumentSubset document_subset_;
    // The relations the date range admits, for the range they were read for.
    std::vector<RelationId> admitted_;
    std::pair<MonthIndex, MonthIndex> admitted_range_{0, 0};
    QFutureWatcher<std::vector<RelationId>> subset_watcher_;
    std::pair<MonthIndex, MonthIndex> asked_range_{0, 0}; // what subset_watcher_ reads
    bool subset_pending_ = false; // asked, its answer not applied yet
    void refilter();
    void ask_document_subset(std::pair<MonthIndex, MonthIndex> range);
    void document_subset_ready();
    QList<EntityId> selection_;
    std::shared_ptr<ExplorerGraph> editable_; // graph_ once move_node has copied it
    ExplorerGraph& editable_graph();          // copies graph_ on the first edit
};

} // namespace dossier::gui
