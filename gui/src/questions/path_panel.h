#pragma once
// The Paths dock: "who links these two?". The shortest paths between two chosen entities over
// what the graph shows, by hops or by weight, listed hop by hop, each hop with the relations
// behind it and their evidence sentences (document, date, page); the paths are emphasised on
// the graph. Sentences read by OCR show their scanned line, as in the Details panel.
#include "panels/scan_evidence.h"
#include "questions/graph_questions.h"
#include "state/explorer_state.h"
#include "state/project_reader.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTextBrowser;

namespace dossier::gui {

class EntityPicker;
class EntityNamesModel;

class PathPanel : public QWidget {
    Q_OBJECT
public:
    // The pickers offer `names` (the window's list of the graph's entities); `scans` (may be
    // null) crops the scanned lines of sentences read by OCR.
    PathPanel(ExplorerState* state, ProjectReader* reader, EntityNamesModel* names,
              ScanEvidence* scans, QWidget* parent = nullptr);

    EntityPicker* from_picker() const { return from_; }
    EntityPicker* to_picker() const { return to_; }
    QComboBox* mode_box() const { return mode_; }
    QTextBrowser* browser() const { return browser_; }
    QString plain_text() const;
    const std::vector<ShownPath>& paths() const { return paths_; }

    // Finds and shows the paths; returns how many were found.
    int find(EntityId from, EntityId to, graph::PathMode mode);

signals:
    void emphasis_requested(const dossier::gui::Emphasis& emphasis);
    void document_requested(dossier::DocumentId document);

private:
    void on_graph_changed();
    void show_paths(EntityId from, EntityId to, graph::PathMode mode);

    ExplorerState* state_;
    ProjectReader* reader_;
    ScanEvidence* scans_;
    EntityPicker* from_;
    EntityPicker* to_;
    QComboBox* mode_;
    QPushButton* find_button_;
    QTextBrowser* browser_;
    std::vector<ShownPath> paths_;
};

} // namespace dossier::gui
