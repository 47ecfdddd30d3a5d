#pragma once
// Page images (PNG, JPEG, TIFF including multi-page TIFF) read by OCR, one document per file
// with one page per image. Format name "image".
#include "dossier/importers/importer.h"

#include <memory>

namespace dossier::importers {

std::unique_ptr<Importer> make_image_importer();

} // namespace dossier::importers
