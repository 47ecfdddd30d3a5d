#include "graph_view/graph_painter.h"

#include "dossier/render/style_mapping.h"
#include "state/community_groups.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace dossier::gui {
namespace {

constexpr float kFadedNodeAlpha = 0.25f;
constexpr float kFadedEdgeAlpha = 0.3f;
constexpr double kSelectedEdgeWidth = 1.8;
constexpr double kMaxLabelWidth = 220;       // pixels; longer names are elided on screen
constexpr double kMinNodePixels = 3;         // far out, nodes stay visible dots
constexpr float kCommunityFillAlpha = 0.45f; // a community's disc lets its edges show through
// Edges of the least weight are drawn at this fraction of the edge colour's opacity, the
// heaviest at full: weight reads as ink (with width, when widths follow weight).
constexpr double kLightestEdgeOpacity = 0.35;
constexpr double kLightestCommunityEdgeOpacity = 0.04;

double metric(const ExplorerNode& node, int visible_degree, SizeBy by) {
    switch (by) {
    case SizeBy::Uniform:
        return 1;
    case SizeBy::Degree:
        return visible_degree;
    case SizeBy::Mentions:
        return node.mentions;
    case SizeBy::Betweenness:
        return node.betweenness;
    case SizeBy::PageRank:
        return node.pagerank;
    }
    return 1;
}

render::Palette palette_of(const GraphStyle& style) {
    return style.grayscale ? render::Palette::Grayscale : render::Palette::OkabeIto;
}

} // namespace

void GraphPainter::set_graph(const ExplorerGraph* graph, const VisibleGraph* visible) {
    graph_ = graph;
    visible_ = visible;
    const std::size_t n = graph_ ? graph_->nodes.size() : 0;
    selected_.assign(n, 0);
    neighbourhood_.assign(n, 0);
    has_selection_ = false;
    emphasised_nodes_.assign(n, 0);
    emphasised_edges_.assign(graph_ ? graph_->edges.size() : 0, 0);
    has_emphasis_ = false;
    hide_rest_ = false;
    recompute();
}

void GraphPainter::set_style(const GraphStyle& style) {
    style_ = style;
    recompute();
}

void GraphPainter::recompute() {
    invalidate_figure();
    radius_.clear();
    size_value_.clear();
    if (!graph_ || !visible_)
        return;
    const auto n = graph_->nodes.size();
    size_value_.resize(n);
    double low = 0, high = 0;
    bool first = true;
    for (std::size_t i = 0; i < n; ++i) {
        size_value_[i] = metric(graph_->nodes[i], visible_->degree[i], style_.size_by);
        // Communities are sized by their members, not by the metric: keep them out of its range.
        if (!visible_->node_visible[i] || graph_->nodes[i].is_group())
            continue;
        low = first ? size_value_[i] : std::min(low, size_value_[i]);
        high = first ? size_value_[i] : std::max(high, size_value_[i]);
        first = false;
    }
    radius_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = graph_->nodes[i];
        // A community's disc has half the radius its members fill when unfolded: area follows
        // the member count, and unfolding it grows it in place.
        radius_[i] = node.is_group() ? unfolded_radius(node.members) / 2
                                     : (style_.size_by == SizeBy::Uniform
                                            ? (kMinDiameter + kMaxDiameter) / 3
                                            : render::node_diameter(size_value_[i], low, high,
                                                                    kMinDiameter, kMaxDiameter)) /
                                           2;
    }
    // Relations and community edges have weights of different scales (one relation against
    // hundreds summed): each kind is scaled on its own range.
    min_weight_ = max_weight_ = 1;
    max_group_weight_ = 1;
    first = true;
    for (std::size_t e = 0; e < graph_->edges.size(); ++e) {
        if (!visible_->edge_visible[e])
            continue;
        const double w = graph_->edges[e].weight;
        if (e >= graph_->relation_count()) {
            max_group_weight_ = std::max(max_group_weight_, w);
            continue;
        }
        min_weight_ = first ? w : std::min(min_weight_, w);
        max_weight_ = first ? w : std::max(max_weight_, w);
        first = false;
    }
}

