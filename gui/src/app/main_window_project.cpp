// Opening a project: its snapshot read on a worker and shown whole, the metrics that follow the
// first paint, the node positions kept in it, and the File menu's project dialogs.
#include "app/main_window.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/store_error.h"
#include "graph_view/graph_view.h"
#include "jobs/layout_controller.h"
#include "panels/details_panel.h"
#include "panels/documents_panel.h"
#include "panels/entity_names_model.h"
#include "panels/filters_panel.h"
#include "panels/timeline_widget.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace dossier::gui {
namespace {
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

bool MainWindow::is_project_file(const QString& path) {
    return QFileInfo(path).suffix() == kProjectSuffix;
}

void MainWindow::connect_project_loading() {
    connect(&loader_, &QFutureWatcher<std::shared_ptr<ProjectSnapshot>>::finished, this, [this] {
        // Moved, not copied: it holds a row per document (100,000 in a large project).
        ProjectSnapshot snapshot = std::move(*loader_.result());
        const bool loaded = snapshot.error.isEmpty();
        if (!loaded) {
            set_activity({});
            show_error(tr("Cannot open project"), snapshot.error);
        } else {
            apply_snapshot(std::move(snapshot));
        }
        // Said once, by the last reload of a burst: it shows what the other process left.
        if (external_reload_ && !reload_again_) {
            external_reload_ = false;
            if (loaded)
                report_external_reload();
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
                    // Entities keep their indices; community nodes the overview gained on the
                    // worker keep the centroid it gave them.
                    const auto& shown = state_.graph()->nodes;
                    for (std::size_t i = 0; i < std::min(graph->nodes.size(), shown.size()); ++i)
                        graph->nodes[i].position = shown[i].position;
                    snapshot_.notes << notes;
                    snapshot_.graph = graph;
                    state_.set_graph(graph);
                    update_counts();
                }
                metrics_for_.reset();
                emit metrics_ready();
            });
}

void MainWindow::connect_change_watch() {
    // The window's own jobs reload when they finish; meanwhile another process's commits wait.
    change_watch_.set_poll_allowed(
        [this] { return !importer_.running() && !extractor_.running() && !layout_->running(); });
    connect(&change_watch_, &ProjectChangeWatch::changed, this, [this] {
        external_reload_ = true;
        reload(); // while one is loading, one more follows it (reload_again_)
    });
}

void MainWindow::report_external_reload() {
    const int documents = static_cast<int>(documents_->model()->rows().size());
    statusBar()->showMessage(
        tr("The project changed on disk: reloaded, %n documents", nullptr, documents), 10000);
    // For scripts/soak.sh: one line per such reload, to check the explorer kept up.
    if (const QString log = qEnvironmentVariable("DOSSIER_LOG_RELOADS"); !log.isEmpty()) {
        QFile file(log);
        if (file.open(QIODevice::Append | QIODevice::Text))
            file.write(QStringLiteral("%1 external reload: %2 documents, %3 entities\n")
                           .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                           .arg(documents)
                           .arg(state_.graph()->entity_count())
                           .toUtf8());
    }
    emit reloaded_after_external_change(documents);
}

void MainWindow::open_project(const QString& path) {
    if (loader_.isRunning()) {
        if (path == pending_path_)
            return;
        load_cancel_.cancel();
        loader_.waitForFinished();
    }
    pending_path_ = path;
    load_cancel_ = CancelToken{};
    auto cancel = load_cancel_;
    const std::filesystem::path fs_path = path.toStdString();
    set_activity(tr("Opening %1…").arg(QFileInfo(path).fileName()), 0, 0, false);
    change_watch_.watch(path); // before the read: what commits from now on is noticed
    loader_.setFuture(QtConcurrent::run([fs_path, cancel, path] {
        // Exceptions become a message here: a future must not carry them back into the GUI.
        auto snapshot = std::make_shared<ProjectSnapshot>();
        try {
            *snapshot = load_project_snapshot(fs_path, cancel);
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
            details_->open_scans(snapshot.path);
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
    // A date range keeps the relations read in documents of that range, as `dossier export`
    // selects them: the store answers from the documents' dates and the evidence.
    state_.set_document_subset(
        [file = std::filesystem::path(path.toStdString())](const store::GraphSourceQuery& query) {
            try {
                auto project = store::Project::open(file, store::OpenMode::ReadOnly);
                return store::relations_in_document_subset(project, query);
            } catch (const std::exception&) {
                return std::vector<RelationId>{}; // the file went away: the range admits nothing
            }
        });
    if (same_project)
        state_.set_graph(snapshot_.graph);
    else
        state_.open_graph(snapshot_.graph); // on the overview when it is large
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
    // The overview's community nodes are never stored: they are laid out on each open, which
    // is quick because only they and the unfolded communities are laid out.
    const bool all_placed =
        snapshot_.stored_positions == static_cast<int>(snapshot_.graph->nodes.size());
    const bool changed = (!same_project && !all_placed) || new_nodes > 0;
    if (auto_layout_ && changed && !importer_.running() && !extractor_.running() &&
        !state_.graph()->nodes.empty())
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
    change_watch_.own_write_started();
    save_node_positions_in_background(project_path_, std::move(positions))
        .then(this, [this](const QString& error) {
            change_watch_.own_write_finished();
            if (!error.isEmpty())
                show_error(tr("Node positions not saved"), error);
        });
}

void MainWindow::start_metrics() {
    if (metrics_.isRunning() || state_.graph()->nodes.empty())
        return;
    metrics_for_ = state_.graph();
    metrics_cancel_ = CancelToken{};
    // Copied on the worker: half a million edges take a while to copy, the window goes on.
    metrics_.setFuture(QtConcurrent::run([shown = metrics_for_, cancel = metrics_cancel_] {
        auto copy = std::make_shared<ExplorerGraph>(*shown);
        QStringList notes;
        try {
            if (!add_graph_metrics(*copy, notes, cancel))
                copy.reset(); // the window is closing: nothing to show
        } catch (const std::exception& e) {
            notes << tr("metrics not computed: %1").arg(QString::fromUtf8(e.what()));
        }
        return std::make_pair(copy, notes);
    }));
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

} // namespace dossier::gui
