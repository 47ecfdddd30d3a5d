#pragma once
// A laid-out figure, ready to draw: what the renderer needs and nothing about where it came from.
//
// Coordinates are in the layout's frame (points, y axis up, as Graphviz gives them); the renderer
// maps `bounds` onto the page. Colours and widths are decided before drawing (figure_builder in
// core/export, or the GUI), so the screen and the files draw the same figure.
#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

namespace dossier::render {

enum class EdgeStroke { Solid, Dashed, Dotted, DashDotted };

// How a printed figure labels its nodes. Names: each node's label beside it. Keys: a number
// beside the node and the names in a key under the network, the only way to label a few dozen
// nodes at one journal column (../design READABILITY, recommendation 3). Auto: names, unless keys
// label clearly more nodes (the renderer tries both).
enum class LabelMode { Names, Keys, Auto };

struct FigureNode {
    QString label;
    QPointF center;
    double width = 18; // points, in the layout frame
    double height = 18;
    QColor fill;
    double label_priority = 0; // higher keeps its label when space runs out
    QColor label_color;        // invalid: Figure::text_color
    QColor ring;               // a ring around the node (the screen's selection); invalid: none
};

struct FigureEdge {
    int source = 0; // index into Figure::nodes
    int target = 0;
    // Cubic Bezier control points (p0, then c1 c2 p triples); empty means a straight line.
    std::vector<QPointF> route;
    double width = 0.6; // points on the page
    EdgeStroke stroke = EdgeStroke::Solid;
    QColor color{0x66, 0x66, 0x66};
    bool directed = false; // an arrowhead where it meets the target
    bool keep = false;     // drawn even past the screen's per-frame edge budget (the selection)
};

struct ColorLegendEntry {
    QString label;
    QColor color;
};

struct StrokeLegendEntry {
    QString label;
    EdgeStroke stroke = EdgeStroke::Solid;
};

struct SizeLegend {
    QString metric;
    double min_value = 0;
    double max_value = 0;
    double min_diameter = 0; // layout points
    double max_diameter = 0;
};

struct Figure {
    std::vector<FigureNode> nodes;
    std::vector<FigureEdge> edges;
    QRectF bounds; // layout frame: x, y = lower-left corner, y up

    QString title;
    QString caption;
    // What orders the labels (the size metric, "pagerank"), for the caption's note on dropped
    // labels; empty: node size.
    QString label_priority_name;
    LabelMode label_mode = LabelMode::Names;
    bool legend = false;
    QString color_legend_title;
    std::vector<ColorLegendEntry> color_legend;
    std::vector<StrokeLegendEntry> stroke_legend;
    std::optional<SizeLegend> size_legend;

    QColor background{255, 255, 255};
    QColor text_color{0, 0, 0};
    QColor node_outline{0x22, 0x22, 0x22};
    double node_outline_width = 0.4; // points

    QString font_family = QStringLiteral("DejaVu Sans");
    double label_points = 7; // label text size on the page
    double title_points = 11;
    double caption_points = 8;
    double legend_points = 7;
};

} // namespace dossier::render
