#include "curation/curation_ui.h"

#include "app/main_window.h"
#include "curation/corrections_log_panel.h"
#include "curation/curation_controller.h"
#include "curation/curation_dialogs.h"
#include "dossier/graph/together.h"
#include "dossier/store/project.h"
#include "graph_view/graph_view.h"
#include "panels/details_panel.h"
#include "panels/documents_panel.h"
#include "panels/entities_model.h"
#include "panels/entities_panel.h"
#include "panels/entity_timeline_panel.h"
#include "questions/path_panel.h"
#include "questions/together_panel.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
#include <QUrl>
#include <algorithm>

namespace dossier::gui {
namespace {
constexpr int kMaxCitationChoices = 30;
constexpr int kCitationChars = 90;

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

CurationUi::CurationUi(MainWindow* window)
    : QObject(window), window_(window),
      controller_(new CurationController(window->undo_stack(), this)),
      log_(new CorrectionsLogPanel(window)),
      paths_(new PathPanel(window->state(), &reader_, window->entity_names(),
                           window->details_panel()->scans(), window)),
      together_(new TogetherPanel(window->state(), window->entity_names(),
                                  window->details_panel()->scans(), window)),
      timeline_(new EntityTimelinePanel(window->state(), window)) {
    setObjectName(QStringLiteral("curationUi"));
    connect(window_, &MainWindow::project_loaded, this, &CurationUi::on_project_loaded);
    // A correction, its undo or redo changed the project: the graph, the tables, the details
    // and the document shown are read again.
    connect(controller_, &CurationController::project_changed, this, [this] {
        refresh_log();
        refresh_document_ = true;
        window_->reload();
    });
    connect(paths_, &PathPanel::emphasis_requested, this, [this](const Emphasis& emphasis) {
        emphasis_ = emphasis;
        apply_emphasis();
    });
    connect(paths_, &PathPanel::document_requested, window_->details_panel(),
            &DetailsPanel::document_requested);
    connect(together_, &TogetherPanel::document_requested, window_->details_panel(),
            &DetailsPanel::document_requested);
    connect(window_->details_panel(), &DetailsPanel::curation_link, this,
            &CurationUi::on_details_link);
    // The view forgets an emphasis when a new graph arrives (its indices are stale): so do we.
    connect(window_->state(), &ExplorerState::graph_changed, this, [this] { emphasis_ = {}; });
}

QList<CurationUi::Panel> CurationUi::panels() const {
    return {{QStringLiteral("pathsDock"), tr("Paths"), paths_, Qt::RightDockWidgetArea},
            {QStringLiteral("togetherDock"), tr("Together"), together_, Qt::RightDockWidgetArea},
            {QStringLiteral("correctionsDock"), tr("Corrections"), log_, Qt::BottomDockWidgetArea},
            {QStringLiteral("relationsPerYearDock"), tr("Relations per Year"), timeline_,
             Qt::BottomDockWidgetArea}};
}

void CurationUi::show_panel(QWidget* panel) {
    if (auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget())) {
        dock->show();
        dock->raise();
    }
}

QString CurationUi::name_of(EntityId id) const {
    const auto& graph = *window_->state()->graph();
    const int i = graph.find(id);
    return i < 0 ? tr("entity %1").arg(id.value) : graph.nodes[static_cast<std::size_t>(i)].name;
}

QList<EntityId> CurationUi::selected() const {
    // Entities only: a community's disc in the selection is no entity to correct.
    QList<EntityId> out;
    const auto& graph = *window_->state()->graph();
    for (const EntityId entity : window_->state()->selected_entities())
        if (graph.find(entity) >= 0)
            out << entity;
    return out;
}

void CurationUi::install_menus(QMenuBar* bar) {
    // Before Help, which is the last menu.
    QAction* before = bar->actions().isEmpty() ? nullptr : bar->actions().last();
    auto* curate = new QMenu(tr("&Curate"), bar);
    curate->setObjectName(QStringLiteral("curateMenu"));
    auto add = [this](QMenu* menu, const QString& name, const QString& text, auto slot,
                      bool needs_selection = true) {
        auto* a = menu->addAction(text, this, slot);
        a->setObjectName(name);
        if (needs_selection)
            selection_actions_ << a;
        return a;
    };
    add(curate, QStringLiteral("mergeAction"), tr("&Merge Entities…"), &CurationUi::merge_dialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    add(curate, QStringLiteral("splitAction"), tr("&Split Off…"), &CurationUi::split_dialog);
    add(curate, QStringLiteral("renameAction"), tr("&Rename…"), &CurationUi::rename_dialog)
        ->setShortcut(QKeySequence(Qt::Key_F2));
    add(curate, QStringLiteral("retypeAction"), tr("Change &Type…"), &CurationUi::retype_dialog);
    add(curate, QStringLiteral("rejectAction"), tr("&Not an Entity"),
        &CurationUi::reject_selection);
    curate->addSeparator();
    add(curate, QStringLiteral("relateAction"), tr("&Add Relation…"), &CurationUi::relate_dialog);
    add(curate, QStringLiteral("noteAction"), tr("N&ote…"), &CurationUi::note_dialog);
    curate->addSeparator();
    curate->addAction(tr("Show &Corrections"), this, [this] { show_panel(log_); });
    curate->addAction(tr("&Import Corrections…"), this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(window_, tr("Import Corrections"), QString(),
                                         tr("Corrections (*.json);;All files (*)"));
        if (file.isEmpty())
            return;
        const QString summary = controller_->import_corrections(file);
        if (!summary.isEmpty())
            window_->statusBar()->showMessage(summary, 15000);
        show_panel(log_);
    });
    curate->addAction(tr("E&xport Corrections…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(window_, tr("Export Corrections"),
                                                          QString(), tr("Corrections (*.json)"));
        if (!file.isEmpty() && controller_->export_corrections(file))
            window_->statusBar()->showMessage(tr("Corrections written to %1").arg(file), 8000);
    });

