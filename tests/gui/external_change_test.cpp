// The window notices what other processes commit to the project it shows: the real `dossier`
// binary imports, extracts and corrects while the window is open, and the views show it without
// being told to reload. The window's own changes reload once, and an undo whose entity another
// process removed fails with a clear message and changes nothing.
#include "app/main_window.h"
#include "curation/curation_controller.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/project.h"
#include "panels/documents_panel.h"
#include "panels/entities_model.h"
#include "panels/entities_panel.h"
#include "process.h"
#include "test_window.h"

#include <QDir>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::open_and_wait;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;
using dossier::testing::run_cli;

namespace {
constexpr int kTimeoutMs = 60000;
const QString kFixtureDir = QStringLiteral(DOSSIER_FIXTURES "/gui/import");
const std::string kCable = DOSSIER_FIXTURES "/gui/import/cable-vienna-1958.txt";
const std::string kMemo = DOSSIER_FIXTURES "/gui/import/memo-trade-council-1960.txt";

// Runs `dossier ARGUMENTS` as another process; empty when it succeeded, else what it said.
std::string failure_of(const std::vector<std::string>& arguments) {
    const auto result = run_cli(arguments);
    return result.exit_code == 0
               ? std::string{}
               : "dossier exited " + std::to_string(result.exit_code) + ": " + result.out;
}
#define DOSSIER_OK(...)                                                                            \
    do {                                                                                           \
        const std::string failure = failure_of(__VA_ARGS__);                                       \
        QVERIFY2(failure.empty(), failure.c_str());                                                \
    } while (false)

EntityId id_named(const ExplorerGraph& graph, const QString& name) {
    for (const auto& node : graph.nodes)
        if (node.name == name)
            return node.id;
    return {};
}

bool lists_entity(const EntitiesModel& model, const QString& name) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row, EntitiesModel::Name)).toString() == name)
            return true;
    return false;
}

CurationController* curation_of(MainWindow& window) {
    return window.findChild<CurationController*>(QStringLiteral("curationController"));
}
} // namespace

class ExternalChangeTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        use_test_settings();
        qRegisterMetaType<dossier::gui::ImportReport>();
    }

    void another_process_import_and_extraction_show_without_reopening() {
        QTemporaryDir dir;
        const std::string project = QDir(dir.path()).filePath("shared.dossier").toStdString();
        DOSSIER_OK({"import", project, kCable, "--quiet"});
        TestWindow window;
        QVERIFY(open_and_wait(window, QString::fromStdString(project)));
        QCOMPARE(window.documents_panel()->model()->rowCount(), 1);
        const auto* entities = window.entities_panel()->model();
        QVERIFY(!lists_entity(*entities, QStringLiteral("Ostravian Trade Council")));

        QSignalSpy noticed(&window, &MainWindow::reloaded_after_external_change);
        DOSSIER_OK({"import", project, kMemo, "--no-extract", "--quiet"});
        DOSSIER_OK({"extract", project});
        // Nothing calls reload(): the window's poll of the file finds the commits.
        QTRY_COMPARE_WITH_TIMEOUT(window.documents_panel()->model()->rowCount(), 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(lists_entity(*entities, QStringLiteral("Ostravian Trade Council")),
                                 kTimeoutMs);
        QVERIFY(noticed.count() >= 1);
        QCOMPARE(noticed.last().first().toInt(), 2);
        QVERIFY2(window.statusBar()->currentMessage().contains(
                     QStringLiteral("The project changed on disk: reloaded, 2 documents")),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    void the_windows_own_import_layout_and_correction_reload_once() {
        QTemporaryDir dir;
        const std::string project = QDir(dir.path()).filePath("own.dossier").toStdString();
        DOSSIER_OK({"import", project, kCable, "--quiet"});
        TestWindow window;
        window.set_auto_layout(true); // its layout stores node positions: a write of its own
        QSignalSpy laid_out(&window, &MainWindow::layout_finished);
        QVERIFY(open_and_wait(window, QString::fromStdString(project)));
        QVERIFY(laid_out.wait(kTimeoutMs));
        QSignalSpy loaded(&window, &MainWindow::project_loaded);
        QSignalSpy noticed(&window, &MainWindow::reloaded_after_external_change);

        QSignalSpy imported(&window, &MainWindow::import_finished);
        window.import_paths({QString::fromStdString(kMemo)});
        QVERIFY(imported.wait(kTimeoutMs));
        // The new entities are laid out and their places stored: a commit of the window's own.
        QTRY_VERIFY_WITH_TIMEOUT(laid_out.count() >= 2 && !window.busy(), kTimeoutMs);
        QTest::qWait(2500); // the positions' commit and two polls after it
        QCOMPARE(noticed.count(), 0);
        QVERIFY(loaded.count() >= 1); // the import's own reload (more while it ran are allowed)

        const int after_import = static_cast<int>(loaded.count());
        QVERIFY(curation_of(window)->rename(window.state()->graph()->nodes.front().id,
                                            QStringLiteral("Renamed Here")));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), after_import + 1, kTimeoutMs);

        QTest::qWait(3500); // three polls and more
        QCOMPARE(loaded.count(), after_import + 1);
        QCOMPARE(noticed.count(), 0);
        QCOMPARE(window.documents_panel()->model()->rowCount(), 2);
    }

    void undo_of_a_correction_whose_entity_another_process_removed_fails_clearly() {
        QTemporaryDir dir;
        const std::string project = QDir(dir.path()).filePath("undo.dossier").toStdString();
        DOSSIER_OK({"import", project, kCable, kMemo, "--quiet"});
        TestWindow window;
        QVERIFY(open_and_wait(window, QString::fromStdString(project)));
        QVERIFY(lists_entity(*window.entities_panel()->model(), QStringLiteral("Okonkwo")));
        const EntityId okonkwo = id_named(*window.state()->graph(), QStringLiteral("Okonkwo"));
        QVERIFY(curation_of(window)->rename(okonkwo, QStringLiteral("Minister Okonkwo")));
        QTRY_VERIFY_WITH_TIMEOUT(
            lists_entity(*window.entities_panel()->model(), QStringLiteral("Minister Okonkwo")),
            kTimeoutMs);
        QCOMPARE(window.undo_stack()->count(), 1);

        // A colleague's script merges the renamed entity into another: its row is gone.
        QSignalSpy noticed(&window, &MainWindow::reloaded_after_external_change);
        DOSSIER_OK({"merge", project, "Minister Okonkwo", "Halvorsen"});
        QVERIFY(noticed.wait(kTimeoutMs));
        QVERIFY(
            !lists_entity(*window.entities_panel()->model(), QStringLiteral("Minister Okonkwo")));

        window.undo_stack()->undo();
        QVERIFY2(window.last_error().contains(QStringLiteral("entity is gone")),
                 qPrintable(window.last_error()));
        QCOMPARE(window.undo_stack()->count(), 0); // dropped, not offered again
        auto file = store::Project::open(project, store::OpenMode::ReadOnly);
        QCOMPARE(file.integrity_check(), std::string("ok"));
        const auto records = store::CurationStore(file).records();
        QCOMPARE(records.size(), std::size_t{2});
        QCOMPARE(records.front().status, std::string("applied")); // the rename, not taken back
        QTRY_VERIFY_WITH_TIMEOUT(
            lists_entity(*window.entities_panel()->model(), QStringLiteral("Halvorsen")),
            kTimeoutMs);
    }
};

QTEST_MAIN(ExternalChangeTest)
#include "external_change_test.moc"
