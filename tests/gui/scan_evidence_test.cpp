// Scans in the explorer: the OCR options of File ▸ OCR Options reach the import as `dossier
// import --ocr --ocr-lang` would pass them, and the evidence of a relation read from the sample
// scan (imported with real Tesseract) shows the cropped line of the page with the page number and
// the doubtful words marked; a scan whose file is gone says so. The same for an image-only PDF
// (pages rendered again by poppler), in the Details and Paths panels of the window; a PDF changed
// since its import says so.
#include "app/main_window.h"
#include "curation/curation_ui.h"
#include "dossier/graph/together.h"
#include "dossier/importers/pdf_page_image.h"
#include "dossier/store/document_store.h"
#include "dossier/store/ocr_store.h"
#include "dossier/store/project.h"
#include "dossier/store/relation_store.h"
#include "jobs/ocr_import_settings.h"
#include "page_images.h"
#include "panels/details_panel.h"
#include "panels/evidence_html.h"
#include "panels/scan_evidence.h"
#include "questions/path_panel.h"
#include "questions/together_panel.h"
#include "test_window.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <algorithm>
#include <cmath>
#include <fstream>

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

// An image-only PDF of `lines` typed at 300 dpi, as a scanner writes one (tests/ocr/page_images).
void write_scanned_pdf(const QString& path, const std::vector<std::string>& lines) {
    const auto pdf =
        dossier::testing::image_only_pdf(dossier::testing::render_pages(lines, 300), 300);
    std::ofstream(path.toStdString(), std::ios::binary)
        .write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
}

