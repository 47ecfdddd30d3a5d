#include "app/main_window.h"

#include "curation/curation_controller.h"
#include "curation/curation_ui.h"
#include "export/export_dialog.h"
#include "graph_view/graph_view.h"
#include "graph_view/unpin_command.h"
#include "jobs/layout_controller.h"
#include "jobs/ocr_import_settings.h"
#include "panels/details_panel.h"
#include "panels/documents_panel.h"
#include "panels/entities_panel.h"
#include "panels/entity_names_model.h"
#include "panels/extraction_banner.h"
#include "panels/filters_panel.h"
#include "panels/search_panel.h"
#include "panels/timeline_widget.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

// The window's code is in four files: this one builds it and runs its jobs;
// main_window_docks.cpp (docks, status bar, saved window state), main_window_menus.cpp (menus,
// toolbar, recent projects) and main_window_project.cpp (opening and showing a project).
namespace dossier::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Dossier"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    undo_stack_ = new QUndoStack(this);
    entity_names_ = new EntityNamesModel(this);
    layout_ = new LayoutController(&state_, this);

    create_central_area();
    create_panels();
    create_docks();
    create_status_bar();
    build_actions_and_menus();
    curation_->install_menus(menuBar());
    connect_panels();
    connect_project_loading();
    connect_background_work();
    connect_change_watch();

    default_state_ = saveState();
    restore_settings();
    update_counts();
}

void MainWindow::create_central_area() {
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
}

void MainWindow::create_panels() {
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
}

void MainWindow::connect_panels() {
    connect(curation_->controller(), &CurationController::failed, this,
            [this](const QString& title, const QString& message) { show_error(title, message); });
    connect(&state_, &ExplorerState::filter_changed, this, &MainWindow::update_counts);
    connect(&state_, &ExplorerState::selection_changed, this, &MainWindow::update_counts);
    connect(timeline_, &TimelineWidget::range_changed, this, [this](int from, int to) {
        GraphFilter filter = state_.filter();
        filter.from_month = from;
        filter.to_month = to;
        state_.set_filter(filter);
    });
    connect(details_, &DetailsPanel::document_requested, this, [this](DocumentId id) {
        documents_dock_->show();
        documents_dock_->raise();
        documents_->show_document(id);
    });
    connect(search_, &SearchPanel::document_requested, details_, &DetailsPanel::document_requested);
    connect(view_, &GraphView::node_position_changed, this,
            [this](EntityId entity, QPointF position, bool pinned) {
                if (entity.valid()) // a community's node is not kept in the project
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
        details_dock_->show();
        details_dock_->raise();
    });
}

void MainWindow::connect_background_work() {
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
    // An unfolded community gets a layout of its own inside its disc (the rest stays put).
    connect(&state_, &ExplorerState::unfolded, this, [this](CommunityIndex community) {
        if (auto_layout_)
            layout_->layout_community(community);
    });
    connect(layout_, &LayoutController::finished, this, [this](bool ok, const QString& message) {
        set_activity({});
        if (ok) {
            if (!layout_->community_layout()) // an unfolded community's: the camera stays
                view_->fit_view();
            statusBar()->showMessage(message, 5000);
            save_positions(placed_positions(*state_.graph())); // the next open starts here
        } else if (!message.isEmpty())
            show_error(tr("Layout"), message);
        emit layout_finished(ok);
    });
}

MainWindow::~MainWindow() {
    importer_.cancel();
    importer_.wait();
    load_cancel_.cancel();
    metrics_cancel_.cancel(); // exact betweenness of a large graph would hold the close up
    loader_.waitForFinished();
    metrics_.waitForFinished();
}

void MainWindow::set_style_option(const std::function<void(GraphStyle&)>& change) {
    GraphStyle style = view_->style();
    change(style);
    view_->set_style(style);
}

bool MainWindow::busy() const {
    return loader_.isRunning() || importer_.running() || extractor_.running() || layout_->running();
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
    const auto drawn = drawn_counts(graph, state_.visible());
    // Always how much of the project is drawn: the overview and a focus draw a part of it.
    QString text = tr("%1 documents · %2 entities · %3 relations · showing %4 nodes, %5 edges")
                       .arg(documents_->model()->rows().size())
                       .arg(graph.entity_count())
                       .arg(graph.relation_count())
                       .arg(drawn.entities + drawn.communities)
                       .arg(drawn.edges);
    if (drawn.communities > 0)
        text += tr(" (%n communities standing for %1 entities, ", nullptr, drawn.communities)
                    .arg(drawn.folded_entities) +
                tr("%n entities)", nullptr, drawn.entities);
    else if (drawn.entities < static_cast<int>(graph.entity_count()))
        text += tr(" (%1 of %2 entities)").arg(drawn.entities).arg(graph.entity_count());
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
    importer_.start(target.toStdString(), paths, load_ocr_import_settings());
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

void MainWindow::choose_import_files() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), QString(),
        tr("Documents (*.txt *.html *.htm *.pdf *.xml *.csv *.tsv *.png *.jpg *.jpeg *.tif "
           "*.tiff);;All files (*)"));
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
        if (is_project_file(path)) {
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
