#include "dossier/importers/image_decoding.h"

#include "dossier/importers/importer.h"

#include <allheaders.h>
#include <cstdio>
#include <memory>

namespace dossier::importers {
namespace {

struct PixDeleter {
    void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Leptonica reports every problem on stderr as well as by its return value; the one-line errors
// Dossier gives are enough.
void silence_leptonica() {
    static const bool once = [] {
        setMsgSeverity(L_SEVERITY_NONE);
        return true;
    }();
    (void)once;
}

const l_uint8* data_of(std::string_view bytes) {
    return reinterpret_cast<const l_uint8*>(bytes.data());
}

int plausible_dpi(int dpi) {
    return dpi >= 70 && dpi <= 1200 ? dpi : kAssumedScanDpi;
}

PixPtr to_gray(PIX* pix) {
    if (pixGetDepth(pix) == 32)
        return PixPtr(pixConvertRGBToLuminance(pix));
    return PixPtr(pixConvertTo8(pix, 0));
}

GrayImage copy_gray(PIX* gray, int dpi) {
    GrayImage image;
    image.width = static_cast<int>(pixGetWidth(gray));
    image.height = static_cast<int>(pixGetHeight(gray));
    image.dpi = dpi;
    image.pixels.resize(static_cast<std::size_t>(image.width) *
                        static_cast<std::size_t>(image.height));
    const l_uint32* data = pixGetData(gray);
    const int words_per_line = pixGetWpl(gray);
    for (int y = 0; y < image.height; ++y) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
        auto* row = image.pixels.data() +
                    static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
        for (int x = 0; x < image.width; ++x)
            row[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
    }
    return image;
}

std::uint32_t read_u32(std::string_view bytes, std::size_t at, bool big_endian) {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
        const auto byte = static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(k)]);
        v = big_endian ? (v << 8) | byte : v | (static_cast<std::uint32_t>(byte) << (8 * k));
    }
    return v;
}

std::uint32_t read_u16(std::string_view bytes, std::size_t at, bool big_endian) {
    const auto a = static_cast<unsigned char>(bytes[at]);
    const auto b = static_cast<unsigned char>(bytes[at + 1]);
    return big_endian ? (static_cast<std::uint32_t>(a) << 8) | b
                      : (static_cast<std::uint32_t>(b) << 8) | a;
}

// libtiff counts the pages it can reach and stops quietly at a directory cut off by truncation,
// which would import the first pages of a file as if they were all of it. Walks the chain of
// image directories (classic TIFF) and names the first one that lies past the end of the file.
void require_complete_tiff_directories(std::string_view bytes) {
    if (bytes.size() < 8)
        throw ImportError("truncated TIFF (the header is cut off)");
    const bool big_endian = bytes[0] == 'M';
    if (read_u16(bytes, 2, big_endian) != 42)
        return; // BigTIFF: left to libtiff
    std::uint64_t offset = read_u32(bytes, 4, big_endian);
    for (int page = 1; offset != 0 && page <= 100000; ++page) {
        if (offset + 2 > bytes.size())
            throw ImportError("truncated TIFF (the directory of page " + std::to_string(page) +
                              " lies past the end of the file)");
        const auto entries = read_u16(bytes, static_cast<std::size_t>(offset), big_endian);
        const auto next_at = offset + 2 + 12ull * entries;
        if (next_at + 4 > bytes.size())
            throw ImportError("truncated TIFF (the directory of page " + std::to_string(page) +
                              " is cut off)");
        offset = read_u32(bytes, static_cast<std::size_t>(next_at), big_endian);
    }
}

} // namespace

std::string_view image_kind(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n"))
        return "PNG";
    if (bytes.starts_with("\xFF\xD8\xFF"))
        return "JPEG";
    if (bytes.starts_with(std::string_view("II*\0", 4)) ||
        bytes.starts_with(std::string_view("MM\0*", 4)))
        return "TIFF";
    return {};
}

std::string page_size_problem(std::uint64_t width, std::uint64_t height) {
    if (width == 0 || height == 0)
        return "the image has no pixels";
    if (width * height > kMaxPagePixels)
        return std::to_string(width) + " x " + std::to_string(height) +
               " pixels is over the limit of " + std::to_string(kMaxPagePixels / 1'000'000) +
               " million pixels for one page (refused before decoding)";
    return {};
}

std::size_t image_page_count(std::string_view bytes) {
    silence_leptonica();
    const auto kind = image_kind(bytes);
    if (kind.empty())
        throw ImportError("not a PNG, JPEG or TIFF image");
    if (kind != "TIFF")
        return 1;
    require_complete_tiff_directories(bytes);
    std::unique_ptr<FILE, int (*)(FILE*)> file(fopenReadFromMemory(data_of(bytes), bytes.size()),
                                               &std::fclose);
    l_int32 pages = 0;
    if (!file || tiffGetCount(file.get(), &pages) != 0 || pages <= 0)
        throw ImportError("corrupt TIFF (its list of pages cannot be read)");
    return static_cast<std::size_t>(pages);
}

PageToRead decode_image_page(std::string_view bytes, std::size_t index) {
    silence_leptonica();
    PageToRead page;
    page.page = static_cast<int>(index) + 1;
    const auto kind = image_kind(bytes);
    l_int32 width = 0, height = 0, bits = 0, samples = 0, colormap = 0, format = 0, dpi = 0;
    const bool header_read =
        kind == "TIFF"
            ? readHeaderMemTiff(data_of(bytes), bytes.size(), static_cast<l_int32>(index), &width,
                                &height, &bits, &samples, &dpi, &colormap, &format) == 0
            : pixReadHeaderMem(data_of(bytes), bytes.size(), &format, &width, &height, &bits,
                               &samples, &colormap) == 0;
    if (!header_read) {
        page.error = "corrupt " + std::string(kind) + " (the image header cannot be read)";
        return page;
    }
    if (width < 0 || height < 0) {
        page.error = "corrupt " + std::string(kind) + " (negative image size)";
        return page;
    }
    page.error =
        page_size_problem(static_cast<std::uint64_t>(width), static_cast<std::uint64_t>(height));
    if (!page.error.empty())
        return page;
    PixPtr pix(kind == "TIFF"
                   ? pixReadMemTiff(data_of(bytes), bytes.size(), static_cast<l_int32>(index))
                   : pixReadMem(data_of(bytes), bytes.size()));
    if (!pix) {
        page.error =
            "truncated or corrupt " + std::string(kind) + " (the image data cannot be decoded)";
        return page;
    }
    if (pixGetWidth(pix.get()) != width || pixGetHeight(pix.get()) != height) {
        page.error = "corrupt " + std::string(kind) + " (the image size differs from its header)";
        return page;
    }
    const int resolution = plausible_dpi(static_cast<int>(pixGetXRes(pix.get())));
    auto gray = to_gray(pix.get());
    if (!gray) {
        page.error = "unsupported " + std::string(kind) + " pixel format";
        return page;
    }
    pix.reset();
    page.image = copy_gray(gray.get(), resolution);
    return page;
}

} // namespace dossier::importers
