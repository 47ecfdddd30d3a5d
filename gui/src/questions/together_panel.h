#pragma once
// The Together dock: "where do A and B appear together?" — the sentences that mention both
// (core/graph's appear_together), grouped by document with date and page; the first ones read by
// OCR show their scanned line, as in the Details panel.
#include "dossier/graph/together.h"
#include "panels/scan_evidence.h"
#include "state/explorer_state.h"

#include <QWidget>
#include <vector>

class QPushButton;
class QTextBrowser;

namespace dossier::gui {

class EntityPicker;
class EntityNamesModel;

class TogetherPanel : public QWidget {
    Q_OBJECT
public:
    // The pickers offer `names` (the window's list of the graph's entities); `scans` (may be
    // null) crops the scanned lines of sentences read by OCR.
    TogetherPanel(ExplorerState* state, EntityNamesModel* names, ScanEvidence* scans,
                  QWidget* parent = nullptr);
    void set_project(const QString& path) { project_path_ = path; }

    EntityPicker* first_picker() const { return first_; }
    EntityPicker* second_picker() const { return second_; }
    QTextBrowser* browser() const { return browser_; }
    QString plain_text() const;

    // Finds and lists the sentences; returns how many.
    int find(EntityId a, EntityId b);

signals:
    void document_requested(dossier::DocumentId document);

private:
    std::vector<ScanLine> scanned_lines(const std::vector<graph::CoMention>& found);

    ExplorerState* state_;
    ScanEvidence* scans_;
    QString project_path_;
    EntityPicker* first_;
    EntityPicker* second_;
    QPushButton* find_button_;
    QTextBrowser* browser_;
};

} // namespace dossier::gui
