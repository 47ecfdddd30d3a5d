#pragma once
// Evidence read from scanned pages: for each sentence of a relation that OCR read, the cropped
// line(s) of its page image beside the OCR text, with the words Tesseract was unsure of marked,
// so the analyst can check a name against the original. The project keeps no page images
// (docs/OCR.md, "What is kept"): the page is decoded again from the source image, or a PDF page
// rendered again as the importer rendered it for OCR, once the file's hash matches the import.
#include "dossier/model/document.h"
#include "dossier/store/project.h"

#include <QImage>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dossier::gui {

// Words below this confidence (Tesseract's 0-100) are marked in the text and on the crop: about
// where a misread letter becomes likely.
inline constexpr float kLowOcrConfidence = 60;
// The crop is shown at most this wide, in pixels (its aspect ratio kept).
inline constexpr int kScanCropShownWidth = 480;

struct ScanLine {
    DocumentId document;
    std::string sentence; // the sentence's text, as the evidence quote shows it
    int page = 0;         // 1-based
    PixelBox region;      // the cropped region of the page image (the line box and a margin)
    QImage crop;          // null when the scan is not available
    QString unavailable;  // why there is no crop
    QString text_html;    // the sentence with low-confidence words marked
    int low_confidence_words = 0;
};

// The line box with a margin of 1/30 inch (a fifth of a typed line: enough for descenders, too
// little to show the neighbouring lines), kept inside the page.
PixelBox scan_crop_region(const PixelBox& line_box, int dpi, int page_width, int page_height);

// A sentence of a document: where an evidence quote or a co-mention was read.
struct SentenceRef {
    DocumentId document;
    Span sentence;
};

// One per window, shared by the panels that quote evidence (Details, Paths, Together), so a page
// decoded or rendered for one is not decoded again for the next.
class ScanEvidence {
public:
    // Read-only; throws store::StoreError when the project cannot be opened.
    void open(const std::filesystem::path& project);
    void close();
    bool is_open() const { return project_.has_value(); }
    // Words below this confidence are marked (default kLowOcrConfidence).
    void set_low_confidence_below(float confidence) { low_below_ = confidence; }

    // The scanned lines of the first `limit` evidence sentences of `relation`, for those read by
    // OCR (empty when none was).
    std::vector<ScanLine> lines(RelationId relation, std::size_t limit);
    // The scanned lines of those of `sentences` read by OCR, in their order.
    std::vector<ScanLine> lines(const std::vector<SentenceRef>& sentences);

private:
    QImage page_image(const Document& document, const OcrPage& page, QString& unavailable);

    std::optional<store::Project> project_;
    float low_below_ = kLowOcrConfidence;
    struct KeptPage {
        QImage image;
        std::uint64_t last_used = 0;
    };
    // Decoded or rendered pages, a few kept; the least recently used goes first, so quotes that
    // alternate between a few pages (a PDF page costs a quarter of a second) read each once.
    std::map<std::pair<std::string, int>, KeptPage> pages_;
    std::uint64_t uses_ = 0;
};

// "Scan, p. N:" and the crop as an <img> (a PNG data URL, sized to show at most
// kScanCropShownWidth wide) or a line saying why there is none; how many words are marked in
// text_html, which the quote shows in place of the plain sentence.
QString scan_line_html(const ScanLine& line);

} // namespace dossier::gui
