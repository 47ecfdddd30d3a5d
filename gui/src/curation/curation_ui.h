#pragma once
// Curation and questions in the explorer window: the Curate and Questions menus, the Entities
// table's context menu, the Details panel's correction links, and the Corrections, Paths,
// Together and Relations per Year panels. MainWindow makes one, docks its panels and installs
// its menus; everything else is wired here so the window only holds a few hook lines.
#include "dossier/model/ids.h"
#include "questions/graph_questions.h"
#include "state/project_reader.h"

#include <QList>
#include <QObject>
#include <QString>

class QMenu;
class QMenuBar;
class QAction;
class QWidget;
class QUrl;

namespace dossier::gui {

class MainWindow;
class CurationController;
class CorrectionsLogPanel;
class PathPanel;
class TogetherPanel;
class EntityTimelinePanel;

class CurationUi : public QObject {
    Q_OBJECT
public:
    explicit CurationUi(MainWindow* window);

    struct Panel {
        QString object_name;
        QString title;
        QWidget* widget;
        Qt::DockWidgetArea area; // stacked with Details (right) or the Timeline (bottom)
    };
    // The docks to add, in order (the window adds them so they join View ▸ Panels).
    QList<Panel> panels() const;
    // Adds the Curate and Questions menus before Help, and the context menus.
    void install_menus(QMenuBar* bar);

    CurationController* controller() const { return controller_; }
    CorrectionsLogPanel* corrections_log() const { return log_; }
    PathPanel* path_panel() const { return paths_; }
    TogetherPanel* together_panel() const { return together_; }
    EntityTimelinePanel* entity_timeline() const { return timeline_; }

    // The entities the Curate menu acts on: the selection, in the order it was made.
    QList<EntityId> selected() const;
    // Builds the menu of corrections and questions for these entities (entities table, graph).
    void fill_entity_menu(QMenu* menu, const QList<EntityId>& entities);

    // Questions on the selection; they emphasise the answer on the graph.
    void show_ego_network(int hops);
    void set_hide_rest(bool hide);
    void clear_emphasis();
    const Emphasis& emphasis() const { return emphasis_; }

public slots:
    // Dialog-driven operations on the selection (or the given entities).
    void merge_dialog();
    void split_dialog();
    void rename_dialog();
    void retype_dialog();
    void reject_selection();
    void relate_dialog();
    void note_dialog();
    void ego_dialog();
    void paths_for_selection();
    void together_for_selection();

private:
    void on_project_loaded();
    void on_details_link(const QUrl& url);
    void apply_emphasis();
    void refresh_log();
    void show_panel(QWidget* panel);
    QString name_of(EntityId id) const;

    MainWindow* window_;
    CurationController* controller_;
    ProjectReader reader_; // this thread's read-only connection for evidence
    CorrectionsLogPanel* log_;
    PathPanel* paths_;
    TogetherPanel* together_;
    EntityTimelinePanel* timeline_;
    QAction* hide_rest_ = nullptr;
    QList<QAction*> selection_actions_; // enabled when something is selected
    Emphasis emphasis_;
    bool refresh_document_ = false; // the next load follows a correction: re-read the text
};

} // namespace dossier::gui
