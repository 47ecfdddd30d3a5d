#pragma once
// What every panel of the window shares: the loaded graph, the current filter and what it leaves
// visible, and the selection. Panels read it and ask it for changes; it announces each change once,
// so the graph, the tables and the details stay in step (and an undo stack can drive it later).
#include "state/explorer_filter.h"
#include "state/explorer_graph.h"
#include "state/presentation.h"

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
    // What the view draws: the filter's result as the presentation shows it (folded communities,
    // the focus set, hidden entities).
    const VisibleGraph& visible() const { return visible_; }
    // What the filter alone leaves visible (entities and relations only).
    const VisibleGraph& filtered() const { return filtered_; }
    const Presentation& presentation() const { return presentation_; }
    // What is selected, in the order it was: entities, and the community discs of the overview.
    const QList<NodeKey>& selection() const { return selection_; }
    // The selected entities (what corrections, focus and hiding act on), in selection order.
    QList<EntityId> selected_entities() const;
    // Node indices of the selection that exist in the graph.
    std::vector<int> selected_nodes() const;
    bool node_visible(int index) const {
        return index >= 0 && static_cast<std::size_t>(index) < visible_.node_visible.size() &&
               visible_.node_visible[static_cast<std::size_t>(index)];
    }

    void set_graph(std::shared_ptr<const ExplorerGraph> graph);
    // A new project's graph: set_graph after reset_presentation's choice for it.
    void open_graph(std::shared_ptr<const ExplorerGraph> graph);
    void set_filter(const GraphFilter& filter);
    // Reads from the project the relations read in documents of a date range
    // (store::relations_in_document_subset); without it a date range admits no relation. It runs
    // on a worker thread when the range changes (it must open its own connection): until it
    // answers, the graph keeps the previous range's relations, then filter_changed follows.
    using DocumentSubset = std::function<std::vector<RelationId>(const store::GraphSourceQuery&)>;
    void set_document_subset(DocumentSubset subset);
    // A new date range's relations are being read.
    bool document_subset_pending() const { return subset_pending_; }
    void select(const QList<NodeKey>& nodes);
    void select_entities(const QList<EntityId>& entities);
    void select_one(NodeKey node) { select({node}); }
    void toggle(NodeKey node);
    void clear_selection() { select({}); }
    // Moves one node (a drag in the view) without reloading anything: the graph is copied once
    // on the first move after a set_graph, then edited in place.
    void move_node(int index, QPointF position, bool pinned);
    // Pins or unpins nodes where they are (the view's Unpin actions and their undo), one
    // positions_changed for all of them.
    void set_pinned(const std::vector<int>& indices, bool pinned);

    // The presentation steps. Each one the analyst takes can be undone with go_back and redone
    // with go_forward; unfolding a community and adding neighbours also place the new nodes
    // (beside where they enter, the others stay), announced by positions_changed.
    void set_presentation(const Presentation& next);
    // The presentation a new project opens on: the community overview above kOverviewAbove
    // entities (once communities are known), else everything. Clears Back and Forward.
    void reset_presentation();
    void show_everything();
    void show_communities();
    void unfold(CommunityIndex community);
    void fold(CommunityIndex community);
    // Focus on one entity: it and its neighbours (through what the filter shows).
    void focus_on(EntityId entity);
    // Adds a node's neighbours (optionally only of some types) to the focus; from another mode
    // this starts a focus on that node.
    void add_neighbours(EntityId entity, const std::vector<EntityType>& types = {});
    void hide(const QList<EntityId>& entities);
    void show_hidden();
    bool can_go_back() const { return !back_.empty(); }
    bool can_go_forward() const { return !forward_.empty(); }
    void go_back();
    void go_forward();

signals:
    void presentation_changed(); // after filter_changed for the same step
    // A community was unfolded by unfold() (not by Back/Forward).
    void unfolded(CommunityIndex community);
    void graph_changed();  // a new graph (positions, entities) was loaded
    void filter_changed(); // the visible set changed
    void selection_changed();
    void positions_changed(); // nodes moved in place (move_node); ids and indices unchanged

private:
    std::shared_ptr<const ExplorerGraph> graph_ = std::make_shared<ExplorerGraph>();
    GraphFilter filter_;
    VisibleGraph filtered_;
    VisibleGraph visible_;
    Presentation presentation_;
    std::vector<Presentation> back_;
    std::vector<Presentation> forward_;
    void apply_presentation(const Presentation& next); // no history
    void place_entering(const Presentation& before, EntityId anchor);
    std::shared_ptr<const ExplorerSource> source_ = make_explorer_source(*graph_);
    DocumentSubset document_subset_;
    // The relations the date range admits, for the range they were read for.
    std::vector<RelationId> admitted_;
    std::pair<MonthIndex, MonthIndex> admitted_range_{0, 0};
    QFutureWatcher<std::vector<RelationId>> subset_watcher_;
    std::pair<MonthIndex, MonthIndex> asked_range_{0, 0}; // what subset_watcher_ reads
    bool subset_pending_ = false;                         // asked, its answer not applied yet
    void refilter();
    void ask_document_subset(std::pair<MonthIndex, MonthIndex> range);
    void document_subset_ready();
    QList<NodeKey> selection_;
    std::shared_ptr<ExplorerGraph> editable_; // graph_ once move_node has copied it
    ExplorerGraph& editable_graph();          // copies graph_ on the first edit
};

} // namespace dossier::gui
