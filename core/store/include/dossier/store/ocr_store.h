#pragma once
// What OCR read on scanned pages (schema v5): each page's size and resolution, and its words with
// their byte spans in the document's text, boxes and confidences. Maps a mention back to where it
// stands on the scan.
#include "dossier/model/document.h"
#include "dossier/store/project.h"

#include <optional>
#include <set>
#include <vector>

namespace dossier::store {

// Where a span of an OCR'd document's text stands on its page: the union of the boxes of the
// words it overlaps, in pixels of the page image at `dpi`.
struct ScanLocation {
    int page = 0;
    int dpi = 0;
    PixelBox box;
    PixelBox line_box;        // the whole scanned line(s) the words are on
    float min_confidence = 0; // of those words (0-100)
    std::size_t words = 0;
};

class OcrStore {
public:
    explicit OcrStore(Project& project) : project_(project) {}

    // Stores the document's OCR'd pages and words. The caller owns the transaction.
    void insert(DocumentId document, const std::vector<OcrPage>& pages);
    // The pages with their words (offsets into the document's text), in page order.
    std::vector<OcrPage> pages(DocumentId document);
    // Documents with at least one OCR'd page.
    std::set<std::int64_t> documents_with_ocr();
    // Nothing when the span overlaps no OCR'd word (a page read from a text layer).
    std::optional<ScanLocation> locate(DocumentId document, Span span);

private:
    Project& project_;
};

} // namespace dossier::store
