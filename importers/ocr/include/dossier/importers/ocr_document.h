#pragma once
// Builds a Document page by page from text layers and OCR results, with the page map and the
// OCR'd words' offsets shifted to where their page lands in the document's text.
#include "dossier/importers/importer.h"
#include "dossier/importers/ocr_types.h"

#include <string>
#include <vector>

namespace dossier::importers {

// Starts a new page (page_starts) and appends its text.
void append_text_page(Document& doc, std::string_view text);
// The same for an OCR'd page, keeping its words (offsets made document-wide).
void append_ocr_page(Document& doc, PageText&& page);

// Throws ImportError naming the pages that failed ("page 3: truncated ...; page 7: ..."), so a
// document is never kept with pages silently missing.
void require_all_pages(const std::vector<PageText>& pages, std::size_t total_pages);

// Records how the text was made (metadata "ocr": engine, languages, pages).
void note_ocr(Document& doc, const OcrSettings& settings, std::size_t ocr_pages,
              std::size_t total_pages);

// The Tesseract version the OCR engine runs ("5.3.0").
std::string tesseract_version();

} // namespace dossier::importers
