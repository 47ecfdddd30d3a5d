#include "app/main_window.h"

#include "curation/curation_controller.h"
#include "curation/curation_ui.h"
#include "dossier/store/store_error.h"
#include "export/export_dialog.h"
#include "graph_view/graph_view.h"
#include "graph_view/node_positions.h"
#include "graph_view/unpin_command.h"
#include "jobs/layout_controller.h"
#include "panels/details_panel.h"
#include "panels/documents_panel.h"
#include "panels/entities_panel.h"
#include "panels/entity_names_model.h"
#include "panels/extraction_banner.h"
#include "panels/filters_panel.h"
#include "panels/search_panel.h"
#include "panels/timeline_widget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace dossier::gui {
namespace {
constexpr int kMaxRecent = 8;
const QString kProjectSuffix = QStringLiteral("dossier");
const QString kProjectFilter = QObject::tr("Dossier projects (*.dossier);;All files (*)");

QString advice_for(const store::StoreError& e) {
    using Kind = store::StoreError::Kind;
    switch (e.kind()) {
    case Kind::NotAProject:
        return QObject::tr(
            "This file is not a Dossier project. Choose a .dossier file, or create one with "
            "File ▸ New Project.");
    case Kind::NewerSchema:
        return QObject::tr(
            "The project was written by a newer Dossier. Open it with that version.");
    case Kind::ReadOnly:
        return QObject::tr(
            "The project cannot be written here. Copy it to a folder you can write to.");
    case Kind::DiskFull:
        return QObject::tr("The disk is full. Free some space and try again; nothing was lost.");
    case Kind::Busy:
        return QObject::tr("Another program is writing the project. Try again in a moment.");
    default:
        return {};
    }
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Dossier"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    undo_stack_ = new QUndoStack(this);
    entity_names_ = new EntityNamesModel(this);
    layout_ = new LayoutController(&state_, this);

    view_ = new GraphView(&state_, this);
    banner_ = new ExtractionBanner(this);
    banner_->hide();
    // The graph fills the centre; the banner, when shown, sits above it.
    auto* centre = new QWidget(this);
    auto* centre_layout = new QVBoxLayout(centre);
    centre_layout->setContentsMargins(0, 0, 0, 0);
    centre_layout->setSpacing(0);
    centre_layout->addWidget(banner_);
    centre_layout->addWidget(view_, 1);
    setCentralWidget(centre);
    connect(banner_, &ExtractionBanner::extract_requested, this, &MainWindow::extract_again);
    connect(banner_, &ExtractionBanner::dismissed, this, [this] { banner_dismissed_ = true; });
    documents_ = new DocumentsPanel(&state_, &reader_, this);
    entities_ = new EntitiesPanel(&state_, this);
    details_ = new DetailsPanel(&state_, &reader_, this);
    filters_ = new FiltersPanel(&state_, this);
    timeline_ = new TimelineWidget(this);
    search_ = new SearchPanel(&state_, &reader_, this);
    details_->set_document_labeler([this](DocumentId id) {
        const int row = documents_->model()->row_of(id);
        if (row < 0)
            return tr("Document %1").arg(id.value);
        const auto& r = documents_->model()->rows()[static_cast<std::size_t>(row)];
        return r.date.isEmpty() ? r.title : QStringLiteral("%1 (%2)").arg(r.title, r.date);
    });

    add_dock(QStringLiteral("filtersDock"), tr("Filters"), filters_, Qt::LeftDockWidgetArea);
    add_dock(QStringLiteral("entitiesDock"), tr("Entities"), entities_, Qt::LeftDockWidgetArea);
    add_dock(QStringLiteral("detailsDock"), tr("Details"), details_, Qt::RightDockWidgetArea);
    add_dock(QStringLiteral("searchDock"), tr("Search Results"), search_, Qt::RightDockWidgetArea);
    add_dock(QStringLiteral("documentsDock"), tr("Documents"), documents_, Qt::RightDockWidgetArea);
    add_dock(QStringLiteral("timelineDock"), tr("Timeline"), timeline_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(docks_[2], docks_[3]);
    docks_[2]->raise();
    // Curation and questions (curation_ui.h): its panels stack with Details or the Timeline.
    auto* curation = curation_ = new CurationUi(this);
    for (const auto& panel : curation->panels())
        tabifyDockWidget(panel.area == Qt::RightDockWidgetArea ? docks_[2] : docks_[5],
                         add_dock(panel.object_name, panel.title, panel.widget, panel.area));
    docks_[2]->raise();
    docks_[5]->raise();
    connect(curation->controller(), &CurationController::failed, this,
            [this](const QString& title, const QString& message) { show_error(title, message); });

    counts_label_ = new QLabel(this);
    counts_label_->setObjectName(QStringLiteral("countsLabel"));
    activity_label_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(220);
    progress_->hide();
    cancel_button_ = new QToolButton(this);
    cancel_button_->setText(tr("Cancel"));
    cancel_button_->setToolTip(tr("Stop the running import or layout (what is done is kept)"));
    cancel_button_->hide();
    statusBar()->addWidget(counts_label_, 1);
    statusBar()->addPermanentWidget(activity_label_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_button_);
    connect(cancel_button_, &QToolButton::clicked, this, &MainWindow::cancel_running);

    build_actions_and_menus();
    curation->install_menus(menuBar());

    connect(&state_, &ExplorerState::filter_changed, this, &MainWindow::update_counts);
    connect(&state_, &ExplorerState::selection_changed, this, [this] {
        update_counts();
        // Reading a document: the entity chosen elsewhere shows in its text if it occurs there.
    });
    connect(timeline_, &TimelineWidget::range_changed, this, [this](int from, int to) {
        GraphFilter filter = state_.filter();
        filter.from_month = from;
        filter.to_month = to;
        state_.set_filter(filter);
    });
    connect(details_, &DetailsPanel::document_requested, this, [this](DocumentId id) {
        docks_[4]->show();
        docks_[4]->raise();
        documents_->show_document(id);
    });
    connect(search_, &SearchPanel::document_requested, details_, &DetailsPanel::document_requested);
    connect(view_, &GraphView::node_position_changed, this,
            [this](EntityId entity, QPointF position, bool pinned) {
                save_positions({{entity, position, pinned}});
            });
    connect(view_, &GraphView::nodes_unpinned, this, [this](const QList<EntityId>& entities) {
        store_pins(entities, false);
        const QString text = entities.size() == 1 ? tr("Unpin Node") : tr("Unpin All Nodes");
        undo_stack_->push(new UnpinCommand(
            entities,
            [this](const QList<EntityId>& which, bool pinned) { set_pins(which, pinned); }, text));
    });
    connect(view_, &GraphView::node_activated, this, [this](EntityId) {
        docks_[2]->show();
        docks_[2]->raise();
    });
    connect(&loader_, &QFutureWatcher<std::shared_ptr<ProjectSnapshot>>::finished, this, [this] {
        // Moved, not copied: it holds a row per document (100,000 in a large project).
        ProjectSnapshot snapshot = std::move(*loader_.result());
        if (!snapshot.error.isEmpty()) {
            set_activity({});
            show_error(tr("Cannot open project"), snapshot.error);
        } else {
            apply_snapshot(std::move(snapshot));
        }
        if (reload_again_) {
            reload_again_ = false;
            reload();
        }
    });
    connect(&metrics_,
            &QFutureWatcher<std::pair<std::shared_ptr<ExplorerGraph>, QStringList>>::finished, this,
            [this] {
                auto [graph, notes] = metrics_.result();
                // Only if the graph shown is still the one the metrics were computed for.
                if (graph && state_.graph() == metrics_for_) {
                    for (std::size_t i = 0; i < graph->nodes.size(); ++i)
                        graph->nodes[i].position = state_.graph()->nodes[i].position;
                    snapshot_.notes << notes;
                    snapshot_.graph = graph;
                    state_.set_graph(graph);
                    update_counts();
                }
                metrics_for_.reset();
                emit metrics_ready();
            });
    connect(&importer_, &ImportController::progress, this,
            [this](const QString& phase, int done, int total, const QString& current) {
                set_activity(current.isEmpty() ? phase
                                               : QStringLiteral("%1 %2").arg(
                                                     phase, QFileInfo(current).fileName()),
                             done, total, true);
            });
    connect(&importer_, &ImportController::finished, this, &MainWindow::on_import_finished);
    connect(&extractor_, &ExtractionController::progress, this, [this](int done, int total) {
        set_activity(tr("Extracting entities and relations…"), done, total, true);
    });
    connect(&extractor_, &ExtractionController::finished, this,
            &MainWindow::on_extraction_finished);
    import_refresh_.setInterval(2000);
    connect(&import_refresh_, &QTimer::timeout, this, &MainWindow::reload);
    connect(layout_, &LayoutController::started, this, [this](const QString& estimate) {
        set_activity(estimate.isEmpty() ? tr("Laying out…") : tr("Laying out (%1)…").arg(estimate),
                     0, 0, true);
    });
    connect(layout_, &LayoutController::progress, this, [this](int percent) {
        progress_->setRange(0, 100); // the layout service's estimate
        progress_->setValue(percent);
    });
    connect(layout_, &LayoutController::finished, this, [this](bool ok, const QString& message) {
        set_activity({});
        if (ok) {
            view_->fit_view();
            statusBar()->showMessage(message, 5000);
            save_positions(placed_positions(*state_.graph())); // the next open starts here
        } else if (!message.isEmpty())
            show_error(tr("Layout"), message);
        emit layout_finished(ok);
    });

    default_state_ = saveState();
    restore_settings();
    update_counts();
}

MainWindow::~MainWindow() {
    importer_.cancel();
    importer_.wait();
    if (load_cancel_)
        load_cancel_->store(true);
    loader_.waitForFinished();
    metrics_.waitForFinished();
}

QDockWidget* MainWindow::add_dock(const QString& object_name, const QString& title, QWidget* widget,
                                  Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(object_name);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    docks_.append(dock);
    return dock;
}

void MainWindow::build_actions_and_menus() {
    // File
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* new_action = file->addAction(tr("&New Project…"), this, &MainWindow::choose_new_project);
    new_action->setShortcut(QKeySequence::New);
    auto* open_action =
        file->addAction(tr("&Open Project…"), this, &MainWindow::choose_open_project);
    open_action->setShortcut(QKeySequence::Open);
    recent_menu_ = file->addMenu(tr("Open &Recent"));
    rebuild_recent_menu();
    file->addSeparator();
    auto* import_files =
        file->addAction(tr("&Import Files…"), this, &MainWindow::choose_import_files);
    import_files->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    auto* import_folder =
        file->addAction(tr("Import &Folder…"), this, &MainWindow::choose_import_folder);
    import_folder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    auto* export_action = file->addAction(tr("&Export…"), this, &MainWindow::show_export_dialog);
    export_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Project
    auto* project_menu = menuBar()->addMenu(tr("&Project"));
    extract_action_ =
        project_menu->addAction(tr("E&xtract Again"), this, &MainWindow::extract_again);
    extract_action_->setObjectName(QStringLiteral("extractAgainAction"));
    extract_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    extract_action_->setStatusTip(
        tr("Read every document again for entities and relations; corrections are replayed"));
    extract_action_->setEnabled(false); // until a project is open

    // Edit
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

    // View
    view_menu_ = menuBar()->addMenu(tr("&View"));
    auto* panels = view_menu_->addMenu(tr("&Panels"));
    for (auto* dock : docks_)
        panels->addAction(dock->toggleViewAction());
    view_menu_->addSeparator();
    auto* fit = view_menu_->addAction(tr("&Fit to Window"), view_, &GraphView::fit_view);
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

    // Layout
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
    auto* relayout = layout_menu->addAction(tr("&Re-layout"), layout_, &LayoutController::relayout);
    relayout->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    relayout->setEnabled(LayoutController::available());
    if (!LayoutController::available())
        relayout->setToolTip(tr("This build has no Graphviz layout module"));

    // Help
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

    // Toolbar: search and the most used actions.
    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(open_action);
    toolbar->addAction(import_files);
    toolbar->addAction(export_action);
    toolbar->addSeparator();
    toolbar->addAction(fit);
    toolbar->addAction(relayout);
    toolbar->addSeparator();
    search_box_ = new QLineEdit(this);
    search_box_->setObjectName(QStringLiteral("searchBox"));
    search_box_->setPlaceholderText(tr("Search names and full text (Ctrl+F)"));
    search_box_->setClearButtonEnabled(true);
    search_box_->setMaximumWidth(360);
    toolbar->addWidget(search_box_);
    connect(search_box_, &QLineEdit::returnPressed, this, [this] {
        search_->search(search_box_->text());
        docks_[3]->show();
        docks_[3]->raise();
    });
}

void MainWindow::set_style_option(const std::function<void(GraphStyle&)>& change) {
    GraphStyle style = view_->style();
    change(style);
    view_->set_style(style);
}

bool MainWindow::busy() const {
    return loader_.isRunning() || importer_.running() || extractor_.running() || layout_->running();
}

void MainWindow::open_project(const QString& path) {
    if (loader_.isRunning()) {
        if (path == pending_path_)
            return;
        load_cancel_->store(true);
        loader_.waitForFinished();
    }
    pending_path_ = path;
    load_cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto cancel = load_cancel_;
    const std::filesystem::path fs_path = path.toStdString();
    set_activity(tr("Opening %1…").arg(QFileInfo(path).fileName()), 0, 0, false);
    loader_.setFuture(QtConcurrent::run([fs_path, cancel, path] {
        // Exceptions become a message here: a future must not carry them back into the GUI.
        auto snapshot = std::make_shared<ProjectSnapshot>();
        try {
            *snapshot = load_project_snapshot(fs_path, cancel.get());
        } catch (const store::StoreError& e) {
            const QString advice = advice_for(e);
            snapshot->error =
                tr("%1\n\n%2%3")
                    .arg(path, QString::fromUtf8(e.what()),
                         advice.isEmpty() ? QString() : QStringLiteral("\n\n") + advice);
        } catch (const std::exception& e) {
            snapshot->error = tr("%1\n\n%2").arg(path, QString::fromUtf8(e.what()));
        }
        return snapshot;
    }));
}

void MainWindow::reload() {
    if (project_path_.isEmpty())
        return;
    if (loader_.isRunning()) {
        reload_again_ = true;
        return;
    }
    open_project(project_path_);
}

bool MainWindow::new_project(const QString& chosen) {
    QString path = chosen;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + kProjectSuffix;
    try {
        store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
    } catch (const std::exception& e) {
        show_error(tr("Cannot create project"),
                   tr("%1\n\n%2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
    open_project(path);
    return true;
}

void MainWindow::apply_snapshot(ProjectSnapshot snapshot) {
    const QString path = QString::fromStdString(snapshot.path.string());
    const bool same_project = path == project_path_;
    if (!same_project || !reader_.is_open()) {
        try {
            reader_.open(snapshot.path);
        } catch (const std::exception& e) {
            set_activity({});
            show_error(tr("Cannot open project"),
                       tr("%1\n\n%2").arg(path, QString::fromUtf8(e.what())));
            return;
        }
    }
    project_path_ = path;
    if (!same_project)
        banner_dismissed_ = false;
    // A reload of the same project keeps the positions of the entities it already showed.
    int new_nodes = 0;
    if (same_project) {
        const auto& old_graph = *state_.graph();
        for (auto& node : snapshot.graph->nodes) {
            const int old = old_graph.find(node.id);
            if (old >= 0) {
                const auto& was = old_graph.nodes[static_cast<std::size_t>(old)];
                node.position = was.position;
                node.pinned = was.pinned;
                node.has_stored_position = was.has_stored_position;
            } else {
                ++new_nodes;
            }
        }
    }
    snapshot_ = std::move(snapshot);
    setWindowTitle(tr("%1 — Dossier").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    remember_recent(path);

    std::vector<MonthIndex> months;
    months.reserve(snapshot_.documents.size());
    for (const auto& d : snapshot_.documents)
        months.push_back(d.month);
    timeline_->set_months(months);
    filters_->set_relation_types(snapshot_.relation_types);
    entity_names_->set_rows(std::move(snapshot_.entity_names));
    state_.set_graph(snapshot_.graph);
    // After the graph: the document shown marks the mentions of entities the graph lacks as
    // rejected, so with the previous graph every new entity looked rejected after an extraction.
    documents_->set_documents(std::move(snapshot_.documents)); // the table keeps them
    if (!importer_.running() && !extractor_.running() && !layout_->running())
        set_activity({});
    update_counts();
    update_extraction_banner();
    emit project_loaded();
    start_metrics();
    // A project that remembers where every node goes opens as it was left, without a layout.
    const bool all_placed =
        snapshot_.stored_positions == static_cast<int>(snapshot_.graph->nodes.size());
    const bool changed = (!same_project && !all_placed) || new_nodes > 0;
    if (auto_layout_ && changed && LayoutController::available() && !importer_.running() &&
        !extractor_.running() && !state_.graph()->nodes.empty())
        layout_->relayout();
}

void MainWindow::set_pins(const QList<EntityId>& entities, bool pinned) {
    std::vector<int> indices;
    for (const auto& id : entities)
        if (const int i = state_.graph()->find(id); i >= 0)
            indices.push_back(i);
    state_.set_pinned(indices, pinned);
    store_pins(entities, pinned);
}

void MainWindow::store_pins(const QList<EntityId>& entities, bool pinned) {
    std::vector<StoredPosition> positions;
    const auto& graph = *state_.graph();
    for (const auto& id : entities)
        if (const int i = graph.find(id); i >= 0)
            positions.push_back({id, graph.nodes[static_cast<std::size_t>(i)].position, pinned});
    save_positions(std::move(positions));
}

void MainWindow::save_positions(std::vector<StoredPosition> positions) {
    if (project_path_.isEmpty() || positions.empty())
        return;
    save_node_positions_in_background(project_path_, std::move(positions))
        .then(this, [this](const QString& error) {
            if (!error.isEmpty())
                show_error(tr("Node positions not saved"), error);
        });
}

void MainWindow::start_metrics() {
    if (metrics_.isRunning() || state_.graph()->nodes.empty())
        return;
    metrics_for_ = state_.graph();
    auto copy = std::make_shared<ExplorerGraph>(*state_.graph());
    const std::filesystem::path path = project_path_.toStdString();
    metrics_.setFuture(QtConcurrent::run([copy, path] {
        QStringList notes;
        try {
            add_graph_metrics(path, *copy, notes);
        } catch (const std::exception& e) {
            notes << tr("metrics not computed: %1").arg(QString::fromUtf8(e.what()));
        }
        return std::make_pair(copy, notes);
    }));
}

QString MainWindow::status_counts() const {
    return counts_label_->text();
}

void MainWindow::update_counts() {
    if (project_path_.isEmpty()) {
        counts_label_->setText(tr("No project open — File ▸ Open or drop a .dossier file here"));
        return;
    }
    const auto& graph = *state_.graph();
    QString text = tr("%1 documents · %2 entities · %3 relations · showing %4 nodes, %5 edges")
                       .arg(documents_->model()->rows().size())
                       .arg(graph.nodes.size())
                       .arg(graph.edges.size())
                       .arg(state_.visible().node_count)
                       .arg(state_.visible().edge_count);
    if (!state_.selection().isEmpty())
        text += tr(" · %1 selected").arg(state_.selection().size());
    counts_label_->setText(text);
    counts_label_->setToolTip(snapshot_.notes.join(QLatin1Char('\n')));
}

void MainWindow::set_activity(const QString& text, int done, int total, bool cancellable) {
    activity_label_->setText(text);
    const bool active = !text.isEmpty();
    progress_->setVisible(active);
    cancel_button_->setVisible(active && cancellable);
    if (active) {
        progress_->setRange(0, std::max(0, total)); // 0..0 is the busy indicator
        if (total > 0)
            progress_->setValue(std::clamp(done, 0, total));
    }
}

void MainWindow::cancel_running() {
    importer_.cancel();
    extractor_.cancel();
    layout_->cancel();
    activity_label_->setText(tr("Cancelling…"));
}

void MainWindow::show_error(const QString& title, const QString& message) {
    last_error_ = message;
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0) + QStringLiteral(" ") +
                                 message.section(QLatin1Char('\n'), 2, 2),
                             10000);
    if (interactive_)
        QMessageBox::warning(this, title, message);
}

void MainWindow::import_paths(const QStringList& paths) {
    if (paths.isEmpty())
        return;
    if (project_path_.isEmpty() && pending_path_.isEmpty()) {
        show_error(tr("Import"),
                   tr("Open or create a project first (File ▸ New Project), then import into it."));
        return;
    }
    if (importer_.running() || extractor_.running()) {
        show_error(tr("Import"),
                   tr("An import or extraction is already running. Wait for it or cancel it "
                      "first."));
        return;
    }
    const QString target = project_path_.isEmpty() ? pending_path_ : project_path_;
    set_activity(tr("Importing…"), 0, 0, true);
    importer_.start(target.toStdString(), paths);
    import_refresh_.start();
    update_extraction_banner();
}

void MainWindow::on_import_finished(const ImportReport& report) {
    import_refresh_.stop();
    set_activity({});
    if (!report.error.isEmpty()) {
        show_error(tr("Import failed"), tr("Nothing was imported.\n\n%1").arg(report.error));
    } else {
        QString summary = tr("Imported %1, skipped %2 already present, failed %3.")
                              .arg(report.imported)
                              .arg(report.skipped)
                              .arg(report.failed.size());
        if (report.cancelled)
            summary += tr(" Cancelled: import the same files again to complete it.");
        if (!report.extraction.isEmpty())
            summary += QStringLiteral(" ") + report.extraction + QLatin1Char('.');
        statusBar()->showMessage(summary, 10000);
        if (!report.failed.empty()) {
            QStringList lines;
            for (const auto& f : report.failed)
                lines << QStringLiteral("%1: %2").arg(f.path, f.reason);
            last_error_ = lines.join(QLatin1Char('\n'));
            if (interactive_) {
                QMessageBox box(QMessageBox::Warning, tr("Some files were not imported"), summary,
                                QMessageBox::Ok, this);
                box.setInformativeText(tr("See the details for each file and why it failed."));
                box.setDetailedText(last_error_);
                box.exec();
            }
        }
    }
    reload();
    emit import_finished(report);
}

void MainWindow::extract_again() {
    if (project_path_.isEmpty()) {
        show_error(tr("Extract Again"), tr("Open a project first (File ▸ Open Project)."));
        return;
    }
    if (importer_.running() || extractor_.running()) {
        show_error(tr("Extract Again"),
                   tr("An import or extraction is already running. Wait for it or cancel it "
                      "first."));
        return;
    }
    if (!ExtractionController::available()) {
        show_error(tr("Extract Again"),
                   tr("This build has no extraction core. Run `dossier extract %1` instead.")
                       .arg(project_path_));
        return;
    }
    // A layout finishing meanwhile would store positions for entities the extraction replaces.
    layout_->cancel();
    banner_->hide();
    extract_action_->setEnabled(false);
    set_activity(tr("Extracting entities and relations…"), 0, 0, true);
    extracting_path_ = project_path_;
    pause_curation(true);
    extractor_.start(project_path_.toStdString());
}

void MainWindow::pause_curation(bool paused) {
    // A correction or an undo in between would name entities the extraction is replacing.
    curation_->controller()->set_paused(
        paused ? tr("Extraction is running: make corrections when it has finished (the earlier "
                    "ones are replayed on the new entities).")
               : QString());
    undo_action_->setEnabled(!paused && undo_stack_->canUndo());
    redo_action_->setEnabled(!paused && undo_stack_->canRedo());
}

void MainWindow::on_extraction_finished(const ExtractionReport& report) {
    set_activity({});
    pause_curation(false);
    if (!report.error.isEmpty()) {
        show_error(tr("Extraction failed"),
                   tr("The project was not extracted again.\n\n%1").arg(report.error));
    } else {
        QString summary = tr("Extracted %1 mentions of %2 entities from %3 documents, %4 "
                             "relations.")
                              .arg(report.mentions)
                              .arg(report.entities)
                              .arg(report.documents)
                              .arg(report.relations);
        if (report.cancelled)
            summary = tr("Extraction cancelled: the project stays marked incomplete; run "
                         "Project ▸ Extract Again to finish it.");
        else if (!report.corrections.isEmpty())
            summary += QStringLiteral(" ") + report.corrections + QLatin1Char('.');
        statusBar()->showMessage(summary, 15000);
    }
    // Another project may have been opened meanwhile: the report is about the one extracted.
    if (report.error.isEmpty() && extracting_path_ == project_path_) {
        // Until the reload confirms it.
        snapshot_.extraction_incomplete = report.incomplete;
        snapshot_.documents_not_extracted = report.not_extracted;
    }
    update_extraction_banner();
    reload();
    emit extraction_finished(report);
}

void MainWindow::update_extraction_banner() {
    const bool open = !project_path_.isEmpty();
    extract_action_->setEnabled(open && !extractor_.running() && !importer_.running());
    banner_->show_state(snapshot_.extraction_incomplete, snapshot_.documents_not_extracted);
    view_->set_empty_message(
        open && snapshot_.documents_not_extracted > 0
            ? tr("No entities yet: %1 of the project's documents have not been extracted.\n"
                 "Project ▸ Extract Again (Ctrl+Shift+E) reads them.")
                  .arg(snapshot_.documents_not_extracted)
            : QString());
    banner_->setVisible(
        open && (snapshot_.extraction_incomplete || snapshot_.documents_not_extracted > 0) &&
        !extractor_.running() && !banner_dismissed_);
}

void MainWindow::choose_new_project() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("New Project"), QString(), kProjectFilter);
    if (!path.isEmpty())
        new_project(path);
}

void MainWindow::choose_open_project() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), kProjectFilter);
    if (!path.isEmpty())
        open_project(path);
}

