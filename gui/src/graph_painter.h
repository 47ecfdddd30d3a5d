#pragma once
// Draws the explorer graph with QPainter into any paint device (the view, an offscreen image for
// the benchmark, an SVG generator for export). No item per node or edge: edges are batched by pen
// and drawn with drawLines, nodes and labels are culled to the viewport, and labels are placed most
// important first without overlaps (lower-priority labels are dropped, never drawn on top).
#include "explorer_graph.h"
#include "graph_filter.h"
#include "graph_style.h"
#include "view_transform.h"

#include <QPainter>
#include <QRectF>
#include <vector>

namespace dossier::gui {

class GraphPainter {
public:
    // Level of detail: at most this many edges are drawn per frame, the heaviest first; the
    // rest appear as the view zooms in and fewer edges fall inside it.
    static constexpr int kMaxEdgesPerFrame = 15000;

    // The graph and visible set must outlive the painter (or the next set_graph call).
    void set_graph(const ExplorerGraph* graph, const VisibleGraph* visible);
    void set_style(const GraphStyle& style);
    const GraphStyle& style() const { return style_; }
    // Selected nodes are drawn with the selection colour; with any selection, everything outside
    // the selection's neighbourhood is dimmed.
    void set_selection(const std::vector<int>& selected_nodes);

    // Radius of node i in layout units (depends on the size metric).
    double node_radius(int i) const { return radius_[static_cast<std::size_t>(i)]; }
    QColor node_color(int i) const;
    // Bounding box of the visible nodes in layout units (empty when nothing is visible).
    QRectF visible_bounds() const;

    void paint_background(QPainter& p, const QRectF& viewport) const;
    void paint_edges(QPainter& p, const ViewTransform& t, const QRectF& viewport) const;
    void paint_nodes(QPainter& p, const ViewTransform& t, const QRectF& viewport) const;
    // Returns how many labels were drawn; their boxes are kept in last_label_boxes().
    int paint_labels(QPainter& p, const ViewTransform& t, const QRectF& viewport) const;
    void paint_all(QPainter& p, const ViewTransform& t, const QRectF& viewport) const;
    const std::vector<QRectF>& last_label_boxes() const { return label_boxes_; }

private:
    void recompute();
    bool in_neighbourhood(int node) const {
        return !has_selection_ || neighbourhood_[static_cast<std::size_t>(node)];
    }

    const ExplorerGraph* graph_ = nullptr;
    const VisibleGraph* visible_ = nullptr;
    GraphStyle style_;
    std::vector<double> radius_;
    std::vector<int> importance_order_; // node indices, most important first
    std::vector<int> edge_style_;       // per edge: index of its relation type's dash style
    std::vector<int> edges_by_weight_;  // visible edges, heaviest first (level of detail)
    double max_weight_ = 1;
    std::vector<char> selected_;
    std::vector<char> neighbourhood_;
    bool has_selection_ = false;
    mutable std::vector<QRectF> label_boxes_;
};

} // namespace dossier::gui
