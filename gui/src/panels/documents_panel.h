#pragma once
// The Documents dock: the table of documents and, below it, the chosen document's text with every
// mention highlighted in its entity type's colour. Clicking a mention selects its entity.
#include "panels/documents_model.h"
#include "state/explorer_state.h"
#include "state/project_reader.h"

#include <QWidget>

class QTableView;
class QTextBrowser;
class QLabel;

namespace dossier::gui {

class DocumentsPanel : public QWidget {
    Q_OBJECT
public:
    DocumentsPanel(ExplorerState* state, ProjectReader* reader, QWidget* parent = nullptr);

    void set_documents(std::vector<DocumentRow> rows);
    void show_document(DocumentId id);
    // Reads the shown document's mentions again (after a correction moved or rejected some).
    void refresh_text() {
        if (current_.valid())
            load_text(current_);
    }
    DocumentId current_document() const { return current_; }
    DocumentsModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QTextBrowser* text_view() const { return text_; }
    // UTF-16 range [first, second) of the n-th highlighted mention in the text view (for tests).
    std::vector<std::pair<int, int>> mention_ranges() const { return mention_ranges_; }

private:
    void load_text(DocumentId id);

    ExplorerState* state_;
    ProjectReader* reader_;
    DocumentsModel* model_;
    QTableView* table_;
    QLabel* header_;
    QTextBrowser* text_;
    DocumentId current_;
    std::vector<std::pair<int, int>> mention_ranges_;
};

} // namespace dossier::gui
