// Import through the real window: files and folders in the background, progress, the summary of
// failures, cancel, and the views refreshed with what arrived.
#include "app/main_window.h"
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "panels/documents_panel.h"
#include "test_window.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

namespace {
constexpr int kTimeoutMs = 60000;
const QString kFixtureDir = QStringLiteral(DOSSIER_FIXTURES "/gui/import");

std::size_t documents_in(const QString& path) {
    auto project = store::Project::open(path.toStdString(), store::OpenMode::ReadOnly);
    return store::DocumentStore(project).count();
}
} // namespace

class ImportTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        use_test_settings();
        qRegisterMetaType<dossier::gui::ImportReport>();
    }

    void importing_a_folder_reports_failures_and_shows_the_documents() {
        QTemporaryDir dir;
        const QString project = QDir(dir.path()).filePath(QStringLiteral("new.dossier"));
        TestWindow window;
        QSignalSpy loaded(&window, &MainWindow::project_loaded);
        QVERIFY(window.new_project(project));
        QVERIFY(loaded.wait(kTimeoutMs));
        QCOMPARE(window.documents_panel()->model()->rowCount(), 0);

        QSignalSpy finished(&window, &MainWindow::import_finished);
        QSignalSpy progress(window.importer(), &ImportController::progress);
        window.import_paths({kFixtureDir});
        QVERIFY(window.busy());
        QVERIFY(finished.wait(kTimeoutMs));
        const auto report = finished.first().first().value<ImportReport>();
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.imported, 2); // the two text files
        QCOMPARE(report.failed.size(), std::size_t{1});
        QVERIFY(report.failed.front().path.endsWith(QStringLiteral("truncated-scan.pdf")));
        QVERIFY(!report.failed.front().reason.isEmpty());
        QVERIFY(window.last_error().contains(QStringLiteral("truncated-scan.pdf")));
        QVERIFY(progress.count() >= 1);
        // The views reload with what arrived.
        QTRY_COMPARE_WITH_TIMEOUT(window.documents_panel()->model()->rowCount(), 2, kTimeoutMs);
        QCOMPARE(documents_in(project), std::size_t{2});
        QTRY_VERIFY_WITH_TIMEOUT(!window.state()->graph()->nodes.empty(), kTimeoutMs);
        bool found = false;
        for (const auto& node : window.state()->graph()->nodes)
            found |= node.name.contains(QStringLiteral("Halvorsen"));
        QVERIFY2(found, "extraction should name Ambassador Halvorsen");
        // The same import again: everything is already present, nothing doubles.
        finished.clear();
        window.import_paths({kFixtureDir});
        QVERIFY(finished.wait(kTimeoutMs));
        const auto again = finished.first().first().value<ImportReport>();
        QCOMPARE(again.imported, 0);
        QCOMPARE(again.skipped, 2);
        QCOMPARE(documents_in(project), std::size_t{2});
    }

    void cancel_stops_the_import_and_keeps_what_was_committed() {
        QTemporaryDir dir;
        const QString folder = QDir(dir.path()).filePath(QStringLiteral("many"));
        QDir().mkpath(folder);
        constexpr int kFiles = 300;
        for (int i = 0; i < kFiles; ++i) {
            QFile file(QDir(folder).filePath(
                QStringLiteral("note-%1.txt").arg(i, 4, 10, QLatin1Char('0'))));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("MEMORANDUM %1\n\nThe committee met again on day %1.\n")
                           .arg(i)
                           .toUtf8());
        }
        const QString project = QDir(dir.path()).filePath(QStringLiteral("c.dossier"));
        TestWindow window(TestWindow::Hidden);
        QSignalSpy loaded(&window, &MainWindow::project_loaded);
        QVERIFY(window.new_project(project));
        QVERIFY(loaded.wait(kTimeoutMs));
        QSignalSpy finished(&window, &MainWindow::import_finished);
        window.import_paths({folder});
        window.importer()->cancel(); // before the worker reaches its first file boundary
        QVERIFY(finished.wait(kTimeoutMs));
        const auto report = finished.first().first().value<ImportReport>();
        QVERIFY(report.cancelled);
        QVERIFY(report.imported < kFiles);
        QCOMPARE(documents_in(project), static_cast<std::size_t>(report.imported));
    }

    void importing_without_a_project_says_what_to_do() {
        TestWindow window(TestWindow::Hidden);
        window.import_paths({kFixtureDir});
        QVERIFY(!window.busy());
        QVERIFY(window.last_error().contains(QStringLiteral("Open or create a project first")));
    }
};

QTEST_MAIN(ImportTest)
#include "import_test.moc"
