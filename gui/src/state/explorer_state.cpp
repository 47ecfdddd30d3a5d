#include "state/explorer_state.h"

#include <QtConcurrent/QtConcurrentRun>

namespace dossier::gui {

ExplorerState::ExplorerState(QObject* parent) : QObject(parent) {
    connect(&subset_watcher_, &QFutureWatcher<std::vector<RelationId>>::finished, this,
            &ExplorerState::document_subset_ready);
}

QList<EntityId> ExplorerState::selected_entities() const {
    QList<EntityId> out;
    for (const auto& key : selection_)
        if (key.is_entity())
            out.append(key.entity());
    return out;
}

std::vector<int> ExplorerState::selected_nodes() const {
    std::vector<int> out;
    for (const auto& key : selection_) {
        const int i = graph_->find(key);
        if (i >= 0)
            out.push_back(i);
    }
    return out;
}

void ExplorerState::set_graph(std::shared_ptr<const ExplorerGraph> graph) {
    graph_ = graph ? std::move(graph) : std::make_shared<ExplorerGraph>();
    source_ = make_explorer_source(*graph_);
    admitted_range_ = {0, 0}; // the relations may have changed: read the range again
    refilter();
    // Keep the selected entities and communities that still exist.
    QList<NodeKey> kept;
    for (const auto& key : selection_)
        if (graph_->find(key) >= 0)
            kept.append(key);
    const bool selection_shrank = kept.size() != selection_.size();
    selection_ = kept;
    emit graph_changed();
    emit filter_changed();
    if (selection_shrank)
        emit selection_changed();
}

void ExplorerState::set_filter(const GraphFilter& filter) {
    if (filter == filter_)
        return;
    filter_ = filter;
    refilter();
    emit filter_changed();
}

void ExplorerState::set_document_subset(DocumentSubset subset) {
    document_subset_ = std::move(subset);
    admitted_range_ = {0, 0};
}

graph::GraphFilter ExplorerState::view_filter() const {
    auto out = gui::view_filter(filter_, source_->source.relation_types);
    out.hidden_entities = presentation_.hidden; // dropped after the filter, as on screen
    // A focus is the view file's ego network of no hops around the entities drawn, so the
    // exports and `dossier export --view` hold what the window shows.
    if (presentation_.mode == ShowMode::Focus) {
        for (const auto& id : presentation_.focus)
            if (!presentation_.is_hidden(id))
                out.ego_entities.push_back(id);
        out.ego_hops = 0;
        if (out.ego_entities.empty())
            out.ego_entities.push_back(EntityId{}); // an empty focus shows nothing, as on screen
    }
    return out;
}

void ExplorerState::refilter() {
    const std::pair range{filter_.from_month, filter_.to_month};
    if (range == std::pair{0, 0})
        subset_pending_ = false; // no range: an answer still on its way is not needed
    else if (range != admitted_range_) {
        if (document_subset_) {
            if (!subset_pending_ || asked_range_ != range)
                ask_document_subset(range);
        } else {
            admitted_.clear();
            admitted_range_ = range;
        }
    }
    if (subset_pending_ && admitted_range_ == std::pair{0, 0}) {
        // The first range's relations are on their way: show the rest of the filter meanwhile.
        GraphFilter undated = filter_;
        undated.from_month = undated.to_month = 0;
        filtered_ = apply_filter(*graph_, *source_, undated);
    } else {
        filtered_ = apply_filter(*graph_, *source_, filter_, admitted_);
    }
    visible_ = filtered_;
    present(*graph_, presentation_, visible_);
}

void ExplorerState::ask_document_subset(std::pair<MonthIndex, MonthIndex> range) {
    store::GraphSourceQuery query;
    const auto wanted = view_filter();
    query.date_from = wanted.date_from;
    query.date_to = wanted.date_to;
    asked_range_ = range;
    subset_pending_ = true;
    // A later range replaces the future watched; the earlier answer is dropped.
    subset_watcher_.setFuture(
        QtConcurrent::run([subset = document_subset_, query] { return subset(query); }));
}

void ExplorerState::document_subset_ready() {
    if (asked_range_ != std::pair{filter_.from_month, filter_.to_month})
        return; // the range moved on; its own answer follows
    admitted_ = subset_watcher_.result();
    admitted_range_ = asked_range_;
    subset_pending_ = false;
    filtered_ = apply_filter(*graph_, *source_, filter_, admitted_);
    visible_ = filtered_;
    present(*graph_, presentation_, visible_);
    emit filter_changed();
}

void ExplorerState::move_node(int index, QPointF position, bool pinned) {
    if (index < 0 || static_cast<std::size_t>(index) >= graph_->nodes.size())
        return;
    auto& node = editable_graph().nodes[static_cast<std::size_t>(index)];
    node.position = position;
    node.pinned = pinned;
    node.has_stored_position = true;
    emit positions_changed();
}

void ExplorerState::set_pinned(const std::vector<int>& indices, bool pinned) {
    bool changed = false;
    for (int index : indices) {
        if (index < 0 || static_cast<std::size_t>(index) >= graph_->nodes.size() ||
            graph_->nodes[static_cast<std::size_t>(index)].pinned == pinned)
            continue;
        auto& node = editable_graph().nodes[static_cast<std::size_t>(index)];
        node.pinned = pinned;
        node.has_stored_position = true;
        changed = true;
    }
    if (changed)
        emit positions_changed();
}

ExplorerGraph& ExplorerState::editable_graph() {
    // Copied when someone else holds it too (a metrics job copying it on a worker): it is
    // edited in place only while graph_ and editable_ are its sole owners.
    if (!editable_ || editable_ != graph_ || editable_.use_count() > 2) {
        editable_ = std::make_shared<ExplorerGraph>(*graph_);
        graph_ = editable_;
    }
    return *editable_;
}

void ExplorerState::select(const QList<NodeKey>& nodes) {
    if (nodes == selection_)
        return;
    selection_ = nodes;
    emit selection_changed();
}

void ExplorerState::select_entities(const QList<EntityId>& entities) {
    QList<NodeKey> nodes;
    nodes.reserve(entities.size());
    for (const EntityId entity : entities)
        nodes.append(entity);
    select(nodes);
}

void ExplorerState::toggle(NodeKey node) {
    QList<NodeKey> next = selection_;
    if (!next.removeOne(node))
        next.append(node);
    select(next);
}

} // namespace dossier::gui