    auto* questions = new QMenu(tr("&Questions"), bar);
    questions->setObjectName(QStringLiteral("questionsMenu"));
    add(questions, QStringLiteral("egoAction"), tr("&Ego Network of Selection…"),
        &CurationUi::ego_dialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    hide_rest_ = questions->addAction(tr("&Hide the Rest of the Graph"));
    hide_rest_->setObjectName(QStringLiteral("hideRestAction"));
    hide_rest_->setCheckable(true);
    connect(hide_rest_, &QAction::toggled, this, [this] { apply_emphasis(); });
    questions->addAction(tr("C&lear Emphasis"), this, &CurationUi::clear_emphasis);
    questions->addSeparator();
    add(questions, QStringLiteral("pathsAction"), tr("&Paths Between…"),
        &CurationUi::paths_for_selection, false);
    add(questions, QStringLiteral("togetherAction"), tr("Where Do They Appear &Together?…"),
        &CurationUi::together_for_selection, false);
    questions->addAction(tr("&Relations per Year"), this, [this] { show_panel(timeline_); });

    bar->insertMenu(before, curate);
    bar->insertMenu(before, questions);

    auto update_enabled = [this] {
        const bool any = !selected().isEmpty();
        for (auto* a : selection_actions_)
            a->setEnabled(any);
    };
    connect(window_->state(), &ExplorerState::selection_changed, this, update_enabled);
    update_enabled();

    // The Entities table's context menu: the same corrections and questions for its rows.
    auto* table = window_->entities_panel()->table();
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint& pos) {
        const QModelIndex index = table->indexAt(pos);
        if (!index.isValid())
            return;
        QList<EntityId> entities = selected();
        const EntityId clicked{index.data(EntitiesModel::kIdRole).toLongLong()};
        if (!entities.contains(clicked)) {
            window_->state()->select_one(clicked);
            entities = {clicked};
        }
        QMenu menu(table);
        fill_entity_menu(&menu, entities);
        menu.exec(table->viewport()->mapToGlobal(pos));
    });
    // The graph's node menu gets the same entries, for the node or the selection it belongs to.
    connect(window_->graph_view(), &GraphView::node_menu_requested, this,
            [this](QMenu* menu, const QList<EntityId>& acted_on) {
                // The actions work on the selected entities, as for the table: a click outside
                // them selects the clicked node.
                if (selected() != acted_on)
                    window_->state()->select_entities(acted_on);
                fill_entity_menu(menu, acted_on);
            });
}

void CurationUi::fill_entity_menu(QMenu* menu, const QList<EntityId>& entities) {
    if (entities.isEmpty())
        return;
    const QString first = name_of(entities.front());
    if (entities.size() >= 2) {
        menu->addAction(tr("Merge “%1” and “%2”…").arg(first, name_of(entities[1])), this,
                        &CurationUi::merge_dialog);
        menu->addAction(tr("Paths Between Them"), this, &CurationUi::paths_for_selection);
        menu->addAction(tr("Where Do They Appear Together?"), this,
                        &CurationUi::together_for_selection);
        menu->addAction(tr("Add Relation Between Them…"), this, &CurationUi::relate_dialog);
    } else {
        menu->addAction(tr("Merge “%1” Into…").arg(first), this, &CurationUi::merge_dialog);
        menu->addAction(tr("Split Off (Alias or Mentions)…"), this, &CurationUi::split_dialog);
        menu->addAction(tr("Add Relation…"), this, &CurationUi::relate_dialog);
    }
    menu->addAction(tr("Rename “%1”…").arg(first), this, &CurationUi::rename_dialog);
    menu->addAction(tr("Change Type…"), this, &CurationUi::retype_dialog);
    menu->addAction(tr("Not an Entity"), this, &CurationUi::reject_selection);
    menu->addAction(tr("Note…"), this, &CurationUi::note_dialog);
    menu->addSeparator();
    menu->addAction(tr("Ego Network…"), this, &CurationUi::ego_dialog);
    menu->addAction(tr("Relations per Year"), this, [this] { show_panel(timeline_); });
}