void MainWindow::choose_import_files() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), QString(),
        tr("Documents (*.txt *.html *.htm *.pdf *.xml *.csv *.tsv);;All files (*)"));
    import_paths(files);
}

void MainWindow::choose_import_folder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Folder"));
    if (!folder.isEmpty())
        import_paths({folder});
}

void MainWindow::show_export_dialog() {
    if (state_.graph()->nodes.empty()) {
        show_error(tr("Export"),
                   tr("There is nothing to export yet: open a project with entities first."));
        return;
    }
    ExportDialog dialog(&state_, view_->style(), project_path_, this);
    dialog.exec();
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

void MainWindow::restore_settings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::save_settings() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // A running job is stopped before quitting, once the analyst agrees (when asked).
    auto stopped = [this](auto& job, const QString& title, const QString& question) {
        if (!job.running())
            return true;
        if (interactive_ && QMessageBox::question(this, title, question) != QMessageBox::Yes)
            return false;
        job.cancel();
        job.wait();
        return true;
    };
    if (!stopped(importer_, tr("Import running"),
                 tr("An import is running. Stop it and quit? Files already imported stay in "
                    "the project; the file in progress is rolled back.")) ||
        !stopped(extractor_, tr("Extraction running"),
                 tr("Extraction is running. Stop it and quit? The project stays marked "
                    "incomplete until it is extracted again."))) {
        event->ignore();
        return;
    }
    save_settings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList to_import;
    for (const auto& url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (QFileInfo(path).suffix() == kProjectSuffix) {
            open_project(path);
            event->acceptProposedAction();
            return;
        }
        to_import << path;
    }
    if (!to_import.isEmpty()) {
        import_paths(to_import);
        event->acceptProposedAction();
    }
}

} // namespace dossier::gui