void GraphPainter::set_selection(const std::vector<int>& selected_nodes) {
    if (!graph_)
        return;
    invalidate_figure();
    std::fill(selected_.begin(), selected_.end(), 0);
    std::fill(neighbourhood_.begin(), neighbourhood_.end(), 0);
    has_selection_ = false;
    for (int i : selected_nodes) {
        if (i < 0 || static_cast<std::size_t>(i) >= selected_.size())
            continue;
        selected_[static_cast<std::size_t>(i)] = 1;
        neighbourhood_[static_cast<std::size_t>(i)] = 1;
        has_selection_ = true;
    }
    if (!has_selection_ || !visible_)
        return;
    for (std::size_t e = 0; e < graph_->edges.size(); ++e) {
        if (!visible_->edge_visible[e])
            continue;
        const auto s = static_cast<std::size_t>(visible_->drawn(graph_->edges[e].source));
        const auto t = static_cast<std::size_t>(visible_->drawn(graph_->edges[e].target));
        if (selected_[s])
            neighbourhood_[t] = 1;
        if (selected_[t])
            neighbourhood_[s] = 1;
    }
}

void GraphPainter::set_emphasis(const std::vector<int>& nodes, const std::vector<int>& edges,
                                bool hide_rest) {
    clear_emphasis();
    for (int i : nodes)
        if (i >= 0 && static_cast<std::size_t>(i) < emphasised_nodes_.size())
            emphasised_nodes_[static_cast<std::size_t>(i)] = 1;
    for (int e : edges)
        if (e >= 0 && static_cast<std::size_t>(e) < emphasised_edges_.size())
            emphasised_edges_[static_cast<std::size_t>(e)] = 1;
    has_emphasis_ = graph_ != nullptr;
    hide_rest_ = hide_rest;
}

void GraphPainter::clear_emphasis() {
    invalidate_figure();
    std::fill(emphasised_nodes_.begin(), emphasised_nodes_.end(), 0);
    std::fill(emphasised_edges_.begin(), emphasised_edges_.end(), 0);
    has_emphasis_ = false;
    hide_rest_ = false;
}

bool GraphPainter::node_drawn(int i) const {
    if (!graph_ || !visible_ || i < 0 || static_cast<std::size_t>(i) >= graph_->nodes.size())
        return false;
    const auto ui = static_cast<std::size_t>(i);
    return visible_->node_visible[ui] && !(hide_rest_ && has_emphasis_ && !emphasised_nodes_[ui]);
}

bool GraphPainter::edge_drawn(int e) const {
    if (!graph_ || !visible_ || e < 0 || static_cast<std::size_t>(e) >= graph_->edges.size())
        return false;
    const auto ue = static_cast<std::size_t>(e);
    return visible_->edge_visible[ue] && !(hide_rest_ && has_emphasis_ && !emphasised_edges_[ue]);
}

QColor GraphPainter::node_color(int i) const {
    const auto& node = graph_->nodes[static_cast<std::size_t>(i)];
    return style_.color_by == ColorBy::Type
               ? render::entity_type_color(palette_of(style_), to_string(node.type))
               : render::community_color(palette_of(style_), node.community.value());
}

QRectF GraphPainter::visible_bounds() const {
    QRectF bounds;
    if (!graph_ || !visible_)
        return bounds;
    bool first = true;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (std::size_t i = 0; i < graph_->nodes.size(); ++i) {
        if (!visible_->node_visible[i])
            continue;
        const QPointF p = graph_->nodes[i].position;
        const double r = radius_[i];
        if (first) {
            x0 = p.x() - r, x1 = p.x() + r, y0 = p.y() - r, y1 = p.y() + r;
            first = false;
        } else {
            x0 = std::min(x0, p.x() - r), x1 = std::max(x1, p.x() + r);
            y0 = std::min(y0, p.y() - r), y1 = std::max(y1, p.y() + r);
        }
    }
    if (!first)
        bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    return bounds;
}

const render::Figure& GraphPainter::figure() const {
    if (!scene_)
        build_figure();
    return *figure_;
}

const std::vector<int>& GraphPainter::node_of_figure() const {
    if (!scene_)
        build_figure();
    return node_of_figure_;
}

