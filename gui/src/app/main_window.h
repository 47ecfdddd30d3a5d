#pragma once
// The explorer window: graph in the centre, panels in docks, menus with the standard shortcuts,
// a status bar that says what the project holds and what is running. Long work (loading, import,
// layout) runs on workers; the window only ever waits for their signals. What other processes
// commit to the open project is noticed and shown (project_change_watch.h).
#include "app/project_change_watch.h"
#include "graph_view/graph_style.h"
#include "graph_view/node_positions.h"
#include "jobs/extraction_controller.h"
#include "jobs/import_controller.h"
#include "state/explorer_state.h"
#include "state/project_reader.h"
#include "state/project_snapshot.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>
#include <filesystem>
#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;
class QUndoStack;
class QMenu;
class QAction;
class QActionGroup;
class QDockWidget;

namespace dossier::gui {

class GraphView;
class DocumentsPanel;
class EntitiesPanel;
class DetailsPanel;
class FiltersPanel;
class TimelineWidget;
class SearchPanel;
class LayoutController;
class ExtractionBanner;
class EntityNamesModel;
class CurationUi;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Errors go to message boxes when interactive (the default) and only to the status bar and
    // last_error() otherwise (tests, scripted screenshots).
    void set_interactive(bool interactive) { interactive_ = interactive; }
    QString last_error() const { return last_error_; }
    // Runs Graphviz after a project opens or an import brings new entities (on by default).
    void set_auto_layout(bool on) { auto_layout_ = on; }

    // Opens (loads in the background) the project; emits project_loaded when it is shown.
    void open_project(const QString& path);
    // Creates an empty project file at path and opens it.
    bool new_project(const QString& path);
    // Imports files and folders into the open project, in the background.
    void import_paths(const QStringList& paths);
    // Project ▸ Extract Again: re-runs entity and relation extraction over every document in the
    // background (the corrections are replayed), then reloads the views.
    void extract_again();
    void reload();
    QString project_path() const { return project_path_; }
    bool busy() const;

    ExplorerState* state() { return &state_; }
    GraphView* graph_view() const { return view_; }
    DocumentsPanel* documents_panel() const { return documents_; }
    EntitiesPanel* entities_panel() const { return entities_; }
    DetailsPanel* details_panel() const { return details_; }
    FiltersPanel* filters_panel() const { return filters_; }
    TimelineWidget* timeline() const { return timeline_; }
    SearchPanel* search_panel() const { return search_; }
    QLineEdit* search_box() const { return search_box_; }
    QUndoStack* undo_stack() const { return undo_stack_; }
    // Every entity of the graph for the pickers (Paths, Together, the curation dialogs).
    EntityNamesModel* entity_names() const { return entity_names_; }
    ImportController* importer() { return &importer_; }
    ExtractionController* extractor() { return &extractor_; }
    // Shown above the graph while the open project's last extraction is marked incomplete.
    ExtractionBanner* extraction_banner() const { return banner_; }
    LayoutController* layout_controller() const { return layout_; }
    const ProjectSnapshot& snapshot() const { return snapshot_; }
    QString status_counts() const;

public slots:
    void show_export_dialog();

signals:
    void project_loaded();
    void layout_finished(bool ok);
    void metrics_ready();
    void import_finished(const dossier::gui::ImportReport& report);
    // The window reloaded after other processes' commits and said so; the documents it shows.
    void reloaded_after_external_change(int documents);
    void extraction_finished(const dossier::gui::ExtractionReport& report);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // Construction, in this order (the constructor reads as the list).
    void create_central_area(); // the graph view, the extraction banner above it
    void create_panels();
    void create_docks(); // main_window_docks.cpp; makes the CurationUi, whose panels dock too
    void create_status_bar();
    void build_actions_and_menus(); // main_window_menus.cpp
    void build_file_menu();
    void build_project_menu();
    void build_edit_menu();
    void build_view_menu();
    void build_explore_menu(); // main_window_explore.cpp
    void build_layout_menu();
    void build_help_menu();
    void build_toolbar();
    void connect_panels();
    void connect_project_loading(); // main_window_project.cpp
    void connect_background_work(); // import, extraction, layout
    QDockWidget* add_dock(const QString& object_name, const QString& title, QWidget* widget,
                          Qt::DockWidgetArea area);
    static bool is_project_file(const QString& path);
    void apply_snapshot(ProjectSnapshot snapshot);
    void start_metrics();
    void show_error(const QString& title, const QString& message);
    void set_activity(const QString& text, int done = -1, int total = 0, bool cancellable = false);
    void update_counts();
    void remember_recent(const QString& path);
    void rebuild_recent_menu();
    void restore_settings();
    void save_settings();
    void on_import_finished(const ImportReport& report);
    void connect_change_watch(); // main_window_project.cpp
    void report_external_reload();
    void on_extraction_finished(const ExtractionReport& report);
    void update_extraction_banner();
    void choose_new_project();
    void choose_open_project();
    void choose_import_files();
    void choose_import_folder();
    void cancel_running();
    void set_style_option(const std::function<void(GraphStyle&)>& change);
    // Stores node positions in the project on a worker (node_positions.h).
    void save_positions(std::vector<StoredPosition> positions);
    // Pins or unpins entities where they are, in the view and the project (the Unpin undo).
    void set_pins(const QList<EntityId>& entities, bool pinned);
    void store_pins(const QList<EntityId>& entities, bool pinned); // the project only

