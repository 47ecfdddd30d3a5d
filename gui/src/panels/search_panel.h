#pragma once
// One search box for entity names (exact, alias, substring and close matches) and for full text
// over documents (SQLite FTS5); the results list selects an entity or opens a document.
#include "state/explorer_state.h"
#include "state/project_reader.h"

#include <QWidget>

class QListWidget;
class QLabel;

namespace dossier::gui {

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    SearchPanel(ExplorerState* state, ProjectReader* reader, QWidget* parent = nullptr);
    QListWidget* results() const { return results_; }

public slots:
    void search(const QString& text);

signals:
    void document_requested(dossier::DocumentId document);

private:
    ExplorerState* state_;
    ProjectReader* reader_;
    QLabel* summary_;
    QListWidget* results_;
};

} // namespace dossier::gui
