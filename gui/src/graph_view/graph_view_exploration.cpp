// The node menu's exploration steps: unfold and fold communities, focus on an entity and add its
// neighbours (all, or one type), hide entities. Each is a step of ExplorerState's presentation,
// so View ▸ Back undoes it.
#include "dossier/model/entity_type.h"
#include "graph_view/graph_view.h"

#include <QMenu>

namespace dossier::gui {

void GraphView::add_community_actions(QMenu& menu, int node) {
    const auto& group = state_->graph()->nodes[static_cast<std::size_t>(node)];
    const CommunityIndex community = group.community;
    menu.addAction(tr("Unfold Community (%n entities)", nullptr, group.members), this,
                   [this, community] { state_->unfold(community); });
}

void GraphView::add_exploration_actions(QMenu& menu, int node, const QList<EntityId>& acted_on) {
    const auto& graph = *state_->graph();
    const auto& entity = graph.nodes[static_cast<std::size_t>(node)];
    const EntityId id = entity.id;
    menu.addAction(tr("Focus on “%1” and Its Neighbours").arg(entity.name), this,
                   [this, id] { state_->focus_on(id); });
    auto* neighbours = menu.addMenu(tr("Add Neighbours"));
    neighbours->addAction(tr("All Types"), this, [this, id] { state_->add_neighbours(id); });
    for (auto type : {EntityType::Person, EntityType::Organization, EntityType::Country,
                      EntityType::Place, EntityType::Document, EntityType::Date})
        neighbours->addAction(tr("Only %1").arg(to_display_string(type)), this,
                              [this, id, type] { state_->add_neighbours(id, {type}); });
    menu.addAction(acted_on.size() == 1 ? tr("Hide") : tr("Hide %1 Entities").arg(acted_on.size()),
                   this, [this, acted_on] { state_->hide(acted_on); });
    const auto& presentation = state_->presentation();
    if (presentation.mode == ShowMode::Communities && graph.group_node(entity.community) >= 0 &&
        presentation.is_unfolded(entity.community))
        menu.addAction(tr("Fold Its Community"), this,
                       [this, community = entity.community] { state_->fold(community); });
}

} // namespace dossier::gui
