// The window's menus (File, Project, Edit, View, Layout, Help; the Curate and Questions menus are
// curation_ui.h's), the toolbar with the most used of their actions, and the recent projects.
#include "app/main_window.h"
#include "app/ocr_options_dialog.h"
#include "graph_view/graph_view.h"
#include "jobs/layout_controller.h"
#include "panels/search_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QToolBar>
#include <QUndoStack>

namespace dossier::gui {
namespace {
constexpr int kMaxRecent = 8;
} // namespace

void MainWindow::build_actions_and_menus() {
    build_file_menu();
    build_project_menu();
    build_edit_menu();
    build_view_menu();
    build_explore_menu();
    build_layout_menu();
    build_help_menu();
    build_toolbar();
}

void MainWindow::build_file_menu() {
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* new_action = file->addAction(tr("&New Project…"), this, &MainWindow::choose_new_project);
    new_action->setShortcut(QKeySequence::New);
    auto* open_action = toolbar_actions_.open_project =
        file->addAction(tr("&Open Project…"), this, &MainWindow::choose_open_project);
    open_action->setShortcut(QKeySequence::Open);
    recent_menu_ = file->addMenu(tr("Open &Recent"));
    rebuild_recent_menu();
    file->addSeparator();
    auto* import_files = toolbar_actions_.import_files =
        file->addAction(tr("&Import Files…"), this, &MainWindow::choose_import_files);
    import_files->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    auto* import_folder =
        file->addAction(tr("Import &Folder…"), this, &MainWindow::choose_import_folder);
    import_folder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    file->addAction(tr("&OCR Options…"), this, [this] { edit_ocr_import_settings(this); })
        ->setObjectName(QStringLiteral("ocrOptionsAction"));
    auto* export_action = toolbar_actions_.export_figure =
        file->addAction(tr("&Export…"), this, &MainWindow::show_export_dialog);
    export_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::build_project_menu() {
    auto* project_menu = menuBar()->addMenu(tr("&Project"));
    extract_action_ =
        project_menu->addAction(tr("E&xtract Again"), this, &MainWindow::extract_again);
    extract_action_->setObjectName(QStringLiteral("extractAgainAction"));
    extract_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    extract_action_->setStatusTip(
        tr("Read every document again for entities and relations; corrections are replayed"));
    extract_action_->setEnabled(false); // until a project is open
}

void MainWindow::build_edit_menu() {
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    auto* undo = undo_action_ = undo_stack_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = redo_action_ = undo_stack_->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    auto* find = edit->addAction(tr("&Find…"), this, [this] {
        search_box_->setFocus();
        search_box_->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    auto* clear =
        edit->addAction(tr("Clear Selection"), this, [this] { state_.clear_selection(); });
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

void MainWindow::build_view_menu() {
    view_menu_ = menuBar()->addMenu(tr("&View"));
    auto* panels = view_menu_->addMenu(tr("&Panels"));
    for (auto* dock : docks_)
        panels->addAction(dock->toggleViewAction());
    view_menu_->addSeparator();
    auto* fit = toolbar_actions_.fit_view =
        view_menu_->addAction(tr("&Fit to Window"), view_, &GraphView::fit_view);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    auto* zoom_in = view_menu_->addAction(tr("Zoom &In"), view_, &GraphView::zoom_in);
    zoom_in->setShortcut(QKeySequence::ZoomIn);
    auto* zoom_out = view_menu_->addAction(tr("Zoom &Out"), view_, &GraphView::zoom_out);
    zoom_out->setShortcut(QKeySequence::ZoomOut);
    view_menu_->addSeparator();
    auto* color_menu = view_menu_->addMenu(tr("&Colour Nodes By"));
    auto* color_group = new QActionGroup(this);
    for (auto [label, by] : {std::pair{tr("Entity Type"), ColorBy::Type},
                             std::pair{tr("Community"), ColorBy::Community}}) {
        auto* a = color_menu->addAction(label, this, [this, by = by] {
            set_style_option([by](GraphStyle& s) { s.color_by = by; });
        });
        a->setCheckable(true);
        a->setChecked(by == ColorBy::Type);
        color_group->addAction(a);
    }
    auto* size_menu = view_menu_->addMenu(tr("&Size Nodes By"));
    auto* size_group = new QActionGroup(this);
    for (auto by : {SizeBy::Uniform, SizeBy::Degree, SizeBy::Mentions, SizeBy::Betweenness,
                    SizeBy::PageRank}) {
        auto* a = size_menu->addAction(to_display_string(by), this, [this, by] {
            set_style_option([by](GraphStyle& s) { s.size_by = by; });
        });
        a->setCheckable(true);
        a->setChecked(by == SizeBy::Degree);
        size_group->addAction(a);
    }
    auto* labels = view_menu_->addAction(tr("Show &Labels"));
    labels->setCheckable(true);
    labels->setChecked(true);
    connect(labels, &QAction::toggled, this,
            [this](bool on) { set_style_option([on](GraphStyle& s) { s.show_labels = on; }); });
    auto* widths = view_menu_->addAction(tr("Edge &Width by Weight"));
    widths->setCheckable(true);
    widths->setChecked(true);
    connect(widths, &QAction::toggled, this,
            [this](bool on) { set_style_option([on](GraphStyle& s) { s.width_by_weight = on; }); });
    view_menu_->addSeparator();
    view_menu_->addAction(tr("&Reset Window Layout"), this, [this] {
        restoreState(default_state_);
        for (auto* dock : docks_)
            dock->show();
    });
}

void MainWindow::build_layout_menu() {
    auto* layout_menu = menuBar()->addMenu(tr("&Layout"));
    auto* engine_menu = layout_menu->addMenu(tr("&Engine"));
    engine_group_ = new QActionGroup(this);
    auto* automatic = engine_menu->addAction(tr("Automatic (by size)"), this,
                                             [this] { layout_->set_engine({}); });
    automatic->setCheckable(true);
    automatic->setChecked(true);
    engine_group_->addAction(automatic);
    engine_menu->addSeparator();
    for (const auto& engine : LayoutController::engines()) {
        auto* a =
            engine_menu->addAction(engine, this, [this, engine] { layout_->set_engine(engine); });
        a->setCheckable(true);
        engine_group_->addAction(a);
    }
    layout_menu->addAction(tr("&Seed…"), this, [this] {
        bool ok = false;
        const int seed = QInputDialog::getInt(
            this, tr("Layout Seed"), tr("The same graph, engine and seed give the same picture:"),
            static_cast<int>(layout_->seed()), 0, 1 << 30, 1, &ok);
        if (ok)
            layout_->set_seed(static_cast<std::uint32_t>(seed));
    });
    layout_menu->addAction(tr("&Unpin All Nodes"), view_, &GraphView::unpin_all);
    auto* relayout = toolbar_actions_.relayout =
        layout_menu->addAction(tr("&Re-layout"), layout_, &LayoutController::relayout);
    relayout->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
}

void MainWindow::build_help_menu() {
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Dossier"), this, [this] {
        QMessageBox::about(
            this, tr("About Dossier"),
            tr("<h3>Dossier %1</h3><p>Reads archival documents, extracts the people, "
               "organisations, countries and places they name and the relations between "
               "them, each with the sentences it came from.</p>")
                .arg(QStringLiteral(DOSSIER_VERSION)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

// Search and the most used actions.
void MainWindow::build_toolbar() {
    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(toolbar_actions_.open_project);
    toolbar->addAction(toolbar_actions_.import_files);
    toolbar->addAction(toolbar_actions_.export_figure);
    toolbar->addSeparator();
    toolbar->addAction(toolbar_actions_.fit_view);
    toolbar->addAction(toolbar_actions_.relayout);
    toolbar->addSeparator();
    search_box_ = new QLineEdit(this);
    search_box_->setObjectName(QStringLiteral("searchBox"));
    search_box_->setPlaceholderText(tr("Search names and full text (Ctrl+F)"));
    search_box_->setClearButtonEnabled(true);
    search_box_->setMaximumWidth(360);
    toolbar->addWidget(search_box_);
    connect(search_box_, &QLineEdit::returnPressed, this, [this] {
        search_->search(search_box_->text());
        search_dock_->show();
        search_dock_->raise();
    });
}

void MainWindow::remember_recent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    rebuild_recent_menu();
}

void MainWindow::rebuild_recent_menu() {
    recent_menu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const auto& path : recent) {
        auto* a = recent_menu_->addAction(QFileInfo(path).fileName(), this,
                                          [this, path] { open_project(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    recent_menu_->setEnabled(!recent.isEmpty());
}

} // namespace dossier::gui
