#include "state/explorer_state.h"

namespace dossier::gui {

std::vector<int> ExplorerState::selected_nodes() const {
    std::vector<int> out;
    for (const auto& id : selection_) {
        const int i = graph_->find(id);
        if (i >= 0)
            out.push_back(i);
    }
    return out;
}

void ExplorerState::set_graph(std::shared_ptr<const ExplorerGraph> graph) {
    graph_ = graph ? std::move(graph) : std::make_shared<ExplorerGraph>();
    visible_ = apply_filter(*graph_, filter_);
    // Keep the selected entities that still exist.
    QList<EntityId> kept;
    for (const auto& id : selection_)
        if (graph_->find(id) >= 0)
            kept.append(id);
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
    visible_ = apply_filter(*graph_, filter_);
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
    if (!editable_ || editable_ != graph_) {
        editable_ = std::make_shared<ExplorerGraph>(*graph_);
        graph_ = editable_;
    }
    return *editable_;
}

void ExplorerState::select(const QList<EntityId>& entities) {
    if (entities == selection_)
        return;
    selection_ = entities;
    emit selection_changed();
}

void ExplorerState::toggle(EntityId entity) {
    QList<EntityId> next = selection_;
    if (!next.removeOne(entity))
        next.append(entity);
    select(next);
}

} // namespace dossier::gui
