// ExplorerState's presentation steps (presentation.h): folding and unfolding communities, the
// focus set, hidden entities, and Back / Forward through them.
#include "state/community_groups.h"
#include "state/explorer_state.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dossier::gui {
namespace {

template <class T> void insert_sorted(std::vector<T>& list, const T& value) {
    auto it = std::lower_bound(list.begin(), list.end(), value);
    if (it == list.end() || *it != value)
        list.insert(it, value);
}

template <class T> void erase_sorted(std::vector<T>& list, const T& value) {
    auto it = std::lower_bound(list.begin(), list.end(), value);
    if (it != list.end() && *it == value)
        list.erase(it);
}

constexpr double kFirstRing = 90; // layout points from a node to the neighbours added beside it

} // namespace

void ExplorerState::set_presentation(const Presentation& next) {
    if (next == presentation_)
        return;
    back_.push_back(presentation_);
    forward_.clear();
    apply_presentation(next);
}

void ExplorerState::apply_presentation(const Presentation& next) {
    presentation_ = next;
    visible_ = filtered_;
    present(*graph_, presentation_, visible_);
    emit filter_changed();
    emit presentation_changed();
}

namespace {
Presentation opening_presentation(const ExplorerGraph& graph) {
    Presentation start;
    if (graph.groups.built && graph.entity_count() > static_cast<std::size_t>(kOverviewAbove))
        start.mode = ShowMode::Communities;
    return start;
}
} // namespace

void ExplorerState::reset_presentation() {
    back_.clear();
    forward_.clear();
    const Presentation start = opening_presentation(*graph_);
    if (start != presentation_)
        apply_presentation(start);
}

void ExplorerState::open_graph(std::shared_ptr<const ExplorerGraph> graph) {
    back_.clear();
    forward_.clear();
    presentation_ = graph ? opening_presentation(*graph) : Presentation{};
    set_graph(std::move(graph));
    emit presentation_changed();
}

void ExplorerState::show_everything() {
    Presentation next = presentation_;
    next.mode = ShowMode::Everything;
    set_presentation(next);
}

void ExplorerState::show_communities() {
    Presentation next = presentation_;
    next.mode = ShowMode::Communities;
    set_presentation(next);
}

void ExplorerState::unfold(CommunityIndex community) {
    if (graph_->group_node(community) < 0)
        return;
    Presentation next = presentation_;
    next.mode = ShowMode::Communities;
    insert_sorted(next.unfolded, community);
    if (next == presentation_)
        return;
    place_members_around(editable_graph(), community);
    set_presentation(next);
    emit positions_changed();
    emit unfolded(community);
}

void ExplorerState::fold(CommunityIndex community) {
    Presentation next = presentation_;
    erase_sorted(next.unfolded, community);
    set_presentation(next);
}

void ExplorerState::focus_on(EntityId entity) {
    const int node = graph_->find(entity);
    if (node < 0 || static_cast<std::size_t>(node) >= graph_->entity_count())
        return;
    Presentation next = presentation_;
    next.mode = ShowMode::Focus;
    next.focus = {entity};
    erase_sorted(next.hidden, entity);
    for (int other : filtered_neighbours(*graph_, filtered_, node))
        insert_sorted(next.focus, graph_->nodes[static_cast<std::size_t>(other)].id);
    const Presentation before = presentation_;
    set_presentation(next);
    place_entering(before, entity);
}

void ExplorerState::add_neighbours(EntityId entity, const std::vector<EntityType>& types) {
    const int node = graph_->find(entity);
    if (node < 0 || static_cast<std::size_t>(node) >= graph_->entity_count())
        return;
    if (presentation_.mode != ShowMode::Focus && types.empty()) {
        focus_on(entity);
        return;
    }
    Presentation next = presentation_;
    if (next.mode != ShowMode::Focus)
        next.focus = {entity};
    next.mode = ShowMode::Focus;
    insert_sorted(next.focus, entity);
    for (int other : filtered_neighbours(*graph_, filtered_, node, types)) {
        const EntityId id = graph_->nodes[static_cast<std::size_t>(other)].id;
        insert_sorted(next.focus, id);
        erase_sorted(next.hidden, id);
    }
    const Presentation before = presentation_;
    set_presentation(next);
    place_entering(before, entity);
}

// The entities the last step brought in (drawn now, not before) go on rings around `anchor`,
// in id order, so the same step places them the same way; the others stay where they were.
void ExplorerState::place_entering(const Presentation& before, EntityId anchor) {
    const int centre = graph_->find(anchor);
    if (centre < 0)
        return;
    std::vector<int> entering;
    for (std::size_t i = 0; i < graph_->entity_count(); ++i) {
        const auto& node = graph_->nodes[i];
        const bool was_drawn = before.mode == ShowMode::Focus ? before.in_focus(node.id) : false;
        if (visible_.node_visible[i] && !was_drawn && !node.pinned && static_cast<int>(i) != centre)
            entering.push_back(static_cast<int>(i));
    }
    if (entering.empty())
        return;
    auto& graph = editable_graph();
    const QPointF at = graph.nodes[static_cast<std::size_t>(centre)].position;
    const double golden = std::numbers::pi * (3.0 - std::sqrt(5.0));
    const double step = kMemberSpacing / std::sqrt(std::numbers::pi);
    const double inner = kFirstRing * kFirstRing / (step * step); // sunflower index of the ring
    for (std::size_t k = 0; k < entering.size(); ++k) {
        const double r = step * std::sqrt(inner + static_cast<double>(k));
        const double a = golden * static_cast<double>(k);
        graph.nodes[static_cast<std::size_t>(entering[k])].position =
            at + QPointF(r * std::cos(a), r * std::sin(a));
    }
    emit positions_changed();
}

void ExplorerState::hide(const QList<EntityId>& entities) {
    Presentation next = presentation_;
    for (const auto& id : entities) {
        const int node = graph_->find(id);
        if (node < 0 || static_cast<std::size_t>(node) >= graph_->entity_count())
            continue;
        insert_sorted(next.hidden, id);
        erase_sorted(next.focus, id);
    }
    set_presentation(next);
}

void ExplorerState::show_hidden() {
    Presentation next = presentation_;
    next.hidden.clear();
    set_presentation(next);
}

void ExplorerState::go_back() {
    if (back_.empty())
        return;
    forward_.push_back(presentation_);
    const Presentation previous = back_.back();
    back_.pop_back();
    apply_presentation(previous);
}

void ExplorerState::go_forward() {
    if (forward_.empty())
        return;
    back_.push_back(presentation_);
    const Presentation next = forward_.back();
    forward_.pop_back();
    apply_presentation(next);
}

} // namespace dossier::gui
