// Project ▸ Extract Again and the banner of a project whose last extraction did not finish, through
// the real window on real project files: the banner shows, extraction runs in the background
// (the corrections replayed), the entities appear and the mark is cleared; a cancel leaves a
// valid project that is still marked incomplete.
#include "app/main_window.h"
#include "curation/curation_controller.h"
#include "curation/curation_ui.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project.h"
#include "dossier/store/project_stats.h"
#include "graph_view/graph_view.h"
#include "panels/documents_panel.h"
#include "panels/extraction_banner.h"
#include "test_window.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QToolButton>
#include <functional>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::open_and_wait;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

namespace {
constexpr int kTimeoutMs = 60000;
const QString kTexts = QStringLiteral(DOSSIER_FIXTURES "/gui/import");

std::string read_text(const QString& name) {
    QFile file(QDir(kTexts).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("missing fixture " + name.toStdString());
    return file.readAll().toStdString();
}

// A project holding `texts` as documents, left as an extraction killed after its first commit
// leaves it: earlier results cleared, no entities, marked incomplete. Unmarked, it is what an
// import with --no-extract leaves: documents that no extraction has read.
QString interrupted_project(const QTemporaryDir& dir, const std::vector<std::string>& texts,
                            bool marked_incomplete = true) {
    const QString path = QDir(dir.path()).filePath(QStringLiteral("interrupted.dossier"));
    auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
    store::Transaction tx(project);
    store::DocumentStore documents(project);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Document d;
        d.sha256 = "extract-again-" + std::to_string(i);
        d.source_path = "doc-" + std::to_string(i) + ".txt";
        d.format = "text";
        d.title = "Document " + std::to_string(i);
        d.text = texts[i];
        documents.insert(d, d.text.size());
    }
    if (marked_incomplete)
        project.set_setting(store::kExtractionIncompleteSetting, "1");
    tx.commit();
    return path;
}

store::ProjectStats stats_of(const QString& path) {
    auto project = store::Project::open(path.toStdString(), store::OpenMode::ReadOnly);
    return store::project_stats(project);
}

EntityId node_named(MainWindow& window, const QString& name) {
    for (const auto& node : window.state()->graph()->nodes)
        if (node.name == name)
            return node.id;
    return {};
}

QStringList node_names(MainWindow& window) {
    QStringList names;
    for (const auto& node : window.state()->graph()->nodes)
        names << node.name;
    return names;
}

ExtractionReport run_and_wait(MainWindow& window, const std::function<void()>& start) {
    QSignalSpy finished(&window, &MainWindow::extraction_finished);
    start();
    if (!finished.wait(kTimeoutMs) && finished.isEmpty()) {
        ExtractionReport timed_out;
        timed_out.error = QStringLiteral("extraction did not finish");
        return timed_out;
    }
    return finished.first().first().value<ExtractionReport>();
}
} // namespace

class ExtractAgainTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        use_test_settings();
        qRegisterMetaType<dossier::gui::ExtractionReport>();
    }

    void an_incomplete_project_shows_the_banner_and_extract_again_fills_it_keeping_corrections() {
        QTemporaryDir dir;
        const QString path =
            interrupted_project(dir, {read_text(QStringLiteral("cable-vienna-1958.txt")),
                                      read_text(QStringLiteral("memo-trade-council-1960.txt"))});
        TestWindow window;
        QVERIFY(open_and_wait(window, path));
        QVERIFY(window.state()->graph()->nodes.empty());
        QVERIFY2(window.extraction_banner()->isVisible(), "the banner says what is wrong");
        QVERIFY(window.extraction_banner()->text().contains(QStringLiteral("did not finish")));
        auto* action = window.findChild<QAction*>(QStringLiteral("extractAgainAction"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+E")));

        // The banner's button runs it; the window stays usable while it runs.
        QSignalSpy reloaded(&window, &MainWindow::project_loaded);
        const auto first = run_and_wait(window, [&] {
            QTest::mouseClick(window.extraction_banner()->extract_button(), Qt::LeftButton);
            QVERIFY(window.busy());
            QVERIFY(!window.extraction_banner()->isVisible());
            QVERIFY(!action->isEnabled());
            // Corrections wait: they would name entities the extraction is replacing.
            auto* controller =
                window.findChild<CurationUi*>(QStringLiteral("curationUi"))->controller();
            QVERIFY(!controller->note_entity(EntityId{1}, QStringLiteral("too early")));
            QVERIFY2(controller->last_error().contains(QStringLiteral("Extraction is running")),
                     qPrintable(controller->last_error()));
        });
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(!first.cancelled);
        QVERIFY(!first.incomplete);
        QCOMPARE(first.documents, 2);
        QVERIFY(first.entities > 0);
        QVERIFY(reloaded.wait(kTimeoutMs) || !reloaded.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(node_named(window, QStringLiteral("Halvorsen")).valid(),
                                 kTimeoutMs);
        QCOMPARE(static_cast<int>(window.state()->graph()->nodes.size()), first.entities);
        QVERIFY(!window.state()->graph()->edges.empty()); // relations were read too
        QVERIFY(!window.extraction_banner()->isVisible());
        QVERIFY(action->isEnabled());
        QVERIFY(!stats_of(path).extraction_incomplete);

        // An analyst's correction survives running it again, as with `dossier extract`.
        auto* curation = window.findChild<CurationUi*>(QStringLiteral("curationUi"));
        QVERIFY(curation);
        reloaded.clear();
        QVERIFY(curation->controller()->rename(node_named(window, QStringLiteral("Halvorsen")),
                                               QStringLiteral("Arne Halvorsen")));
        QTRY_VERIFY_WITH_TIMEOUT(node_named(window, QStringLiteral("Arne Halvorsen")).valid(),
                                 kTimeoutMs);
        const auto again = run_and_wait(window, [&] { action->trigger(); });
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QVERIFY2(again.corrections.contains(QStringLiteral("replayed")),
                 qPrintable(again.corrections));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("replayed")),
                 qPrintable(window.statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(node_named(window, QStringLiteral("Arne Halvorsen")).valid(),
                                 kTimeoutMs);
        QVERIFY2(!node_named(window, QStringLiteral("Halvorsen")).valid(),
                 qPrintable(node_names(window).join(QStringLiteral(", "))));
    }

    void documents_never_extracted_show_the_banner_until_extract_again_reads_them() {
        QTemporaryDir dir;
        const QString path =
            interrupted_project(dir, {read_text(QStringLiteral("cable-vienna-1958.txt"))}, false);
        QCOMPARE(stats_of(path).documents_not_extracted, 1);
        TestWindow window;
        QVERIFY(open_and_wait(window, path));
        QVERIFY2(window.extraction_banner()->isVisible(), "the banner says what is missing");
        const QString text = window.extraction_banner()->text();
        QVERIFY2(text.contains(QStringLiteral("1 document of this project was imported but never "
                                              "extracted")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("did not finish")), qPrintable(text));
        QVERIFY2(
            window.graph_view()->empty_message().contains(QStringLiteral("not been extracted")),
            qPrintable(window.graph_view()->empty_message()));
        // The analyst reads the cable while it is extracted.
        window.documents_panel()->show_document(DocumentId{1});
        auto* reader = window.documents_panel()->text_view();
        const int at = reader->toPlainText().indexOf(QStringLiteral("Halvorsen"));
        QVERIFY(at >= 0);

        QSignalSpy reloaded(&window, &MainWindow::project_loaded);
        const auto report = run_and_wait(window, [&] {
            QTest::mouseClick(window.extraction_banner()->extract_button(), Qt::LeftButton);
        });
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.not_extracted, 0);
        QVERIFY(reloaded.wait(kTimeoutMs) || !reloaded.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(node_named(window, QStringLiteral("Halvorsen")).valid(),
                                 kTimeoutMs);
        QVERIFY(!window.extraction_banner()->isVisible());
        QVERIFY(!stats_of(path).needs_extraction());
        QVERIFY(window.graph_view()->empty_message().isEmpty());
        // The cable shown was read again with the new graph: its mentions are marked as
        // entities (a link to select one), not struck through as rejected.
        QTextCursor cursor(reader->document());
        cursor.setPosition(at + 1);
        QVERIFY(cursor.charFormat().isAnchor());
        QVERIFY(!cursor.charFormat().fontStrikeOut());
    }

    void cancel_leaves_a_valid_project_still_marked_incomplete() {
        QTemporaryDir dir;
        // Enough documents for several batches, so the cancel lands between two of them.
        const std::string cable = read_text(QStringLiteral("cable-vienna-1958.txt"));
        std::vector<std::string> texts;
        for (int i = 0; i < 400; ++i)
            texts.push_back(cable + "\n\nCopy " + std::to_string(i) + ".\n");
        const QString path = interrupted_project(dir, texts);
        TestWindow window;
        QVERIFY(open_and_wait(window, path));
        QVERIFY(window.extraction_banner()->isVisible());

        QSignalSpy reloaded(&window, &MainWindow::project_loaded);
        const auto report = run_and_wait(window, [&] {
            window.extract_again();
            window.extractor()->cancel(); // before the worker finishes its first batch
        });
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QVERIFY(report.cancelled);
        QVERIFY(report.incomplete);
        QVERIFY(report.documents < 400);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
        // Still a project: it opens, holds every document, and says it needs extracting.
        const auto stats = stats_of(path);
        QCOMPARE(stats.documents, std::int64_t{400});
        QVERIFY(stats.extraction_incomplete);
        QVERIFY(reloaded.wait(kTimeoutMs) || !reloaded.isEmpty());
        QVERIFY(window.extraction_banner()->isVisible());
    }

    void dismissing_the_banner_hides_it_until_the_project_is_opened_again() {
        QTemporaryDir dir;
        const QString path =
            interrupted_project(dir, {read_text(QStringLiteral("memo-trade-council-1960.txt"))});
        TestWindow window;
        QVERIFY(open_and_wait(window, path));
        auto* banner = window.extraction_banner();
        QVERIFY(banner->isVisible());
        auto* dismiss = banner->findChild<QToolButton*>();
        QVERIFY(dismiss);
        QTest::mouseClick(dismiss, Qt::LeftButton);
        QVERIFY(!banner->isVisible());
        QSignalSpy reloaded(&window, &MainWindow::project_loaded);
        window.reload(); // a reload of the same project (after a correction, say)
        QVERIFY(reloaded.wait(kTimeoutMs));
        QVERIFY(!banner->isVisible());
        QVERIFY(stats_of(path).extraction_incomplete); // only hidden: the mark stays
    }
};

QTEST_MAIN(ExtractAgainTest)
#include "extract_again_test.moc"
