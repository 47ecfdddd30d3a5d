#pragma once
// The one drawing code path of the graph: edges (with arrowheads for directed relations), nodes
// and non-overlapping labels of a render::Figure, onto any QPainter. The files (render_figure:
// SVG, PDF, PNG) draw everything; the screen (the GUI's graph view) asks for viewport culling and
// level of detail and keeps the scene between frames, so what it prepared once (pens, label
// order, label sizes) is not redone at every pan or zoom.
#include "dossier/render/figure.h"
#include "dossier/render/label_placement.h"

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QStaticText>
#include <QTransform>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace dossier::render {

// The Qt pen style of a relation stroke (edges and the stroke legend draw the same).
Qt::PenStyle pen_style(EdgeStroke stroke);
// The pen of a relation in print (files and the legend): dash patterns fixed in points, so they
// read the same at every edge width and page size.
QPen print_relation_pen(EdgeStroke stroke, const QColor& color, double width);

struct DrawOptions {
    // Screen only: what lies outside this device rectangle is skipped.
    std::optional<QRectF> viewport;
    // Level of detail (screen): at most this many edges, in figure order (the builder puts the
    // most important first); edges marked `keep` are drawn anyway. Past the thresholds below,
    // antialiasing, dashes and arrowheads are left out, which the raster engine draws far faster.
    int max_edges = -1; // -1: every edge
    bool level_of_detail = false;
    int antialias_edge_limit = 3000;
    int dash_edge_limit = 6000;
    int arrow_edge_limit = 3000;
    int antialias_node_limit = 4000;
    double min_node_diameter = 0; // device units: far out, nodes stay visible dots

    bool labels = true;
    int max_labels = -1;         // -1: as many as fit
    QRectF label_area;           // device rectangle labels must stay in; empty: the viewport
    QFont label_font;            // sized in device units
    double max_label_width = -1; // device units; longer labels are elided (-1: never)
    bool label_halo = false;     // a wash of the background behind each label (screen)
    bool labels_inside = false;  // a label that fits inside its node goes there first (keys)
    // Labels placed beforehand by place_labels (files, which must know what was dropped before
    // they lay out the caption): drawn as given. Null: placed while drawing.
    const LabelPlacement* placed_labels = nullptr;
};

struct DrawReport {
    int edges_drawn = 0;
    int nodes_drawn = 0;
    LabelPlacement labels; // device boxes of the drawn labels, most important first
};

class FigureScene {
public:
    // The figure must outlive the scene (render_figure draws a figure it does not own).
    explicit FigureScene(std::shared_ptr<const Figure> figure);
    static FigureScene borrowing(const Figure& figure);

    const Figure& figure() const { return *figure_; }
    // Nodes in decreasing label priority: the order labels are placed in.
    const std::vector<int>& label_order() const { return label_order_; }

    DrawReport draw(QPainter& painter, const QTransform& layout_to_device,
                    const DrawOptions& options) const;
    // Where the labels would go on `device` (measured with its metrics), without drawing.
    LabelPlacement place_labels(const QPaintDevice* device, const QTransform& layout_to_device,
                                const DrawOptions& options) const;

private:
    struct PenKey {
        QRgb color;
        double width;
        EdgeStroke stroke;
        bool operator==(const PenKey&) const = default;
    };
    void prepare();
    void draw_edges(QPainter& p, const QTransform& t, const DrawOptions& o,
                    DrawReport& report) const;
    void draw_nodes(QPainter& p, const QTransform& t, const DrawOptions& o,
                    DrawReport& report) const;
    void draw_labels(QPainter& p, const QTransform& t, const DrawOptions& o,
                     DrawReport& report) const;
    const QString& label_text(int node) const; // the label as drawn (elided if too long)
    // A node drawn once into an image (screen): fill, outline or not, diameter in device pixels.
    const QImage& node_stamp(QRgb fill, bool outlined, double device_diameter,
                             double device_scale) const;
    static constexpr double kMaxStampPixels = 48;

    std::shared_ptr<const Figure> figure_;
    std::vector<PenKey> pens_;     // distinct edge pens
    std::vector<int> pen_of_edge_; // index into pens_
    std::vector<int> label_order_;
    // Label text measured once per font: the screen redraws the same labels at every frame.
    mutable QString measured_font_;
    mutable double measured_max_width_ = -2;
    mutable std::vector<float> label_width_;                      // < 0: not measured yet
    mutable std::vector<QString> elided_;                         // set only when elided
    mutable std::vector<std::optional<QStaticText>> static_text_; // screen: shaped on first draw
    mutable double label_height_ = 0;
    mutable std::unordered_map<std::uint64_t, QImage> stamps_;
    mutable double stamp_scale_ = 0;
};

} // namespace dossier::render