void GraphPainter::build_figure() const {
    auto figure = std::make_shared<render::Figure>();
    node_of_figure_.clear();
    figure->background = style_.background;
    figure->text_color = style_.text;
    // On screen a rim of background separates overlapping nodes.
    figure->node_outline = style_.background;
    figure->node_outline_width = 1.0;
    if (graph_ && visible_) {
        const auto n = graph_->nodes.size();
        std::vector<int> figure_of(n, -1);
        double max_mentions = 1;
        for (const auto& node : graph_->nodes)
            max_mentions = std::max(max_mentions, static_cast<double>(node.mentions));
        figure->nodes.reserve(static_cast<std::size_t>(visible_->node_count));
        for (std::size_t i = 0; i < n; ++i) {
            if (!node_drawn(static_cast<int>(i)))
                continue;
            const auto& node = graph_->nodes[i];
            render::FigureNode out;
            // The figure's frame has y up (as Graphviz and the files); the view's y points down.
            out.center = QPointF(node.position.x(), -node.position.y());
            out.width = out.height = 2 * radius_[i];
            out.fill = node_color(static_cast<int>(i));
            const bool faded = node_faded(i);
            if (node.is_group())
                out.fill.setAlphaF(kCommunityFillAlpha);
            if (faded)
                out.fill.setAlphaF(out.fill.alphaF() * kFadedNodeAlpha);
            if (!faded)
                out.label = node.name;
            // Most important first: the selection, then by the size metric, then by mentions.
            // Communities before entities, the largest first.
            out.label_priority = (selected_[i] ? 1e15 : 0) +
                                 (node.is_group() ? 1e12 + node.members : size_value_[i]) +
                                 1e-3 * node.mentions / max_mentions;
            if (selected_[i]) {
                out.ring = style_.selection;
                out.label_color = style_.selection;
            }
            figure_of[i] = static_cast<int>(figure->nodes.size());
            node_of_figure_.push_back(static_cast<int>(i));
            figure->nodes.push_back(std::move(out));
        }
        // Edges in level-of-detail order: the heaviest first, so a frame over its edge budget
        // drops the lightest.
        std::vector<int> order;
        order.reserve(static_cast<std::size_t>(visible_->edge_count));
        for (std::size_t e = 0; e < graph_->edges.size(); ++e) {
            const auto& edge = graph_->edges[e];
            if (edge_drawn(static_cast<int>(e)) &&
                figure_of[static_cast<std::size_t>(visible_->drawn(edge.source))] >= 0 &&
                figure_of[static_cast<std::size_t>(visible_->drawn(edge.target))] >= 0)
                order.push_back(static_cast<int>(e));
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return graph_->edges[static_cast<std::size_t>(a)].weight >
                   graph_->edges[static_cast<std::size_t>(b)].weight;
        });
        figure->edges.reserve(order.size());
        for (int index : order) {
            const auto e = static_cast<std::size_t>(index);
            const auto& edge = graph_->edges[e];
            // A relation to a folded community is drawn to the community's node.
            const auto s = static_cast<std::size_t>(visible_->drawn(edge.source));
            const auto t = static_cast<std::size_t>(visible_->drawn(edge.target));
            render::FigureEdge out;
            out.source = figure_of[s];
            out.target = figure_of[t];
            out.directed = edge.directed;
            style_edge(out, edge, e >= graph_->relation_count());
            const bool emphasised = has_emphasis_ && emphasised_edges_[e];
            if (has_selection_ && (selected_[s] || selected_[t])) {
                out.color = style_.selection;
                out.width = std::max(out.width, kSelectedEdgeWidth);
                out.keep = true;
            } else if (has_selection_ || (has_emphasis_ && !emphasised)) {
                out.color.setAlphaF(out.color.alphaF() * kFadedEdgeAlpha);
            }
            if (emphasised)
                out.keep = true;
            figure->edges.push_back(std::move(out));
        }
        const QRectF box = visible_bounds();
        figure->bounds = QRectF(box.left(), -box.bottom(), box.width(), box.height());
    }
    figure_ = figure;
    scene_ = std::make_unique<render::FigureScene>(figure);
}

