#pragma once
// Page-parallel OCR, as ocrmypdf does it: the calling thread renders or decodes one page at a time
// and worker threads, each with its own Tesseract engine, read them. At most one page per worker
// waits, so memory stays bounded whatever the number of pages (a PDF of 5,000 pages holds a
// handful of page images at any moment).
#include "dossier/importers/importer.h"
#include "dossier/importers/ocr_types.h"

#include <cstddef>
#include <functional>
#include <vector>

namespace dossier::importers {

// Reads pages 0..count-1 of a file; `page_at(i)` is called on the calling thread, in order.
// Returns one PageText per page, in page order; a page that failed carries its error. Throws
// OcrError when no engine can start (missing language) and ImportCancelled when
// options.cancel was set (the pages in flight are abandoned).
std::vector<PageText> read_pages(std::size_t count,
                                 const std::function<PageToRead(std::size_t)>& page_at,
                                 const ReadOptions& options);

// True when every pixel has the same grey within a small tolerance: nothing for OCR to read.
bool is_blank(const GrayImage& image);

// Worker threads read_pages starts: settings.threads, or one per core, and never more than pages.
unsigned worker_count(const OcrSettings& settings, std::size_t pages);

} // namespace dossier::importers
