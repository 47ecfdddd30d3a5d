// Scanned PDFs through the PDF importer: pages without a usable text layer rendered at 300 dpi
// and read by Tesseract; pages with one keep it.
#include "dossier/importers/pdf_importer.h"
#include "ocr_test_support.h"
#include "page_images.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

using namespace dossier;
using namespace dossier::importers;
using namespace dossier::testing;

namespace {

const Importer& pdf_importer() {
    static const auto importer = make_pdf_importer();
    return *importer;
}

// Page 1 typed text with a real text layer, page 2 a scan (image only).
std::string mixed_pdf(const std::string& typed, const QImage& scan) {
    ensure_gui_application();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setPageSize(QPageSize(QSizeF(8.5, 11), QPageSize::Inch));
        QPainter painter(&writer);
        QFont font("FreeMono");
        font.setPixelSize(50);
        painter.setFont(font);
        painter.drawText(QPointF(300, 400), QString::fromStdString(typed));
        writer.newPage();
        painter.drawImage(QRectF(0, 0, scan.width(), scan.height()), scan);
    }
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

QImage scan_of(const std::vector<std::string>& lines) {
    return render_pages(lines, 300).at(0);
}

} // namespace

TEST(PdfOcr, ImageOnlyPagesAreRenderedAndReadWithTheirPageNumbers) {
    const auto pdf = image_only_pdf({scan_of({"TELEGRAM ONE", "Ambassador Ashworth reports"}),
                                     scan_of({"TELEGRAM TWO", "Minister Kuznetsov replied"})},
                                    300);
    const auto doc = pdf_importer().read_with("scan.pdf", pdf, ocr_options()).at(0);
    ASSERT_EQ(doc.page_starts.size(), 2u);
    ASSERT_EQ(doc.ocr_pages.size(), 2u);
    EXPECT_EQ(doc.ocr_pages[0].dpi, 300);
    EXPECT_EQ(doc.ocr_pages[0].width, 2550);
    const auto kuznetsov = doc.text.find("Kuznetsov");
    ASSERT_NE(kuznetsov, std::string::npos) << doc.text;
    EXPECT_EQ(doc.page_of(static_cast<std::uint32_t>(kuznetsov)), 2);
    EXPECT_NE(doc.text.find("Ashworth"), std::string::npos) << doc.text;
}

TEST(PdfOcr, AutoKeepsAUsableTextLayerAndReadsOnlyTheScannedPage) {
    const auto pdf = mixed_pdf("Typed page names Ambassador Pembrook",
                               scan_of({"Scanned page names Minister Derevianko"}));
    const auto doc = pdf_importer().read_with("mixed.pdf", pdf, ocr_options()).at(0);
    ASSERT_EQ(doc.page_starts.size(), 2u);
    ASSERT_EQ(doc.ocr_pages.size(), 1u);
    EXPECT_EQ(doc.ocr_pages[0].page, 2);
    const auto typed = doc.text.find("Pembrook");
    const auto scanned = doc.text.find("Derevianko");
    ASSERT_NE(typed, std::string::npos) << doc.text;
    ASSERT_NE(scanned, std::string::npos) << doc.text;
    EXPECT_EQ(doc.page_of(static_cast<std::uint32_t>(typed)), 1);
    EXPECT_EQ(doc.page_of(static_cast<std::uint32_t>(scanned)), 2);
    // The OCR'd words' offsets point into page 2's text.
    for (const auto& w : doc.ocr_pages[0].words)
        EXPECT_GE(w.start, doc.page_starts[1]);
}

TEST(PdfOcr, AlwaysReadsEveryPageAndNeverRefusesTheScan) {
    const auto pdf = mixed_pdf("Typed page names Ambassador Pembrook",
                               scan_of({"Scanned page names Minister Derevianko"}));
    const auto always =
        pdf_importer().read_with("mixed.pdf", pdf, ocr_options(OcrMode::Always)).at(0);
    EXPECT_EQ(always.ocr_pages.size(), 2u);
    EXPECT_NE(always.text.find("Pembrook"), std::string::npos) << always.text;

    const auto scan_only = image_only_pdf({scan_of({"Scanned"})}, 300);
    EXPECT_EQ(error_of(pdf_importer(), "scan.pdf", scan_only, ocr_options(OcrMode::Never)),
              "no text layer; OCR needed (OCR is off: --ocr never)");
}

TEST(PdfOcr, GarbageTextLayerIsReplacedByOcrInAutoMode) {
    // A text layer of symbols over a scanned page: what a broken font encoding extracts to.
    const auto pdf = mixed_pdf("#$%& *@!? ^~|{ }<>; :+= ,./ ][", scan_of({"Minister Derevianko"}));
    const auto doc = pdf_importer().read_with("garbage.pdf", pdf, ocr_options()).at(0);
    // Page 1's layer is garbage: OCR'd too (it shows only symbols, so little comes back), page 2
    // has none.
    EXPECT_EQ(doc.ocr_pages.size(), 2u);
    EXPECT_NE(doc.text.find("Derevianko"), std::string::npos) << doc.text;
}
