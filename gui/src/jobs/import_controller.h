#pragma once
// Runs an import (and the extraction of what it brought in) on a worker thread with that thread's
// own project connection. Progress arrives on the GUI thread a few times a second; cancel stops
// between files and the file in progress is rolled back by the ingest core.
#include "dossier/model/job_control.h"
#include "jobs/ocr_import_settings.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <filesystem>
#include <vector>

namespace dossier::gui {

struct ImportFailureRow {
    QString path;
    QString reason;
};

struct ImportReport {
    int imported = 0;
    int skipped = 0;
    int files_seen = 0;
    std::vector<ImportFailureRow> failed;
    bool cancelled = false;
    QString error;      // the whole import could not run (project not writable, ...)
    QString extraction; // what extraction did, or why it did not run
};

class ImportController : public QObject {
    Q_OBJECT
public:
    explicit ImportController(QObject* parent = nullptr);
    ~ImportController() override;

    bool running() const { return watcher_.isRunning(); }
    // Imports `inputs` (files and folders) into the project at `project`; scans are read as
    // `ocr` says (the defaults are those of `dossier import`).
    void start(const std::filesystem::path& project, const QStringList& inputs,
               const OcrImportSettings& ocr = {});
    void cancel();
    // Blocks until the running import ends (window close, tests).
    void wait();

signals:
    // phase: "Importing" or "Extracting"; total 0 means unknown.
    void progress(const QString& phase, int done, int total, const QString& current);
    void finished(const dossier::gui::ImportReport& report);

private:
    QFutureWatcher<ImportReport> watcher_;
    CancelToken cancel_;
};

} // namespace dossier::gui

Q_DECLARE_METATYPE(dossier::gui::ImportReport)
