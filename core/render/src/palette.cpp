#include "dossier/render/palette.h"

#include <array>

namespace dossier::render {
namespace {
// Okabe-Ito order without black first, so the first categories get the most distinct hues;
// black comes last and is used only when more than seven categories are shown.
constexpr std::array<QRgb, 8> kOkabeIto{0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                        0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
// Grays far enough apart to tell apart in print; black and white are left for text and paper.
constexpr std::array<QRgb, 5> kGrays{0x1A1A1A, 0x5E5E5E, 0x969696, 0xC4C4C4, 0xE8E8E8};
} // namespace

std::string_view to_string(Palette palette) {
    return palette == Palette::Grayscale ? "grayscale" : "okabe-ito";
}

std::optional<Palette> parse_palette(std::string_view name) {
    if (name == "okabe-ito")
        return Palette::OkabeIto;
    if (name == "grayscale" || name == "greyscale")
        return Palette::Grayscale;
    return std::nullopt;
}

int palette_size(Palette palette) {
    return palette == Palette::Grayscale ? static_cast<int>(kGrays.size())
                                         : static_cast<int>(kOkabeIto.size());
}

QColor category_color(Palette palette, int index) {
    const int n = palette_size(palette);
    const int i = ((index % n) + n) % n;
    return QColor(palette == Palette::Grayscale ? kGrays[static_cast<std::size_t>(i)]
                                                : kOkabeIto[static_cast<std::size_t>(i)]);
}

} // namespace dossier::render