void CurationUi::on_project_loaded() {
    const QString path = window_->project_path();
    if (path != controller_->project_path()) {
        controller_->set_project(path);
        together_->set_project(path);
        try {
            reader_.open(path.toStdString());
        } catch (const std::exception&) {
            reader_.close(); // evidence is then left out of the path list
        }
    }
    if (refresh_document_) {
        refresh_document_ = false;
        window_->documents_panel()->refresh_text();
    }
    refresh_log();
}

void CurationUi::refresh_log() {
    log_->set_records(controller_->records());
}

void CurationUi::merge_dialog() {
    const auto chosen = selected();
    EntityId from, into;
    if (!chosen.isEmpty()) {
        from = chosen.front();
        if (chosen.size() >= 2) {
            into = chosen[1];
            // The better attested entity stays by default.
            const auto& g = *window_->state()->graph();
            const int a = g.find(from), b = g.find(into);
            if (a >= 0 && b >= 0 &&
                g.nodes[static_cast<std::size_t>(a)].mentions >
                    g.nodes[static_cast<std::size_t>(b)].mentions)
                std::swap(from, into);
        }
    }
    // A copy of the pointer: a reload while the dialog is open replaces the window's graph, and
    // the dialog reads this one until it is closed.
    const auto graph = window_->state()->graph();
    MergeDialog dialog(*graph, from, into, window_, window_->entity_names());
    if (dialog.exec() != QDialog::Accepted)
        return;
    controller_->merge(dialog.from(), dialog.into(), dialog.canonical_name());
}

void CurationUi::split_dialog() {
    const auto chosen = selected();
    if (chosen.isEmpty())
        return;
    const auto graph = window_->state()->graph(); // kept alive while the dialog is open
    const auto& g = *graph;
    const int i = g.find(chosen.front());
    std::vector<MentionChoice> mentions;
    for (const auto& m : controller_->mentions_of(chosen.front()))
        mentions.push_back({m.id, tr("“%1” in %2 (bytes %3–%4)")
                                      .arg(m.surface, m.document_title)
                                      .arg(m.span.start)
                                      .arg(m.span.end)});
    SplitDialog dialog(g.nodes[static_cast<std::size_t>(i)], mentions, window_);
    if (dialog.exec() != QDialog::Accepted)
        return;
    controller_->split(chosen.front(), dialog.alias(), dialog.chosen_mentions(), dialog.new_name());
}

void CurationUi::rename_dialog() {
    const auto chosen = selected();
    if (chosen.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(window_, tr("Rename"), tr("New canonical name:"),
                                               QLineEdit::Normal, name_of(chosen.front()), &ok);
    if (ok)
        controller_->rename(chosen.front(), name);
}

void CurationUi::retype_dialog() {
    const auto chosen = selected();
    if (chosen.isEmpty())
        return;
    const auto& g = *window_->state()->graph();
    const auto current = g.nodes[static_cast<std::size_t>(g.find(chosen.front()))].type;
    QStringList labels;
    std::vector<EntityType> types;
    for (auto t : {EntityType::Person, EntityType::Organization, EntityType::Country,
                   EntityType::Place, EntityType::Document, EntityType::Date}) {
        labels << to_display_string(t);
        types.push_back(t);
    }
    bool ok = false;
    const auto at = std::find(types.begin(), types.end(), current) - types.begin();
    const QString label = QInputDialog::getItem(window_, tr("Change Type"),
                                                tr("Type of “%1”:").arg(name_of(chosen.front())),
                                                labels, static_cast<int>(at), false, &ok);
    if (ok)
        controller_->retype(chosen.front(), types[static_cast<std::size_t>(labels.indexOf(label))]);
}

void CurationUi::reject_selection() {
    // No confirmation: Ctrl+Z takes it back.
    for (EntityId id : selected())
        controller_->reject(id);
}

void CurationUi::relate_dialog() {
    const auto chosen = selected();
    const EntityId source = chosen.isEmpty() ? EntityId{} : chosen.front();
    const EntityId target = chosen.size() >= 2 ? chosen[1] : EntityId{};
    const QString path = controller_->project_path();
    auto find_citations = [path](EntityId a, EntityId b) {
        std::vector<CitationChoice> out;
        try {
            auto project = store::Project::open(path.toStdString(), store::OpenMode::ReadOnly);
            for (const auto& m : graph::appear_together(project, a, b)) {
                if (out.size() >= static_cast<std::size_t>(kMaxCitationChoices))
                    break;
                QString sentence = qs(m.text).simplified();
                if (sentence.size() > kCitationChars)
                    sentence = sentence.left(kCitationChars - 1) + QStringLiteral("…");
                out.push_back(
                    {QStringLiteral("“%1” — %2%3")
                         .arg(sentence, qs(m.title),
                              m.date.empty() ? QString() : QStringLiteral(" (%1)").arg(qs(m.date))),
                     {m.document, m.sentence}});
            }
        } catch (const std::exception&) {
            // No passage to offer: the relation can still rest on its note.
        }
        return out;
    };
    const auto graph = window_->state()->graph(); // kept alive while the dialog is open
    RelateDialog dialog(*graph, source, target, window_->snapshot().relation_types, find_citations,
                        window_, window_->entity_names());
    if (dialog.exec() != QDialog::Accepted)
        return;
    controller_->relate(dialog.source(), dialog.target(), dialog.type(), dialog.note(),
                        dialog.citation());
}

void CurationUi::note_dialog() {
    const auto chosen = selected();
    if (chosen.isEmpty())
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        window_, tr("Note"),
        tr("Note on “%1” (kept in the corrections log):").arg(name_of(chosen.front())), QString(),
        &ok);
    if (ok)
        controller_->note_entity(chosen.front(), text);
}

