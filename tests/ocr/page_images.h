#pragma once
// Page images for the OCR tests, made here from text: typewriter-like face (GNU FreeMono, Debian
// fonts-freefont-ttf), US letter, 1-inch margins, with the damage real scans carry.
#include "gui_application.h"

#include <QImage>
#include <string>
#include <vector>

namespace dossier::testing {

struct ScanDamage {
    double skew_degrees = 0; // rotation of the whole page
    int ink = 0;             // grey of the type: 0 black, 150 faint
    double blur_radius = 0;  // box blur, pixels
    double speckle = 0;      // share of pixels flipped to dark or light noise
    int jpeg_quality = 0;    // 0: lossless; otherwise saved and reloaded as JPEG at this quality
    unsigned seed = 1;
};

// Lines of at most 64 characters (a typewriter's line), paragraphs kept.
std::vector<std::string> typewriter_lines(const std::string& text);

// One page per 40 lines (a typed page at 1.5 spacing); lines past the last page are dropped
// if max_pages is reached.
std::vector<QImage> render_pages(const std::vector<std::string>& lines, int dpi,
                                 const ScanDamage& damage = {}, std::size_t max_pages = 100);

// The top and bottom (pixels, undamaged page) of the type on line `line` of a page.
std::pair<int, int> line_band(int line, int dpi);

// Encoded bytes: "PNG" or "JPEG" (with quality), with the resolution stored in the file.
std::string encode_image(const QImage& image, const char* format, int quality = -1);

// A multi-page TIFF of these images (Leptonica's writer, as a scanner's driver makes them).
std::string multipage_tiff(const std::vector<QImage>& pages);

// A PDF whose pages are these images only (no text layer), as scanners write them; each page
// is sized so the image is at its dpi.
std::string image_only_pdf(const std::vector<QImage>& pages, int dpi);

} // namespace dossier::testing