    ExplorerState state_;
    ProjectReader reader_;
    ProjectSnapshot snapshot_;
    QString project_path_;
    QString pending_path_; // being loaded
    bool interactive_ = true;
    bool auto_layout_ = true;
    QString last_error_;
    bool reload_again_ = false;
    bool external_reload_ = false; // the reload under way follows another process's commit

    GraphView* view_ = nullptr;
    DocumentsPanel* documents_ = nullptr;
    EntitiesPanel* entities_ = nullptr;
    DetailsPanel* details_ = nullptr;
    FiltersPanel* filters_ = nullptr;
    TimelineWidget* timeline_ = nullptr;
    SearchPanel* search_ = nullptr;
    QLineEdit* search_box_ = nullptr;
    ExtractionBanner* banner_ = nullptr;
    bool banner_dismissed_ = false; // until another project is opened
    QAction* extract_action_ = nullptr;
    QString extracting_path_; // the project Extract Again runs on
    CurationUi* curation_ = nullptr;
    QAction* undo_action_ = nullptr;
    QAction* redo_action_ = nullptr;
    void pause_curation(bool paused); // while Extract Again replaces the entities
    QUndoStack* undo_stack_ = nullptr;
    EntityNamesModel* entity_names_ = nullptr;
    LayoutController* layout_ = nullptr;
    QDockWidget* filters_dock_ = nullptr;
    QDockWidget* entities_dock_ = nullptr;
    QDockWidget* details_dock_ = nullptr;
    QDockWidget* search_dock_ = nullptr;
    QDockWidget* documents_dock_ = nullptr;
    QDockWidget* timeline_dock_ = nullptr;
    QList<QDockWidget*> docks_; // every dock in the order added, curation's too (View ▸ Panels)
    QByteArray default_state_;

    // Made by the menus, shown again on the toolbar.
    struct ToolbarActions {
        QAction* open_project = nullptr;
        QAction* import_files = nullptr;
        QAction* export_figure = nullptr;
        QAction* fit_view = nullptr;
        QAction* relayout = nullptr;
    } toolbar_actions_;
    QMenu* recent_menu_ = nullptr;
    QMenu* view_menu_ = nullptr;
    QActionGroup* engine_group_ = nullptr;

    QLabel* counts_label_ = nullptr;
    QLabel* activity_label_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancel_button_ = nullptr;

    // Shared, so the GUI thread can take the snapshot whole instead of copying its rows.
    QFutureWatcher<std::shared_ptr<ProjectSnapshot>> loader_;
    // Metrics follow the first paint: a copy of the graph with them filled in.
    QFutureWatcher<std::pair<std::shared_ptr<ExplorerGraph>, QStringList>> metrics_;
    std::shared_ptr<const ExplorerGraph> metrics_for_; // the graph the running job started from
    CancelToken load_cancel_;                          // the project being opened
    CancelToken metrics_cancel_; // the metrics being computed for the graph shown
    ImportController importer_;
    ExtractionController extractor_;
    QTimer import_refresh_;           // reloads the views while an import runs
    ProjectChangeWatch change_watch_; // other processes' commits to the open project
};

} // namespace dossier::gui