void CurationUi::on_details_link(const QUrl& url) {
    const QString what = url.path();
    if (url.scheme() == QLatin1String("unrelate")) {
        controller_->unrelate(RelationId{what.toLongLong()});
    } else if (url.scheme() == QLatin1String("note-relation")) {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            window_, tr("Note on Relation"), tr("Note (stored on the relation):"), QString(), &ok);
        if (ok)
            controller_->note_relation(RelationId{what.toLongLong()}, text);
    } else if (url.scheme() == QLatin1String("curate")) {
        // They act on the entity shown, which is the first of the selection.
        const std::pair<const char*, void (CurationUi::*)()> actions[] = {
            {"rename", &CurationUi::rename_dialog},    {"retype", &CurationUi::retype_dialog},
            {"merge", &CurationUi::merge_dialog},      {"split", &CurationUi::split_dialog},
            {"reject", &CurationUi::reject_selection}, {"relate", &CurationUi::relate_dialog},
            {"note", &CurationUi::note_dialog},        {"ego", &CurationUi::ego_dialog}};
        for (const auto& [name, action] : actions)
            if (what == QLatin1String(name))
                (this->*action)();
        if (what == QLatin1String("per-year"))
            show_panel(timeline_);
    }
}

void CurationUi::ego_dialog() {
    if (selected().isEmpty())
        return;
    bool ok = false;
    const int hops = QInputDialog::getInt(window_, tr("Ego Network"),
                                          tr("Show what lies within this many links of the "
                                             "selection:"),
                                          1, 1, 6, 1, &ok);
    if (ok)
        show_ego_network(hops);
}

void CurationUi::show_ego_network(int hops) {
    const auto& state = *window_->state();
    std::vector<int> around;
    for (const EntityId entity : selected())
        around.push_back(state.graph()->find(entity));
    emphasis_ = ego_network(*state.graph(), state.filtered(), around, hops);
    apply_emphasis();
}

void CurationUi::set_hide_rest(bool hide) {
    if (hide_rest_)
        hide_rest_->setChecked(hide); // re-applies through toggled
}

void CurationUi::clear_emphasis() {
    emphasis_ = {};
    window_->graph_view()->clear_emphasis();
}

void CurationUi::apply_emphasis() {
    if (emphasis_.nodes.empty()) {
        window_->graph_view()->clear_emphasis();
        return;
    }
    window_->graph_view()->set_emphasis(emphasis_.nodes, emphasis_.edges,
                                        hide_rest_ && hide_rest_->isChecked());
}

void CurationUi::paths_for_selection() {
    const auto chosen = selected();
    show_panel(paths_);
    if (chosen.size() >= 2)
        paths_->find(chosen[0], chosen[1], graph::PathMode::Hops);
    else if (chosen.size() == 1)
        paths_->from_picker()->set_entity(chosen[0]);
}

void CurationUi::together_for_selection() {
    const auto chosen = selected();
    show_panel(together_);
    if (chosen.size() >= 2)
        together_->find(chosen[0], chosen[1]);
    else if (chosen.size() == 1)
        together_->first_picker()->set_entity(chosen[0]);
}

} // namespace dossier::gui
