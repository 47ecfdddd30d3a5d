#pragma once
// The explorer graph as a render::Figure, drawn by core/render's one drawing path (figure_scene.h)
// into any paint device: the view, an offscreen image for the benchmark, the export preview. This
// class decides what the figure holds (the filter, the selection and the emphasis; colours, sizes,
// strokes from core/render's style mapping) and rebuilds it only when one of those changes; the
// screen adds viewport culling and level of detail, the files draw the same figure whole.
#include "dossier/render/figure.h"
#include "dossier/render/figure_scene.h"
#include "graph_view/graph_style.h"
#include "graph_view/view_transform.h"
#include "state/explorer_filter.h"
#include "state/explorer_graph.h"

#include <QPainter>
#include <QRectF>
#include <memory>
#include <vector>

namespace dossier::gui {

class GraphPainter {
public:
    // Level of detail: at most this many edges are drawn per frame, the heaviest first; the
    // rest appear as the view zooms in and fewer edges fall inside it.
    static constexpr int kMaxEdgesPerFrame = 15000;
    // Node diameters in layout points, the same extremes as the figure exports.
    static constexpr double kMinDiameter = 10;
    static constexpr double kMaxDiameter = 36;

    // The graph and visible set must outlive the painter (or the next set_graph call).
    void set_graph(const ExplorerGraph* graph, const VisibleGraph* visible);
    // The same graph with nodes moved (possibly a copy of it: ExplorerState::move_node): keeps
    // the selection and the emphasis.
    void update_positions(const ExplorerGraph* graph) {
        graph_ = graph;
        invalidate_figure();
    }
    void set_style(const GraphStyle& style);
    const GraphStyle& style() const { return style_; }
    // Selected nodes get a ring in the selection colour; with any selection, everything outside
    // the selection's neighbourhood is faded.
    void set_selection(const std::vector<int>& selected_nodes);
    // A subgraph to stand out (an ego network, a path): its nodes and edges are drawn as usual,
    // everything else faded, or not drawn at all when hide_rest. Indices into the graph.
    void set_emphasis(const std::vector<int>& nodes, const std::vector<int>& edges, bool hide_rest);
    void clear_emphasis();
    bool has_emphasis() const { return has_emphasis_; }
    // Whether node i is drawn at all (visible and not hidden by the emphasis).
    bool node_drawn(int i) const;
    bool edge_drawn(int e) const;

    // Radius of node i in layout units (depends on the size metric).
    double node_radius(int i) const { return radius_[static_cast<std::size_t>(i)]; }
    // Fill of node i (palette, colour mapping), not faded.
    QColor node_color(int i) const;
    // Bounding box of the visible nodes in layout units (empty when nothing is visible).
    QRectF visible_bounds() const;

    // The figure as it stands (built on demand): graph coordinates with the y axis up, as the
    // figure files have them; node_of_figure maps its nodes back to graph indices.
    const render::Figure& figure() const;
    const std::vector<int>& node_of_figure() const;
    // Layout coordinates (y down, the view's) -> device, for the figure's y-up frame.
    static QTransform figure_transform(const ViewTransform& t);
    // The screen's drawing options for a viewport (culling, level of detail, label budget).
    render::DrawOptions screen_options(const QRectF& viewport) const;

    // The pin marker of a pinned node (screen only; figure files have none): a round head up and
    // to the right of the node on a short needle that touches its rim. Widget pixels.
    static QPointF pin_head(QPointF node_centre, double node_radius);
    static constexpr double kPinHeadRadius = 4.5;

    void paint_background(QPainter& p, const QRectF& viewport) const;
    // Background, edges, nodes and labels of what lies in the viewport, then the pin markers.
    void paint_all(QPainter& p, const ViewTransform& t, const QRectF& viewport) const;
    // Device boxes of the labels the last paint drew, most important first.
    const std::vector<QRectF>& last_label_boxes() const { return label_boxes_; }
    // Graph node index of each label the last paint drew, in the order of last_label_boxes().
    const std::vector<int>& last_label_nodes() const { return label_nodes_; }

private:
    void recompute();
    void invalidate_figure() { scene_.reset(); }
    void build_figure() const;
    // Width, stroke, colour and opacity of an edge (a relation, or the summed relations between
    // two communities or an entity and a community).
    void style_edge(render::FigureEdge& out, const ExplorerEdge& edge,
                    bool between_communities) const;
    void paint_pins(QPainter& p, const ViewTransform& t, const QRectF& viewport) const;
    // Drawn faded: outside the selection's neighbourhood or outside the emphasis.
    bool node_faded(std::size_t i) const {
        return (has_selection_ && !neighbourhood_[i]) || (has_emphasis_ && !emphasised_nodes_[i]);
    }

    const ExplorerGraph* graph_ = nullptr;
    const VisibleGraph* visible_ = nullptr;
    GraphStyle style_;
    std::vector<double> radius_;
    std::vector<double> size_value_; // the size metric per node (label priority)
    double min_weight_ = 1;
    double max_weight_ = 1;
    double max_group_weight_ = 1; // heaviest community edge shown
    std::vector<char> selected_;
    std::vector<char> neighbourhood_;
    bool has_selection_ = false;
    std::vector<char> emphasised_nodes_;
    std::vector<char> emphasised_edges_;
    bool has_emphasis_ = false;
    bool hide_rest_ = false;

    mutable std::shared_ptr<render::Figure> figure_;
    mutable std::unique_ptr<render::FigureScene> scene_;
    mutable std::vector<int> node_of_figure_;
    mutable std::vector<QRectF> label_boxes_;
    mutable std::vector<int> label_nodes_;
};

} // namespace dossier::gui
