#pragma once
// Page images from PNG, JPEG and TIFF bytes (Leptonica), one page at a time, each refused by the
// size in its header before it is decoded.
#include "dossier/importers/ocr_types.h"

#include <cstddef>
#include <string_view>

namespace dossier::importers {

// Resolution assumed when the file states none, or an implausible one (below 70 dpi or above
// 1,200): scanning guides for archives ask for 300 dpi.
inline constexpr int kAssumedScanDpi = 300;

// "PNG", "JPEG", "TIFF", or empty when the bytes are none of them (by signature).
std::string_view image_kind(std::string_view bytes);

// Pages in the file: the images of a multi-page TIFF, 1 otherwise. Throws ImportError when the
// file cannot be read as an image at all.
std::size_t image_page_count(std::string_view bytes);

// Page `index` (0-based) as grey; a page that cannot be decoded comes back with its error set.
PageToRead decode_image_page(std::string_view bytes, std::size_t index);

// Checks a page's size before it is decoded or rendered; empty when it is acceptable.
std::string page_size_problem(std::uint64_t width, std::uint64_t height);

} // namespace dossier::importers
