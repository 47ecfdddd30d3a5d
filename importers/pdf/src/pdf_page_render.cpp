#include "pdf_page_render.h"

#include "dossier/importers/image_decoding.h"

#include <cmath>
#include <cstring>
#include <memory>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

namespace dossier::importers {
namespace {

// A PDF of thousands of blank pages (separator sheets, a scanner run empty) would cost a full
// 300 dpi render each, 8 MB of pixels to find nothing. A preview at 36 dpi, 1/70 of the pixels,
// tells them apart: anti-aliasing greys any mark of a 36th of an inch or more, so a page whose
// preview is white everywhere has nothing Tesseract could read at 300 dpi either.
bool is_blank_preview(poppler::page_renderer& renderer, poppler::page& page) {
    constexpr int kPreviewDpi = 36;
    const auto preview = renderer.render_page(&page, kPreviewDpi, kPreviewDpi);
    if (!preview.is_valid() || preview.width() <= 0 || preview.height() <= 0)
        return false;
    const char* data = preview.const_data();
    for (int y = 0; y < preview.height(); ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data) +
                          static_cast<std::ptrdiff_t>(y) * preview.bytes_per_row();
        for (int x = 0; x < preview.width(); ++x)
            if (row[x] < 250)
                return false;
    }
    return true;
}

} // namespace

PageToRead render_page(poppler::document& pdf, std::size_t index) {
    PageToRead out;
    out.page = static_cast<int>(index) + 1;
    std::unique_ptr<poppler::page> page(pdf.create_page(static_cast<int>(index)));
    if (!page) {
        out.error = "the page cannot be read";
        return out;
    }
    // Checked before rendering: a page of 200 x 200 inches would need 3.6 GB.
    const auto rect = page->page_rect(poppler::crop_box);
    const auto width =
        static_cast<std::uint64_t>(std::ceil(std::abs(rect.width()) / 72.0 * kPdfOcrDpi));
    const auto height =
        static_cast<std::uint64_t>(std::ceil(std::abs(rect.height()) / 72.0 * kPdfOcrDpi));
    out.error = page_size_problem(width, height);
    if (!out.error.empty()) {
        out.error =
            "page too large to render at " + std::to_string(kPdfOcrDpi) + " dpi: " + out.error;
        return out;
    }
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hints(poppler::page_renderer::antialiasing |
                              poppler::page_renderer::text_antialiasing);
    if (is_blank_preview(renderer, *page)) {
        // Nothing to read: the page goes to OCR without pixels and comes back with no words.
        out.image.width = static_cast<int>(width);
        out.image.height = static_cast<int>(height);
        out.image.dpi = kPdfOcrDpi;
        return out;
    }
    const auto image = renderer.render_page(page.get(), kPdfOcrDpi, kPdfOcrDpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
        out.error = "the page cannot be rendered";
        return out;
    }
    out.image.width = image.width();
    out.image.height = image.height();
    out.image.dpi = kPdfOcrDpi;
    out.image.pixels.resize(static_cast<std::size_t>(image.width()) *
                            static_cast<std::size_t>(image.height()));
    const char* data = image.const_data();
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(out.image.pixels.data() +
                        static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width()),
                    data + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row(),
                    static_cast<std::size_t>(image.width()));
    return out;
}

} // namespace dossier::importers
