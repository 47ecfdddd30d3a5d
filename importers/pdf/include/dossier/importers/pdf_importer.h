#pragma once
#include "dossier/importers/importer.h"

#include <memory>

namespace dossier::importers {

// The PDF's text layer, page by page (Document::page_starts). Refuses encrypted PDFs
// ("encrypted PDF"), unreadable ones ("corrupt PDF") and scans ("no text layer; OCR needed").
std::unique_ptr<Importer> make_pdf_importer();

} // namespace dossier::importers
