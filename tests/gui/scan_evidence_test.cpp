// Scans in the explorer: the OCR options of File ▸ OCR Options reach the import as `dossier
// import --ocr --ocr-lang` would pass them, and the evidence of a relation read from the sample
// scan (imported with real Tesseract) shows the cropped line of the page with the page number and
// the doubtful words marked; a scan whose file is gone says so.
#include "app/main_window.h"
#include "dossier/store/ocr_store.h"
#include "dossier/store/project.h"
#include "dossier/store/relation_store.h"
#include "jobs/ocr_import_settings.h"
#include "panels/evidence_html.h"
#include "panels/scan_evidence.h"
#include "test_window.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <algorithm>
#include <cmath>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

namespace {
constexpr int kTimeoutMs = 240000;
const QString kSampleScan =
    QStringLiteral(DOSSIER_SAMPLES "/scans/memcon-1980-05-12-vienna-scan.jpg");

// Imports `input` into a new project at `project` through the window; the report.
ImportReport import_through_window(const QString& project, const QString& input) {
    TestWindow window(TestWindow::Hidden);
    QSignalSpy loaded(&window, &MainWindow::project_loaded);
    if (!window.new_project(project) || !loaded.wait(kTimeoutMs))
        return {};
    QSignalSpy finished(&window, &MainWindow::import_finished);
    window.import_paths({input});
    if (!finished.wait(kTimeoutMs))
        return {};
    return finished.first().first().value<ImportReport>();
}

// A relation with at least one evidence sentence read from the scan, and that sentence's line.
struct ScannedEvidence {
    RelationId relation;
    ScanLine line;
};

std::optional<ScannedEvidence> find_scanned_evidence(ScanEvidence& scans, const QString& project) {
    auto opened = store::Project::open(project.toStdString(), store::OpenMode::ReadOnly);
    for (const auto& row : store::RelationStore(opened).list()) {
        auto lines = scans.lines(row.relation.id, 3);
        if (!lines.empty())
            return ScannedEvidence{row.relation.id, std::move(lines.front())};
    }
    return std::nullopt;
}

double aspect(int width, int height) {
    return static_cast<double>(width) / static_cast<double>(height);
}
} // namespace

class ScanEvidenceTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        use_test_settings();
        qRegisterMetaType<dossier::gui::ImportReport>();
        QVERIFY(dir_.isValid());
        scan_ = QDir(dir_.path()).filePath(QStringLiteral("memcon-scan.jpg"));
        QVERIFY(QFile::copy(kSampleScan, scan_));
        project_ = QDir(dir_.path()).filePath(QStringLiteral("scan.dossier"));
        // Defaults, as `dossier import`: auto, English.
        const auto settings = load_ocr_import_settings();
        QCOMPARE(settings.mode, importers::OcrMode::Auto);
        QCOMPARE(settings.languages, QStringLiteral("eng"));
        const auto report = import_through_window(project_, scan_);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.imported, 1);
    }

    void ocr_options_are_kept_and_never_refuses_the_scan() {
        save_ocr_import_settings({importers::OcrMode::Never, QStringLiteral("eng+rus")});
        const auto kept = load_ocr_import_settings();
        QCOMPARE(kept.mode, importers::OcrMode::Never);
        QCOMPARE(kept.languages, QStringLiteral("eng+rus"));
        QVERIFY(!ocr_languages_problem(QStringLiteral("eng rus")).isEmpty());

        QTemporaryDir dir;
        const auto report =
            import_through_window(QDir(dir.path()).filePath(QStringLiteral("n.dossier")), scan_);
        save_ocr_import_settings({});
        QCOMPARE(report.imported, 0);
        QCOMPARE(report.failed.size(), std::size_t{1});
        QVERIFY2(report.failed.front().reason.contains(QStringLiteral("OCR")),
                 qPrintable(report.failed.front().reason));
    }

    void evidence_from_the_scan_shows_its_line_cropped_with_the_page() {
        ScanEvidence scans;
        scans.open(project_.toStdString());
        const auto found = find_scanned_evidence(scans, project_);
        QVERIFY2(found, "extraction should find a relation in the scanned memorandum");
        const auto& line = found->line;
        QVERIFY2(!line.crop.isNull(), qPrintable(line.unavailable));
        QCOMPARE(line.page, 1);

        // The crop is the stored line box (with its margin) of the page as OCR saw it.
        auto opened = store::Project::open(project_.toStdString(), store::OpenMode::ReadOnly);
        const auto pages = store::OcrStore(opened).pages(line.document);
        QCOMPARE(pages.size(), std::size_t{1});
        const auto& line_box = line.region;
        QCOMPARE(line.crop.width(), line_box.right - line_box.left);
        QCOMPARE(line.crop.height(), line_box.bottom - line_box.top);
        QVERIFY(line_box.right <= pages.front().width && line_box.bottom <= pages.front().height);
        QVERIFY(line.crop.height() < pages.front().height / 4); // a line or two, not the page

        ProjectReader reader;
        reader.open(project_.toStdString());
        const QString html = relation_evidence_html(reader, found->relation, 3, &scans);
        QVERIFY(html.contains(QStringLiteral("Scan, p. 1")));
        QVERIFY(html.contains(QStringLiteral(", p. 1</a>")));
        const QRegularExpression img(QStringLiteral(
            "<img class='scan-line' src='data:image/png;base64,([^']+)' width='(\\d+)' "
            "height='(\\d+)'"));
        const auto match = img.match(html);
        QVERIFY2(match.hasMatch(), qPrintable(html.left(400)));
        const QImage shown =
            QImage::fromData(QByteArray::fromBase64(match.captured(1).toLatin1()), "PNG");
        QVERIFY(!shown.isNull());
        QCOMPARE(shown.width(), match.captured(2).toInt());
        QCOMPARE(shown.height(), match.captured(3).toInt());
        QVERIFY(shown.width() <= kScanCropShownWidth);
        const double expected = aspect(line.crop.width(), line.crop.height());
        QVERIFY2(std::abs(aspect(shown.width(), shown.height()) - expected) / expected < 0.02,
                 qPrintable(QStringLiteral("%1x%2 shown for a %3x%4 box")
                                .arg(shown.width())
                                .arg(shown.height())
                                .arg(line.crop.width())
                                .arg(line.crop.height())));

        // The Details panel's browser loads the image from its data URL.
        QTextBrowser browser;
        browser.resize(600, 800);
        browser.setHtml(html);
        const QVariant resource = browser.document()->resource(
            QTextDocument::ImageResource,
            QUrl(QStringLiteral("data:image/png;base64,") + match.captured(1)));
        QVERIFY(resource.isValid());
        QCOMPARE(resource.value<QImage>().size(), shown.size());
        if (const QByteArray shot = qgetenv("DOSSIER_SCAN_EVIDENCE_SHOT"); !shot.isEmpty())
            browser.grab().save(QString::fromLocal8Bit(shot));
    }

    void the_least_confident_word_of_the_sentence_is_marked() {
        ScanEvidence scans;
        scans.open(project_.toStdString());
        const auto found = find_scanned_evidence(scans, project_);
        QVERIFY(found);
        // The words of the sentence and their confidences, as stored.
        auto opened = store::Project::open(project_.toStdString(), store::OpenMode::ReadOnly);
        const auto pages = store::OcrStore(opened).pages(found->line.document);
        QVERIFY(!pages.empty());
        const auto row = store::RelationStore(opened).get(found->relation);
        QVERIFY(row);
        const auto evidence =
            std::find_if(row->relation.evidence.begin(), row->relation.evidence.end(),
                         [&](const auto& ev) { return ev.document == found->line.document; });
        QVERIFY(evidence != row->relation.evidence.end());
        std::vector<float> confidences;
        for (const auto& word : pages.front().words)
            if (word.start < evidence->sentence.end && evidence->sentence.start < word.end)
                confidences.push_back(word.confidence);
        QVERIFY(confidences.size() >= 2);
        std::sort(confidences.begin(), confidences.end());
        // With the bar just above the least confident word, it (and only words as doubtful) is
        // marked; with the bar at zero nothing is.
        const auto marked_below = [&](float bar) {
            scans.set_low_confidence_below(bar);
            const auto lines = scans.lines(found->relation, 3);
            const auto line = std::find_if(lines.begin(), lines.end(), [&](const ScanLine& l) {
                return l.document == found->line.document;
            });
            return line == lines.end() ? -1 : line->low_confidence_words;
        };
        const float bar = confidences.front() + 0.5f;
        const auto expected =
            std::count_if(confidences.begin(), confidences.end(), [&](float c) { return c < bar; });
        QCOMPARE(marked_below(bar), static_cast<int>(expected));
        QCOMPARE(marked_below(0), 0);
        scans.set_low_confidence_below(bar);
        ProjectReader reader;
        reader.open(project_.toStdString());
        const QString html = relation_evidence_html(reader, found->relation, 3, &scans);
        QVERIFY(html.contains(QStringLiteral("<span class='ocr-low'")));
        QVERIFY(html.contains(QStringLiteral("title='OCR confidence %1'")
                                  .arg(static_cast<int>(confidences.front()))));
    }

    void a_scan_whose_file_is_gone_says_so() {
        QTemporaryDir dir;
        const QString copy = QDir(dir.path()).filePath(QStringLiteral("gone.jpg"));
        QVERIFY(QFile::copy(kSampleScan, copy));
        const QString project = QDir(dir.path()).filePath(QStringLiteral("gone.dossier"));
        QCOMPARE(import_through_window(project, copy).imported, 1);
        QVERIFY(QFile::remove(copy));
        ScanEvidence scans;
        scans.open(project.toStdString());
        const auto found = find_scanned_evidence(scans, project);
        QVERIFY(found);
        QVERIFY(found->line.crop.isNull());
        QVERIFY2(found->line.unavailable.startsWith(QStringLiteral("scan not available")),
                 qPrintable(found->line.unavailable));
        ProjectReader reader;
        reader.open(project.toStdString());
        const QString html = relation_evidence_html(reader, found->relation, 3, &scans);
        QVERIFY(html.contains(QStringLiteral("scan not available")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(html.contains(QStringLiteral("Scan, p. 1")));
    }

private:
    QTemporaryDir dir_;
    QString scan_;
    QString project_;
};

QTEST_MAIN(ScanEvidenceTest)
#include "scan_evidence_test.moc"
