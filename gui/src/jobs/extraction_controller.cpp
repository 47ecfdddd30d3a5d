#include "jobs/extraction_controller.h"

#include "dossier/curation/replay.h"
#include "dossier/extract/extraction.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "dossier/store/project_stats.h"
#include "dossier/store/relation_store.h"
#include "jobs/post_to_thread.h"

#include <QtConcurrent/QtConcurrentRun>

namespace dossier::gui {

ExtractionController::ExtractionController(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<ExtractionReport>::finished, this,
            [this] { emit finished(watcher_.result()); });
}

ExtractionController::~ExtractionController() {
    cancel();
    wait();
}

void ExtractionController::cancel() {
    cancel_.cancel();
}

void ExtractionController::wait() {
    watcher_.waitForFinished();
}

void ExtractionController::start(const std::filesystem::path& project_path) {
    if (running())
        return;
    cancel_ = CancelToken{};
    auto report_progress = post_to(this, [](ExtractionController& self, int done, int total) {
        emit self.progress(done, total);
    });
    auto cancel = cancel_;
    watcher_.setFuture(QtConcurrent::run([project_path, cancel, report_progress] {
        // Exceptions become the report's error: a future must not carry them into the GUI.
        ExtractionReport report;
        try {
            auto project = store::Project::open(project_path, store::OpenMode::ReadWrite);
            // Every document, after clearing the earlier results; relations follow and the
            // corrections are replayed inside run_extraction, exactly as for `dossier extract`.
            const auto summary = extract::run_extraction(
                project, {},
                JobControl{cancel,
                           [&](const JobProgress& p) {
                               report_progress(static_cast<int>(p.done), static_cast<int>(p.total));
                           }},
                all_cores());
            report.documents = static_cast<int>(summary.documents);
            report.mentions = static_cast<int>(summary.mentions);
            report.entities = static_cast<int>(summary.entities);
            report.cancelled = summary.cancelled; // a cancel in the relation pass counts too
            report.relations = static_cast<int>(store::RelationStore(project).count());
            report.corrections =
                QString::fromStdString(curation::describe(curation::curation_status(project)));
            report.incomplete = project.setting(store::kExtractionIncompleteSetting, "0") == "1";
            report.not_extracted =
                static_cast<int>(store::DocumentStore(project).not_extracted().size());
        } catch (const std::exception& e) {
            report.error = QString::fromUtf8(e.what());
        }
        return report;
    }));
}

} // namespace dossier::gui
