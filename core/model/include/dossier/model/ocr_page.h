#pragma once
// What OCR read on one page image, kept so that a mention found in the OCR text maps back to a
// region of the scanned page (evidence an analyst can check against the original).
#include <cstdint>
#include <vector>

namespace dossier {

// A rectangle in pixels of the page image, origin at the top left, right and bottom exclusive.
struct PixelBox {
    std::int32_t left = 0;
    std::int32_t top = 0;
    std::int32_t right = 0;
    std::int32_t bottom = 0;
    auto operator<=>(const PixelBox&) const = default;
};

// One word: its bytes in the document's text (UTF-8 offsets, like every Span), its box on the
// page image and Tesseract's confidence (0-100). `line` numbers the page's text lines from 0 so
// a caller can gather a whole scanned line around a word.
struct OcrWord {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    PixelBox box;
    float confidence = 0;
    std::int32_t line = 0;
};

// One OCR'd page. `page` is 1-based, as Document::page_of counts; `dpi` is the resolution the
// image was read (or rendered) at, so boxes convert to points as box * 72 / dpi.
struct OcrPage {
    std::int32_t page = 0;
    std::int32_t dpi = 0;
    std::int32_t width = 0;
    std::int32_t height = 0;
    float mean_confidence = 0;
    std::vector<OcrWord> words;
};

} // namespace dossier
