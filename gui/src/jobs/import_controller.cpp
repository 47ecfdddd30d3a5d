#include "jobs/import_controller.h"

#include "dossier/extract/extraction.h"
#include "dossier/ingest/import_job.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/project.h"
#include "dossier/store/relation_store.h"
#include "jobs/post_to_thread.h"

#include <QtConcurrent/QtConcurrentRun>

namespace dossier::gui {
namespace {
QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

ImportController::ImportController(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<ImportReport>::finished, this,
            [this] { emit finished(watcher_.result()); });
}

ImportController::~ImportController() {
    cancel();
    wait();
}

void ImportController::cancel() {
    cancel_.cancel();
}

void ImportController::wait() {
    watcher_.waitForFinished();
}

void ImportController::start(const std::filesystem::path& project_path, const QStringList& inputs,
                             const OcrImportSettings& ocr) {
    if (running())
        return;
    cancel_ = CancelToken{};
    std::vector<std::filesystem::path> paths;
    for (const auto& input : inputs)
        paths.emplace_back(input.toStdString());
    auto report_progress =
        post_to(this, [](ImportController& self, QString phase, int done, int total,
                         QString current) { emit self.progress(phase, done, total, current); });
    auto cancel = cancel_;
    const auto ocr_settings = to_ingest_settings(ocr);
    watcher_.setFuture(QtConcurrent::run([project_path, paths, cancel, report_progress,
                                          ocr_settings] {
        ImportReport report;
        try {
            auto project = store::Project::open(project_path, store::OpenMode::CreateIfMissing);
            ingest::ImportOptions options;
            options.inputs = paths;
            options.ocr = ocr_settings;
            options.jobs = all_cores(); // as `dossier import`: the same project for any number
            options.control.cancel = cancel;
            options.control.progress = [&](const ingest::ImportProgress& p) {
                QString current = qs(p.current_file);
                if (p.pages_total > 0)
                    current = QObject::tr("OCR page %1/%2 of %3")
                                  .arg(p.pages_done)
                                  .arg(p.pages_total)
                                  .arg(current);
                report_progress(QObject::tr("Importing"), static_cast<int>(p.done),
                                static_cast<int>(p.total), current);
            };
            const auto result = ingest::ImportJob(options).run(project);
            report.imported = static_cast<int>(result.imported.size());
            report.skipped = static_cast<int>(result.skipped.size());
            report.files_seen = static_cast<int>(result.files_seen);
            report.cancelled = result.cancelled;
            for (const auto& f : result.failed)
                report.failed.push_back({qs(f.path), qs(f.reason)});
            if (!result.imported.empty() && !cancel.cancelled()) {
                const auto summary = extract::run_extraction(
                    project, result.imported,
                    JobControl{cancel,
                               [&](const JobProgress& p) {
                                   report_progress(QObject::tr("Extracting"),
                                                   static_cast<int>(p.done),
                                                   static_cast<int>(p.total), QString());
                               }},
                    all_cores());
                report.extraction = QObject::tr("%1 mentions of %2 entities found in %3 documents")
                                        .arg(summary.mentions)
                                        .arg(summary.entities)
                                        .arg(summary.documents);
                report.cancelled = report.cancelled || summary.cancelled;
                // run_extraction read the relations too (and replayed the corrections).
                if (!summary.cancelled)
                    report.extraction +=
                        QObject::tr(", %1 relations").arg(store::RelationStore(project).count());
            }
        } catch (const std::exception& e) {
            report.error = QString::fromUtf8(e.what());
        }
        return report;
    }));
}

} // namespace dossier::gui
