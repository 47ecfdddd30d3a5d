// The Explore menu: the community overview, everything, a focus that grows from one entity,
// hidden entities, and Back / Forward through these steps (ExplorerState's presentation).
#include "app/main_window.h"
#include "graph_view/graph_view.h"

#include <QMenuBar>

namespace dossier::gui {

void MainWindow::build_explore_menu() {
    auto* explore = menuBar()->addMenu(tr("E&xplore"));
    auto* back = explore->addAction(tr("&Back"), &state_, &ExplorerState::go_back);
    back->setShortcut(QKeySequence::Back);
    auto* forward = explore->addAction(tr("&Forward"), &state_, &ExplorerState::go_forward);
    forward->setShortcut(QKeySequence::Forward);
    explore->addSeparator();
    auto* overview =
        explore->addAction(tr("&Community Overview"), &state_, &ExplorerState::show_communities);
    overview->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    overview->setCheckable(true);
    auto* everything =
        explore->addAction(tr("&Everything"), &state_, &ExplorerState::show_everything);
    everything->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    everything->setCheckable(true);
    auto* fold_all = explore->addAction(tr("Fold &All Communities"), this, [this] {
        Presentation next = state_.presentation();
        next.mode = ShowMode::Communities;
        next.unfolded.clear();
        state_.set_presentation(next);
    });
    explore->addSeparator();
    auto* focus = explore->addAction(tr("F&ocus on Selection"), this, [this] {
        if (const auto entities = state_.selected_entities(); !entities.isEmpty())
            state_.focus_on(entities.front());
    });
    focus->setShortcut(Qt::Key_F);
    auto* grow = explore->addAction(tr("Add &Neighbours of Selection"), this, [this] {
        for (const EntityId entity : state_.selected_entities())
            state_.add_neighbours(entity);
    });
    grow->setShortcut(Qt::Key_N);
    auto* hide = explore->addAction(tr("&Hide Selection"), this, [this] {
        state_.hide(state_.selected_entities());
        state_.clear_selection();
    });
    hide->setShortcut(Qt::Key_H);
    auto* show_hidden =
        explore->addAction(tr("&Show Hidden"), &state_, &ExplorerState::show_hidden);
    show_hidden->setShortcut(Qt::SHIFT | Qt::Key_H);

    auto refresh = [=, this] {
        const auto& p = state_.presentation();
        back->setEnabled(state_.can_go_back());
        forward->setEnabled(state_.can_go_forward());
        const bool has_communities = state_.graph()->groups.built;
        overview->setEnabled(has_communities);
        overview->setChecked(p.mode == ShowMode::Communities);
        everything->setChecked(p.mode == ShowMode::Everything);
        fold_all->setEnabled(has_communities && !p.unfolded.empty());
        show_hidden->setEnabled(!p.hidden.empty());
        show_hidden->setText(p.hidden.empty() ? tr("&Show Hidden")
                                              : tr("&Show Hidden (%1)").arg(p.hidden.size()));
        // They act on entities: a selection of community discs alone leaves them off.
        const bool selected = !state_.selected_entities().isEmpty();
        focus->setEnabled(selected);
        grow->setEnabled(selected);
        hide->setEnabled(selected);
    };
    connect(&state_, &ExplorerState::presentation_changed, this, refresh);
    connect(&state_, &ExplorerState::graph_changed, this, refresh);
    connect(&state_, &ExplorerState::selection_changed, this, refresh);
    refresh();
}

} // namespace dossier::gui
