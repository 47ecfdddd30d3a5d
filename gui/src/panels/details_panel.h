#pragma once
// The Details dock: the selected entity's names, type, metrics, documents and relations, each
// relation with the sentences it was read from (document, date, page). Links select the other
// end of a relation or open a document.
#include "panels/scan_evidence.h"
#include "state/explorer_state.h"
#include "state/project_reader.h"

#include <QWidget>
#include <functional>

class QTextBrowser;
class QUrl;

namespace dossier::gui {

class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    DetailsPanel(ExplorerState* state, ProjectReader* reader, QWidget* parent = nullptr);
    // How a document is named in the list (title and date from the loaded table).
    void set_document_labeler(std::function<QString(DocumentId)> labeler) {
        labeler_ = std::move(labeler);
    }
    QTextBrowser* browser() const { return browser_; }
    // Evidence read from scans shows its cropped lines, from this project (read-only; throws
    // store::StoreError when it cannot be opened).
    void open_scans(const std::filesystem::path& project) { scans_.open(project); }
    // The window's scanned lines, shared with the other panels that quote evidence.
    ScanEvidence* scans() { return &scans_; }
    // The plain text shown now (for tests and copy).
    QString plain_text() const;

public slots:
    void refresh();

signals:
    void document_requested(dossier::DocumentId document);
    // A correction link was clicked: curate:<action> for the entity shown, unrelate:<relation id>
    // or note-relation:<relation id> (curation_ui.h acts on it).
    void curation_link(const QUrl& url);

private:
    QString render_entity(int node);
    QString render_community(int node);

    ExplorerState* state_;
    ProjectReader* reader_;
    QTextBrowser* browser_;
    std::function<QString(DocumentId)> labeler_;
    ScanEvidence scans_;
};

} // namespace dossier::gui
