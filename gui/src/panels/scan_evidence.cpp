#include "panels/scan_evidence.h"

#include "dossier/importers/image_decoding.h"
#include "dossier/importers/pdf_page_image.h"
#include "dossier/ingest/content_hash.h"
#include "dossier/store/document_store.h"
#include "dossier/store/ocr_store.h"
#include "dossier/store/relation_store.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPainter>
#include <algorithm>
#include <fstream>
#include <sstream>

namespace dossier::gui {
namespace {
// Pages kept decoded: four grey US-letter pages at 300 dpi are 34 MB.
constexpr std::size_t kPagesKept = 4;

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString tr(const char* text) {
    return QCoreApplication::translate("dossier::gui::ScanEvidence", text);
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

QImage to_qimage(const importers::GrayImage& gray) {
    QImage image(gray.width, gray.height, QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height; ++y)
        std::copy_n(gray.pixels.data() + static_cast<std::size_t>(y) * gray.width, gray.width,
                    image.scanLine(y));
    return image;
}

// The page as OCR read it: decoded again from the image file, or rendered again from the PDF as
// the importer rendered it, once the file is the one imported and the page has the size OCR saw.
QImage load_page(const Document& document, const OcrPage& page, QString& unavailable) {
    const bool pdf = document.format == "pdf";
    if (!pdf && document.format != "image") {
        unavailable = tr("scan not available: the explorer crops lines of image files and PDFs "
                         "only (this page came from a %1 file)")
                          .arg(qs(document.format));
        return {};
    }
    const auto bytes = read_file(document.source_path);
    if (!bytes) {
        unavailable = tr("scan not available: %1 is gone").arg(qs(document.source_path));
        return {};
    }
    if (ingest::sha256_hex(*bytes) != document.sha256) {
        unavailable = tr("scan not available: %1 changed since it was imported")
                          .arg(qs(document.source_path));
        return {};
    }
    const auto index = static_cast<std::size_t>(page.page - 1);
    const auto read = pdf ? importers::render_pdf_page(*bytes, index)
                          : importers::decode_image_page(*bytes, index);
    if (!read.error.empty()) {
        unavailable = tr("scan not available: %1").arg(qs(read.error));
        return {};
    }
    if (read.image.pixels.empty()) {
        unavailable = tr("scan not available: page %1 is blank").arg(page.page);
        return {};
    }
    if (read.image.width != page.width || read.image.height != page.height) {
        unavailable = tr("scan not available: page %1 comes out at %2 x %3 pixels, OCR read it "
                         "at %4 x %5")
                          .arg(page.page)
                          .arg(read.image.width)
                          .arg(read.image.height)
                          .arg(page.width)
                          .arg(page.height);
        return {};
    }
    return to_qimage(read.image);
}

bool overlaps(const OcrWord& word, Span span) {
    return word.start < span.end && span.start < word.end;
}

// The sentence's text with the words below kLowOcrConfidence marked (their confidence as a tip).
QString marked_text(const std::string& text, Span sentence, const std::vector<OcrWord>& words,
                    float low_below, int& low) {
    QString html;
    std::uint32_t at = sentence.start;
    for (const auto& word : words) {
        if (!overlaps(word, sentence) || word.confidence >= low_below)
            continue;
        const auto start = std::max(word.start, at);
        const auto end = std::min(word.end, sentence.end);
        if (start >= end)
            continue;
        html += qs(text.substr(at, start - at)).toHtmlEscaped();
        html += QStringLiteral("<span class='ocr-low' style='background-color:#ffd6a0' "
                               "title='OCR confidence %1'><u>%2</u></span>")
                    .arg(static_cast<int>(word.confidence))
                    .arg(qs(text.substr(start, end - start)).toHtmlEscaped());
        at = end;
        ++low;
    }
    html += qs(text.substr(at, sentence.end - at)).toHtmlEscaped();
    return html.simplified();
}

// Outlines the low-confidence words on the crop, as they are marked in the text.
void outline_low_words(QImage& crop, const PixelBox& region, Span sentence,
                       const std::vector<OcrWord>& words, float low_below) {
    crop = crop.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&crop);
    painter.setPen(QPen(QColor(230, 120, 0), std::max(2, crop.height() / 40)));
    for (const auto& word : words)
        if (overlaps(word, sentence) && word.confidence < low_below)
            painter.drawRect(word.box.left - region.left, word.box.top - region.top,
                             word.box.right - word.box.left, word.box.bottom - word.box.top);
}
} // namespace

PixelBox scan_crop_region(const PixelBox& line_box, int dpi, int page_width, int page_height) {
    const int margin = std::max(2, dpi / 30);
    return {std::max(0, line_box.left - margin), std::max(0, line_box.top - margin),
            std::min(page_width, line_box.right + margin),
            std::min(page_height, line_box.bottom + margin)};
}

void ScanEvidence::open(const std::filesystem::path& project) {
    close();
    project_.emplace(store::Project::open(project, store::OpenMode::ReadOnly));
}

void ScanEvidence::close() {
    project_.reset();
    pages_.clear();
}

QImage ScanEvidence::page_image(const Document& document, const OcrPage& page,
                                QString& unavailable) {
    const auto key = std::make_pair(document.source_path, page.page);
    if (const auto it = pages_.find(key); it != pages_.end()) {
        it->second.last_used = ++uses_;
        return it->second.image;
    }
    QImage image = load_page(document, page, unavailable);
    if (image.isNull())
        return {};
    if (pages_.size() >= kPagesKept)
        pages_.erase(
            std::min_element(pages_.begin(), pages_.end(), [](const auto& a, const auto& b) {
                return a.second.last_used < b.second.last_used;
            }));
    pages_[key] = {image, ++uses_};
    return image;
}

std::vector<ScanLine> ScanEvidence::lines(RelationId relation, std::size_t limit) {
    if (!project_)
        return {};
    const auto row = store::RelationStore(*project_).get(relation);
    if (!row)
        return {};
    std::vector<SentenceRef> sentences;
    for (const auto& ev : row->relation.evidence) {
        if (sentences.size() >= limit)
            break;
        sentences.push_back({ev.document, ev.sentence});
    }
    return lines(sentences);
}

std::vector<ScanLine> ScanEvidence::lines(const std::vector<SentenceRef>& sentences) {
    std::vector<ScanLine> out;
    if (!project_)
        return out;
    store::OcrStore ocr(*project_);
    const auto with_ocr = ocr.documents_with_ocr();
    std::map<std::int64_t, std::optional<Document>> documents;
    for (const auto& ev : sentences) {
        if (!with_ocr.contains(ev.document.value))
            continue;
        const auto where = ocr.locate(ev.document, ev.sentence);
        if (!where)
            continue;
        auto it = documents.find(ev.document.value);
        if (it == documents.end()) {
            auto doc = store::DocumentStore(*project_).get(ev.document);
            if (doc)
                doc->ocr_pages = ocr.pages(ev.document);
            it = documents.emplace(ev.document.value, std::move(doc)).first;
        }
        if (!it->second || ev.sentence.end > it->second->text.size())
            continue;
        const Document& doc = *it->second;
        const auto page = std::find_if(doc.ocr_pages.begin(), doc.ocr_pages.end(),
                                       [&](const OcrPage& p) { return p.page == where->page; });
        if (page == doc.ocr_pages.end())
            continue;
        ScanLine line;
        line.document = ev.document;
        line.sentence = doc.text.substr(ev.sentence.start, ev.sentence.size());
        line.page = where->page;
        line.region = scan_crop_region(where->line_box, where->dpi, page->width, page->height);
        line.text_html =
            marked_text(doc.text, ev.sentence, page->words, low_below_, line.low_confidence_words);
        const QImage image = page_image(doc, *page, line.unavailable);
        if (!image.isNull()) {
            line.crop =
                image.copy(line.region.left, line.region.top, line.region.right - line.region.left,
                           line.region.bottom - line.region.top);
            outline_low_words(line.crop, line.region, ev.sentence, page->words, low_below_);
        }
        out.push_back(std::move(line));
    }
    return out;
}

QString scan_line_html(const ScanLine& line) {
    QString html = QStringLiteral("<br/><small>") + tr("Scan, p. %1:").arg(line.page) +
                   QStringLiteral("</small><br/>");
    if (line.crop.isNull()) {
        html += QStringLiteral("<i>%1</i>").arg(line.unavailable.toHtmlEscaped());
    } else {
        const QImage shown =
            line.crop.width() > kScanCropShownWidth
                ? line.crop.scaledToWidth(kScanCropShownWidth, Qt::SmoothTransformation)
                : line.crop;
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        shown.save(&buffer, "PNG");
        html += QStringLiteral("<img class='scan-line' src='data:image/png;base64,%1' width='%2' "
                               "height='%3' alt='%4'/>")
                    .arg(QString::fromLatin1(png.toBase64()))
                    .arg(shown.width())
                    .arg(shown.height())
                    .arg(tr("scanned line, page %1").arg(line.page).toHtmlEscaped());
    }
    if (line.low_confidence_words > 0)
        html += QStringLiteral("<br/><small>") +
                QCoreApplication::translate(
                    "dossier::gui::ScanEvidence",
                    "%n word(s) read with low confidence, marked above and on the scan", nullptr,
                    line.low_confidence_words)
                    .toHtmlEscaped() +
                QStringLiteral("</small>");
    return html;
}

} // namespace dossier::gui
