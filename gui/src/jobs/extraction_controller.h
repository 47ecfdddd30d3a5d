#pragma once
// "Extract Again": re-runs entity and relation extraction over every document of a project on a
// worker thread with its own connection, as `dossier extract` does (the analyst's corrections are
// replayed at the end). Progress arrives on the GUI thread; a cancel stops after the batch in
// progress and leaves the project marked incomplete (store::kExtractionIncompleteSetting).
#include "dossier/model/job_control.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <filesystem>

namespace dossier::gui {

struct ExtractionReport {
    int documents = 0;
    int mentions = 0;
    int entities = 0;
    int relations = 0;
    bool cancelled = false;
    bool incomplete = false; // the project is still marked incomplete afterwards
    int not_extracted = 0;   // documents still read by no extraction afterwards
    QString corrections;     // which corrections were replayed and which no longer apply
    QString error;           // extraction could not run at all (project not writable, ...)
};

class ExtractionController : public QObject {
    Q_OBJECT
public:
    explicit ExtractionController(QObject* parent = nullptr);
    ~ExtractionController() override;

    bool running() const { return watcher_.isRunning(); }
    void start(const std::filesystem::path& project);
    void cancel();
    void wait(); // blocks until the running extraction ends (window close, tests)

signals:
    // done of total steps (two per document: a first and a second read); total 0: unknown.
    void progress(int done, int total);
    void finished(const dossier::gui::ExtractionReport& report);

private:
    QFutureWatcher<ExtractionReport> watcher_;
    CancelToken cancel_;
};

} // namespace dossier::gui

Q_DECLARE_METATYPE(dossier::gui::ExtractionReport)
