#pragma once
// Reads an exported SVG back as geometry, the way a reviewer's eye sees the printed figure:
// every text's box from the font's own metrics at its printed size, every ellipse (nodes and
// legend swatches) and every stroke's printed width, all in points on the page. The tests of
// figure readability count collisions and sizes from this, not from the renderer's report.
#include <QRectF>
#include <filesystem>
#include <string>
#include <vector>

namespace dossier::exporting::testing {

struct SvgText {
    std::string text;
    QRectF box;    // points on the page
    double points; // printed size
};

struct SvgStroke {
    std::string element;
    double points; // printed width
};

struct SvgGeometry {
    double width_points = 0; // the page, from the root's width and height
    double height_points = 0;
    std::vector<SvgText> texts;
    std::vector<QRectF> ellipses; // bounding boxes
    std::vector<SvgStroke> strokes;
};

SvgGeometry read_svg_geometry(const std::filesystem::path& svg);

struct Collisions {
    int text_over_text = 0;
    int text_over_ellipse = 0;
    int text_inside_node = 0; // a number centred in its own node (keys): allowed, counted apart
    std::string example;      // the first collision found, for the failure message
};

// Pairs whose boxes overlap by more than `tolerance` points in both directions.
Collisions find_collisions(const SvgGeometry& geometry, double tolerance = 0.5);

} // namespace dossier::exporting::testing
