#pragma once
// The values that pass between page sources (PDF renderer, image decoder) and the OCR workers.
#include "dossier/model/ocr_page.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::importers {

// What can go wrong with OCR itself (a missing language pack, an engine that will not start);
// what() is one line that says how to fix it.
struct OcrError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Largest page image OCR accepts, in pixels: an A3 page at 600 dpi is 70 million. Images are
// refused by their header's size before anything is decoded (a "decompression bomb" of 60,000 x
// 60,000 pixels would need 3.6 GB as grey and 14 GB as colour).
inline constexpr std::uint64_t kMaxPagePixels = 80'000'000;

// One page as 8-bit grey, rows of `width` bytes, with the resolution it was scanned or rendered at.
struct GrayImage {
    int width = 0;
    int height = 0;
    int dpi = 0;
    std::vector<std::uint8_t> pixels;
};

// One page handed to OCR: its 1-based number and either an image or the reason there is none.
struct PageToRead {
    int page = 0;
    GrayImage image;
    std::string error; // non-empty: the page could not be decoded or rendered
};

// What OCR made of one page: the text (lines ending in '\n', paragraphs separated by an empty
// line) and the words with offsets into that text, or the reason it failed.
struct PageText {
    int page = 0;
    std::string text;
    OcrPage ocr;
    std::string error;
};

} // namespace dossier::importers