void GraphPainter::style_edge(render::FigureEdge& out, const ExplorerEdge& edge,
                              bool between_communities) const {
    out.directed = edge.directed;
    out.stroke = style_.style_by_relation ? render::relation_stroke(edge.type.toStdString())
                                          : render::EdgeStroke::Solid;
    out.color = style_.edge;
    if (!style_.width_by_weight) {
        out.width = render::kMinEdgeWidth;
        return;
    }
    // Between communities nearly every pair is linked by something: only the strong links
    // should read, so ink follows the summed weight linearly, down to almost nothing.
    if (between_communities) {
        const double share = std::clamp(edge.weight / max_group_weight_, 0.0, 1.0);
        out.width = render::edge_width(share, 0, 1);
        out.color.setAlphaF(out.color.alphaF() *
                            (kLightestCommunityEdgeOpacity +
                             (1 - kLightestCommunityEdgeOpacity) * std::pow(share, 0.75)));
        return;
    }
    out.width = render::edge_width(edge.weight, min_weight_, max_weight_);
    if (max_weight_ > min_weight_) {
        // On a log scale: weights are heavy-tailed, a linear scale fades all but a few.
        const double low = std::log1p(std::max(0.0, min_weight_));
        const double heaviness = std::clamp((std::log1p(std::max(0.0, edge.weight)) - low) /
                                                (std::log1p(max_weight_) - low),
                                            0.0, 1.0);
        out.color.setAlphaF(out.color.alphaF() *
                            (kLightestEdgeOpacity + (1 - kLightestEdgeOpacity) * heaviness));
    }
}

QTransform GraphPainter::figure_transform(const ViewTransform& t) {
    return QTransform(t.scale, 0, 0, -t.scale, t.offset.x(), t.offset.y());
}

render::DrawOptions GraphPainter::screen_options(const QRectF& viewport) const {
    render::DrawOptions o;
    o.viewport = viewport;
    o.max_edges = kMaxEdgesPerFrame;
    o.level_of_detail = true;
    o.min_node_diameter = kMinNodePixels;
    o.labels = style_.show_labels;
    o.max_labels = style_.max_labels;
    o.label_area = viewport;
    o.label_font = style_.label_font;
    o.max_label_width = kMaxLabelWidth;
    o.label_halo = true;
    return o;
}

void GraphPainter::paint_background(QPainter& p, const QRectF& viewport) const {
    p.fillRect(viewport, style_.background);
}

void GraphPainter::paint_all(QPainter& p, const ViewTransform& t, const QRectF& viewport) const {
    paint_background(p, viewport);
    if (!scene_)
        build_figure();
    const auto report = scene_->draw(p, figure_transform(t), screen_options(viewport));
    paint_pins(p, t, viewport);
    label_boxes_.clear();
    label_nodes_.clear();
    for (const auto& placed : report.labels.placed) {
        label_boxes_.push_back(placed.box);
        label_nodes_.push_back(node_of_figure_[static_cast<std::size_t>(placed.node)]);
    }
}

QPointF GraphPainter::pin_head(QPointF node_centre, double node_radius) {
    const double out = (node_radius + 10) * std::numbers::sqrt2 / 2;
    return node_centre + QPointF(out, -out);
}

void GraphPainter::paint_pins(QPainter& p, const ViewTransform& t, const QRectF& viewport) const {
    if (!graph_ || !visible_)
        return;
    // In the text colour with a rim of background, so it reads on any node and in dark mode;
    // a faded node's pin is faded with it.
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QRectF reach = viewport.adjusted(-40, -40, 40, 40);
    for (std::size_t i = 0; i < graph_->nodes.size(); ++i) {
        const auto& node = graph_->nodes[i];
        if (!node.pinned || !node_drawn(static_cast<int>(i)))
            continue;
        const QPointF centre = t.map(node.position);
        if (!reach.contains(centre))
            continue;
        const double radius = std::max(radius_[i] * t.scale, kMinNodePixels / 2);
        const QPointF head = pin_head(centre, radius);
        const QPointF rim = centre + QPointF(radius, -radius) * (std::numbers::sqrt2 / 2);
        QColor ink = style_.text;
        QColor halo = style_.background;
        if (node_faded(i)) {
            ink.setAlphaF(kFadedNodeAlpha);
            halo.setAlphaF(kFadedNodeAlpha);
        }
        p.setPen(QPen(halo, 3.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(rim, head);
        p.setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(rim, head);
        p.setPen(QPen(halo, 1.5));
        p.setBrush(ink);
        p.drawEllipse(head, kPinHeadRadius, kPinHeadRadius);
    }
    p.restore();
}

} // namespace dossier::gui
