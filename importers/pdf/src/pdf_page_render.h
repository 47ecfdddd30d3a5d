#pragma once
// A PDF page rendered to grey for OCR, at the resolution scans are read at.
#include "dossier/importers/ocr_types.h"
#include "dossier/importers/pdf_page_image.h"

#include <cstddef>

namespace poppler {
class document;
}

namespace dossier::importers {

// Renders page `index` (0-based) at kPdfOcrDpi; a page too large to render (over kMaxPagePixels at
// that resolution) or one poppler cannot render comes back with its error set. Not thread-safe
// for one document: call it from one thread.
PageToRead render_page(poppler::document& pdf, std::size_t index);

} // namespace dossier::importers
