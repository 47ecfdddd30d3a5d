#pragma once
// Figure files through the one renderer: SVG (labels as <text>), PDF (fonts embedded), PNG
// (pixel size = page size x DPI). Needs a QGuiApplication (QT_QPA_PLATFORM=offscreen is fine).
#include "dossier/render/figure.h"
#include "dossier/render/figure_renderer.h"

#include <filesystem>
#include <string>

namespace dossier::exporting {

struct PageSetup {
    double width_points = 510.24;  // 180 mm
    double height_points = 340.16; // 120 mm
    int dpi = 300;                 // PNG only
};

// Each throws std::runtime_error with the path when the file cannot be written; the file is
// written to a temporary name first and renamed, so a failure never leaves half a figure.
render::RenderReport write_svg(const std::filesystem::path& path, const render::Figure& figure,
                               const PageSetup& page);
render::RenderReport write_pdf(const std::filesystem::path& path, const render::Figure& figure,
                               const PageSetup& page);
render::RenderReport write_png(const std::filesystem::path& path, const render::Figure& figure,
                               const PageSetup& page);

} // namespace dossier::exporting
