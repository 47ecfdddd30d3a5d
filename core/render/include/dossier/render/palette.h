#pragma once
// Colour-blind-safe categorical colours (Okabe & Ito 2008) and a grayscale set for print.
#include <QColor>
#include <optional>
#include <string_view>

namespace dossier::render {

enum class Palette { OkabeIto, Grayscale };

std::string_view to_string(Palette palette);
std::optional<Palette> parse_palette(std::string_view name);

// The colour of category `index` (0-based); colours repeat after the palette's size.
QColor category_color(Palette palette, int index);
int palette_size(Palette palette);

} // namespace dossier::render