std::vector<std::string> telegram_lines() {
    QFile file(QStringLiteral(DOSSIER_SAMPLES "/state-telegram-1742-1980.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return dossier::testing::typewriter_lines(file.readAll().toStdString());
}

// The crop a sentence's scanned line should have, worked out from the stored words alone: the
// boxes of every word on the lines the sentence's words stand on (on its first page), with a
// margin of 1/30 inch, kept inside the page.
QSize expected_crop(const std::vector<OcrPage>& pages, Span sentence) {
    for (const auto& page : pages) {
        int first = -1, last = -1;
        for (const auto& word : page.words)
            if (word.start < sentence.end && sentence.start < word.end) {
                first = first < 0 ? word.line : std::min(first, word.line);
                last = std::max(last, word.line);
            }
        if (first < 0)
            continue;
        PixelBox box{page.width, page.height, 0, 0};
        for (const auto& word : page.words)
            if (word.line >= first && word.line <= last)
                box = {std::min(box.left, word.box.left), std::min(box.top, word.box.top),
                       std::max(box.right, word.box.right), std::max(box.bottom, word.box.bottom)};
        const int margin = std::max(2, page.dpi / 30);
        return {std::min(page.width, box.right + margin) - std::max(0, box.left - margin),
                std::min(page.height, box.bottom + margin) - std::max(0, box.top - margin)};
    }
    return {};
}

// The scanned lines a panel's browser shows: the images of its document loaded from data URLs.
std::vector<QImage> shown_scans(QTextBrowser* browser) {
    std::vector<QImage> out;
    QTextDocument* doc = browser->document();
    for (auto block = doc->begin(); block != doc->end(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const auto format = it.fragment().charFormat();
            if (!format.isImageFormat() ||
                !format.toImageFormat().name().startsWith(QStringLiteral("data:image/png")))
                continue;
            const QVariant image =
                doc->resource(QTextDocument::ImageResource, QUrl(format.toImageFormat().name()));
            if (image.isValid())
                out.push_back(image.value<QImage>());
        }
    return out;
}

// The size a crop of `crop` is shown at (at most kScanCropShownWidth wide, its aspect kept).
bool shown_at_its_size(const QImage& shown, QSize crop) {
    if (crop.width() <= kScanCropShownWidth)
        return shown.size() == crop;
    const double height = crop.height() * static_cast<double>(kScanCropShownWidth) / crop.width();
    return shown.width() == kScanCropShownWidth && std::abs(shown.height() - height) <= 1.0;
}

// Pixels of the orange outline ScanEvidence draws around a low-confidence word.
int outline_pixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            // Scaled down, the outline blends with the paper: still redder than it is blue.
            count += c.red() - c.blue() > 50 && c.red() - c.green() > 25;
        }
    return count;
}

// The sentence of `relation`'s evidence `line` quotes, and the confidences of its words.
struct QuotedSentence {
    Span sentence;
    std::vector<float> confidences;
};

QuotedSentence quoted_sentence(store::Project& project, RelationId relation, const ScanLine& line,
                               const std::vector<OcrPage>& pages) {
    QuotedSentence out;
    const auto row = store::RelationStore(project).get(relation);
    if (!row)
        return out;
    const auto doc = store::DocumentStore(project).get(line.document);
    if (!doc)
        return out;
    for (const auto& ev : row->relation.evidence)
        if (ev.document == line.document && ev.sentence.end <= doc->text.size() &&
            doc->text.substr(ev.sentence.start, ev.sentence.size()) == line.sentence) {
            out.sentence = ev.sentence;
            break;
        }
    for (const auto& page : pages)
        for (const auto& word : page.words)
            if (word.start < out.sentence.end && out.sentence.start < word.end)
                out.confidences.push_back(word.confidence);
    std::sort(out.confidences.begin(), out.confidences.end());
    return out;
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

        pdf_ = QDir(dir_.path()).filePath(QStringLiteral("telegram-scan.pdf"));
        const auto lines = telegram_lines();
        QVERIFY(!lines.empty());
        write_scanned_pdf(pdf_, lines);
        pdf_project_ = QDir(dir_.path()).filePath(QStringLiteral("pdf.dossier"));
        const auto pdf_report = import_through_window(pdf_project_, pdf_);
        QVERIFY2(pdf_report.error.isEmpty(), qPrintable(pdf_report.error));
        QCOMPARE(pdf_report.imported, 1);
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

    // The page rendered again by the importer's renderer is the page OCR read: its size is the
    // stored one, and its ink lies inside the stored word boxes' lines.
    void a_pdf_page_renders_again_at_the_size_ocr_read_it() {
        QFile file(pdf_);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const auto page = importers::render_pdf_page(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), 0);
        QVERIFY2(page.error.empty(), page.error.c_str());
        auto opened = store::Project::open(pdf_project_.toStdString(), store::OpenMode::ReadOnly);
        const auto documents = store::OcrStore(opened).documents_with_ocr();
        QCOMPARE(documents.size(), std::size_t{1});
        const auto pages = store::OcrStore(opened).pages(DocumentId{*documents.begin()});
        QVERIFY(!pages.empty());
        QCOMPARE(page.image.dpi, importers::kPdfOcrDpi);
        QCOMPARE(pages.front().dpi, importers::kPdfOcrDpi);
        QCOMPARE(page.image.width, pages.front().width);
        QCOMPARE(page.image.height, pages.front().height);
        const auto missing = importers::render_pdf_page(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), 99);
        QVERIFY2(missing.error.find("no page 100") != std::string::npos, missing.error.c_str());
    }

    void evidence_from_a_scanned_pdf_shows_its_line_in_the_details_and_paths_panels() {
        TestWindow window(QSize(1200, 900));
        QVERIFY(open_and_wait(window, pdf_project_));
        ScanEvidence* scans = window.details_panel()->scans();
        QVERIFY(scans->is_open());
        const auto found = find_scanned_evidence(*scans, pdf_project_);
        QVERIFY2(found, "extraction should find a relation in the scanned telegram");
        QVERIFY2(!found->line.crop.isNull(), qPrintable(found->line.unavailable));

        auto opened = store::Project::open(pdf_project_.toStdString(), store::OpenMode::ReadOnly);
        const auto pages = store::OcrStore(opened).pages(found->line.document);
        const auto quoted = quoted_sentence(opened, found->relation, found->line, pages);
        QVERIFY(quoted.confidences.size() >= 2);
        const QSize crop = expected_crop(pages, quoted.sentence);
        QCOMPARE(found->line.crop.size(), crop);
        QVERIFY(crop.height() < pages.front().height / 4); // a line or two, not the page

        // Words below a bar just above the sentence's least confident word are marked: in the
        // text, and outlined in orange on the crop.
        const float bar = quoted.confidences.front() + 0.5f;
        const auto doubtful = std::count_if(quoted.confidences.begin(), quoted.confidences.end(),
                                            [&](float c) { return c < bar; });
        scans->set_low_confidence_below(bar);

        const auto row = store::RelationStore(opened).get(found->relation);
        QVERIFY(row);
        window.state()->select_one(row->relation.source);
        const auto check_panel = [&](QTextBrowser* browser, const char* panel) {
            const auto shown = shown_scans(browser);
            const auto it = std::find_if(shown.begin(), shown.end(), [&](const QImage& image) {
                return shown_at_its_size(image, crop) && outline_pixels(image) > 0;
            });
            QVERIFY2(it != shown.end(),
                     qPrintable(QStringLiteral("%1: %2 scans shown, none of a %3x%4 line with "
                                               "its doubtful words outlined")
                                    .arg(QLatin1String(panel))
                                    .arg(shown.size())
                                    .arg(crop.width())
                                    .arg(crop.height())));
            const QString text = browser->toPlainText();
            QVERIFY2(text.contains(QStringLiteral("Scan, p. %1:").arg(found->line.page)),
                     qPrintable(text.left(600)));
            QVERIFY2(text.contains(QStringLiteral("%1 word(s) read with low confidence")
                                       .arg(static_cast<int>(doubtful))),
                     qPrintable(text.left(600)));
            QVERIFY(!text.contains(QStringLiteral("scan not available")));
        };
        check_panel(window.details_panel()->browser(), "Details");
        if (const QByteArray shot = qgetenv("DOSSIER_PDF_SCAN_EVIDENCE_SHOT"); !shot.isEmpty()) {
            // The panel's page at a readable size, scrolled to the first scanned line.
            QTextBrowser browser;
            browser.resize(620, 700);
            browser.setHtml(window.details_panel()->browser()->toHtml());
            browser.find(QStringLiteral("Scan, p."));
            browser.ensureCursorVisible();
            auto cursor = browser.textCursor();
            cursor.clearSelection();
            browser.setTextCursor(cursor);
            browser.grab().save(QString::fromLocal8Bit(shot));
        }

        auto* paths = window.findChild<CurationUi*>(QStringLiteral("curationUi"))->path_panel();
        QCOMPARE(paths->find(row->relation.source, row->relation.target, graph::PathMode::Hops), 1);
        check_panel(paths->browser(), "Paths");
        scans->set_low_confidence_below(kLowOcrConfidence);
    }

    void co_mentions_read_from_a_scanned_pdf_show_their_lines_in_the_together_panel() {
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, pdf_project_));
        const auto entity = [&](const QString& name) {
            for (const auto& node : window.state()->graph()->nodes)
                if (node.name.contains(name))
                    return node.id;
            return EntityId{};
        };
        // Paragraph 2 of the telegram: "... Ambassador Ashworth reports that Deputy Foreign
        // Minister Kuznetsov made ...".
        const EntityId ashworth = entity(QStringLiteral("Ashworth"));
        const EntityId kuznetsov = entity(QStringLiteral("Kuznetsov"));
        QVERIFY(ashworth.valid() && kuznetsov.valid());
        auto opened = store::Project::open(pdf_project_.toStdString(), store::OpenMode::ReadOnly);
        const auto together = graph::appear_together(opened, ashworth, kuznetsov);
        QVERIFY(!together.empty());
        const auto pages = store::OcrStore(opened).pages(together.front().document);
        const QSize crop = expected_crop(pages, together.front().sentence);
        QVERIFY(!crop.isEmpty());

        auto* panel = window.findChild<CurationUi*>(QStringLiteral("curationUi"))->together_panel();
        QCOMPARE(panel->find(ashworth, kuznetsov), static_cast<int>(together.size()));
        const auto shown = shown_scans(panel->browser());
        QVERIFY2(std::any_of(shown.begin(), shown.end(),
                             [&](const QImage& image) { return shown_at_its_size(image, crop); }),
                 qPrintable(QStringLiteral("%1 scans shown, none of the %2x%3 line")
                                .arg(shown.size())
                                .arg(crop.width())
                                .arg(crop.height())));
        QVERIFY(panel->plain_text().contains(
            QStringLiteral("Scan, p. %1:").arg(together.front().page)));
    }

    void a_pdf_changed_since_its_import_says_scan_not_available() {
        QTemporaryDir dir;
        const QString pdf = QDir(dir.path()).filePath(QStringLiteral("changed-pdf.pdf"));
        write_scanned_pdf(pdf, telegram_lines());
        const QString project = QDir(dir.path()).filePath(QStringLiteral("changed.dossier"));
        QCOMPARE(import_through_window(project, pdf).imported, 1);
        {
            QFile file(pdf); // a byte more: still a readable PDF, no longer the one imported
            QVERIFY(file.open(QIODevice::Append));
            file.write("\n");
        }
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, project));
        ScanEvidence* scans = window.details_panel()->scans();
        const auto found = find_scanned_evidence(*scans, project);
        QVERIFY(found);
        QVERIFY(found->line.crop.isNull());
        QVERIFY2(found->line.unavailable.startsWith(QStringLiteral("scan not available: ")) &&
                     found->line.unavailable.endsWith(
                         QStringLiteral("changed-pdf.pdf changed since it was imported")),
                 qPrintable(found->line.unavailable));
        auto opened = store::Project::open(project.toStdString(), store::OpenMode::ReadOnly);
        const auto row = store::RelationStore(opened).get(found->relation);
        QVERIFY(row);
        window.state()->select_one(row->relation.source);
        const QString text = window.details_panel()->plain_text();
        QVERIFY2(text.contains(QStringLiteral("changed since it was imported")),
                 qPrintable(text.left(600)));
        QVERIFY(shown_scans(window.details_panel()->browser()).empty());
    }

private:
    QTemporaryDir dir_;
    QString scan_;
    QString project_;
    QString pdf_;
    QString pdf_project_;
};

QTEST_MAIN(ScanEvidenceTest)
#include "scan_evidence_test.moc"
