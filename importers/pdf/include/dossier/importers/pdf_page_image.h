#pragma once
// A page of a PDF rendered to grey exactly as the importer hands it to OCR (kPdfOcrDpi, the same
// renderer), so the word boxes OCR stored for the page fall on the same pixels; the explorer crops
// the scanned line of an OCR'd sentence from it.
#include "dossier/importers/ocr_types.h"

#include <cstddef>
#include <string_view>

namespace dossier::importers {

// The resolution PDF pages without a usable text layer are rendered at for OCR.
inline constexpr int kPdfOcrDpi = 300;

// Page `index` (0-based) of the PDF in `bytes`; a PDF that cannot be opened, a page it lacks or
// one that cannot be rendered comes back with its error set. A page blank at a glance comes
// back without pixels, as OCR got it.
PageToRead render_pdf_page(std::string_view bytes, std::size_t index);

} // namespace dossier::importers
