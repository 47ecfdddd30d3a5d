#include "graph_painter.h"

#include <QFontMetrics>
#include <QHash>
#include <algorithm>
#include <array>
#include <cmath>

namespace dossier::gui {
namespace {

// Above these counts per frame, antialiasing and dash patterns cost more than they show.
constexpr int kAntialiasEdgeLimit = 3000;
constexpr int kDashEdgeLimit = 6000;
constexpr int kAntialiasNodeLimit = 4000;
constexpr int kEdgeStyles = 4;
constexpr int kWidthBuckets = 3;

// Structural relations read from headers get dashes, prose mentions dots, co-occurrence and the
// typed relations read from sentences solid or dash-dot, so the kind of evidence shows at a glance.
int relation_style(const QString& type) {
    if (type.startsWith(QLatin1String("co_occurs")))
        return 0;
    if (type == QLatin1String("addressed_to") || type == QLatin1String("sent_by") ||
        type == QLatin1String("signed_by") || type == QLatin1String("refers_to"))
        return 1;
    if (type == QLatin1String("mentions"))
        return 2;
    return 3;
}

Qt::PenStyle pen_style(int style) {
    switch (style) {
    case 1:
        return Qt::DashLine;
    case 2:
        return Qt::DotLine;
    case 3:
        return Qt::DashDotLine;
    default:
        return Qt::SolidLine;
    }
}

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

// `over` drawn with its alpha onto the opaque `under`, as one opaque colour.
QColor blend(const QColor& over, const QColor& under) {
    const double a = over.alphaF();
    return QColor::fromRgbF(static_cast<float>(over.redF() * a + under.redF() * (1 - a)),
                            static_cast<float>(over.greenF() * a + under.greenF() * (1 - a)),
                            static_cast<float>(over.blueF() * a + under.blueF() * (1 - a)));
}

bool outside(QPointF a, QPointF b, const QRectF& vp) {
    return (a.x() < vp.left() && b.x() < vp.left()) || (a.x() > vp.right() && b.x() > vp.right()) ||
           (a.y() < vp.top() && b.y() < vp.top()) || (a.y() > vp.bottom() && b.y() > vp.bottom());
}

} // namespace

void GraphPainter::set_graph(const ExplorerGraph* graph, const VisibleGraph* visible) {
    graph_ = graph;
    visible_ = visible;
    const std::size_t n = graph_ ? graph_->nodes.size() : 0;
    selected_.assign(n, 0);
    neighbourhood_.assign(n, 0);
    has_selection_ = false;
    recompute();
}

void GraphPainter::set_style(const GraphStyle& style) {
    style_ = style;
    recompute();
}

void GraphPainter::recompute() {
    radius_.clear();
    importance_order_.clear();
    edge_style_.clear();
    if (!graph_ || !visible_)
        return;
    const auto n = graph_->nodes.size();
    std::vector<double> value(n);
    double max_value = 0;
    for (std::size_t i = 0; i < n; ++i) {
        value[i] = metric(graph_->nodes[i], visible_->degree[i], style_.size_by);
        max_value = std::max(max_value, value[i]);
    }
    // Area grows with the metric (radius with its square root), from 5 to 25 layout points.
    radius_.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        radius_[i] =
            max_value > 0 ? 5.0 + 20.0 * std::sqrt(std::max(0.0, value[i]) / max_value) : 8.0;
    importance_order_.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        importance_order_[i] = static_cast<int>(i);
    std::stable_sort(importance_order_.begin(), importance_order_.end(), [&](int a, int b) {
        const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
        if (value[ua] != value[ub])
            return value[ua] > value[ub];
        return graph_->nodes[ua].mentions > graph_->nodes[ub].mentions;
    });
    edges_by_weight_.clear();
    for (std::size_t e = 0; e < graph_->edges.size(); ++e)
        if (visible_->edge_visible[e])
            edges_by_weight_.push_back(static_cast<int>(e));
    std::stable_sort(edges_by_weight_.begin(), edges_by_weight_.end(), [&](int a, int b) {
        return graph_->edges[static_cast<std::size_t>(a)].weight >
               graph_->edges[static_cast<std::size_t>(b)].weight;
    });
    edge_style_.resize(graph_->edges.size());
    max_weight_ = 1;
    QHash<QString, int> styles;
    for (std::size_t e = 0; e < graph_->edges.size(); ++e) {
        const auto& edge = graph_->edges[e];
        auto it = styles.find(edge.type);
        if (it == styles.end())
            it = styles.insert(edge.type, relation_style(edge.type));
        edge_style_[e] = *it;
        max_weight_ = std::max(max_weight_, edge.weight);
    }
}

void GraphPainter::set_selection(const std::vector<int>& selected_nodes) {
    if (!graph_)
        return;
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
        const auto s = static_cast<std::size_t>(graph_->edges[e].source);
        const auto t = static_cast<std::size_t>(graph_->edges[e].target);
        if (selected_[s])
            neighbourhood_[t] = 1;
        if (selected_[t])
            neighbourhood_[s] = 1;
    }
}

QColor GraphPainter::node_color(int i) const {
    const auto& node = graph_->nodes[static_cast<std::size_t>(i)];
    const QColor c =
        style_.color_by == ColorBy::Type ? type_color(node.type) : community_color(node.community);
    if (!style_.grayscale)
        return c;
    const int g = qGray(c.rgb());
    return QColor(g, g, g);
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

void GraphPainter::paint_background(QPainter& p, const QRectF& viewport) const {
    p.fillRect(viewport, style_.background);
}

void GraphPainter::paint_edges(QPainter& p, const ViewTransform& t, const QRectF& viewport) const {
    if (!graph_ || !visible_)
        return;
    // One bucket per (dimmed, dash style, width): each becomes a single drawLines call.
    std::array<std::vector<QLineF>, 2 * kEdgeStyles * kWidthBuckets> buckets;
    std::vector<QLineF> highlighted;
    int drawn = 0;
    for (int index : edges_by_weight_) {
        const auto e = static_cast<std::size_t>(index);
        const auto& edge = graph_->edges[e];
        const auto s = static_cast<std::size_t>(edge.source),
                   d = static_cast<std::size_t>(edge.target);
        // Past the budget only the selection's own edges are still drawn.
        if (drawn >= kMaxEdgesPerFrame && !(has_selection_ && (selected_[s] || selected_[d])))
            continue;
        const QPointF a = t.map(graph_->nodes[s].position);
        const QPointF b = t.map(graph_->nodes[d].position);
        if (outside(a, b, viewport))
            continue;
        ++drawn;
        if (has_selection_ && (selected_[s] || selected_[d])) {
            highlighted.emplace_back(a, b);
            continue;
        }
        const int dim = has_selection_ ? 1 : 0;
        int width = 0;
        if (style_.width_by_weight && max_weight_ > 1)
            width = std::min(kWidthBuckets - 1,
                             static_cast<int>(kWidthBuckets * std::log1p(edge.weight) /
                                              std::log1p(max_weight_ + 1e-9)));
        const int style = style_.style_by_relation ? edge_style_[e] : 0;
        buckets[static_cast<std::size_t>((dim * kEdgeStyles + style) * kWidthBuckets + width)]
            .emplace_back(a, b);
    }
    const bool dashes = drawn <= kDashEdgeLimit;
    const bool antialias = drawn <= kAntialiasEdgeLimit;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, antialias);
    for (int dim = 0; dim < 2; ++dim)
        for (int style = 0; style < kEdgeStyles; ++style)
            for (int width = 0; width < kWidthBuckets; ++width) {
                const auto& lines = buckets[static_cast<std::size_t>(
                    (dim * kEdgeStyles + style) * kWidthBuckets + width)];
                if (lines.empty())
                    continue;
                QColor colour = style_.edge;
                if (dim)
                    colour.setAlphaF(colour.alphaF() * 0.3f);
                // Blending every pixel of tens of thousands of long lines dominates the frame;
                // above the antialiasing limit the same colour is pre-mixed with the background
                // and drawn opaque, which the raster engine fills several times faster.
                if (!antialias)
                    colour = blend(colour, style_.background);
                QPen pen(colour, width == 0 ? 0.0 : 1.0 + 1.2 * width);
                pen.setStyle(dashes ? pen_style(style) : Qt::SolidLine);
                pen.setCapStyle(Qt::FlatCap);
                p.setPen(pen);
                p.drawLines(lines.data(), static_cast<int>(lines.size()));
            }
    if (!highlighted.empty()) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(style_.selection, 1.8));
        p.drawLines(highlighted.data(), static_cast<int>(highlighted.size()));
    }
    p.restore();
}

void GraphPainter::paint_nodes(QPainter& p, const ViewTransform& t, const QRectF& viewport) const {
    if (!graph_ || !visible_)
        return;
    struct Dot {
        QRectF rect;
        int node;
    };
    // Group by colour so the brush changes a handful of times per frame, not once per node.
    QHash<QRgb, std::vector<Dot>> by_colour;
    std::vector<int> selected_in_view;
    int drawn = 0;
    for (std::size_t i = 0; i < graph_->nodes.size(); ++i) {
        if (!visible_->node_visible[i])
            continue;
        const double r = std::max(1.5, radius_[i] * t.scale);
        const QPointF c = t.map(graph_->nodes[i].position);
        if (c.x() + r < viewport.left() || c.x() - r > viewport.right() ||
            c.y() + r < viewport.top() || c.y() - r > viewport.bottom())
            continue;
        ++drawn;
        QColor colour = node_color(static_cast<int>(i));
        if (has_selection_ && !neighbourhood_[i])
            colour.setAlphaF(0.25f);
        by_colour[colour.rgba()].push_back(
            {QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), static_cast<int>(i)});
        if (selected_[i])
            selected_in_view.push_back(static_cast<int>(i));
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing, drawn <= kAntialiasNodeLimit);
    QPen outline(style_.background, 1.0);
    for (auto it = by_colour.cbegin(); it != by_colour.cend(); ++it) {
        p.setBrush(QColor::fromRgba(it.key()));
        for (const auto& dot : it.value()) {
            p.setPen(dot.rect.width() > 8 ? outline : QPen(Qt::NoPen));
            p.drawEllipse(dot.rect);
        }
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(style_.selection, 3.0));
    for (int i : selected_in_view) {
        const double r = std::max(1.5, radius_[static_cast<std::size_t>(i)] * t.scale) + 2.5;
        p.drawEllipse(t.map(graph_->nodes[static_cast<std::size_t>(i)].position), r, r);
    }
    p.restore();
}

int GraphPainter::paint_labels(QPainter& p, const ViewTransform& t, const QRectF& viewport) const {
    label_boxes_.clear();
    if (!graph_ || !visible_ || !style_.show_labels)
        return 0;
    const QFontMetricsF metrics(style_.label_font, p.device());
    // Placed label rectangles, indexed by a coarse screen grid so each test looks at a few.
    constexpr double kCell = 64;
    const int columns = static_cast<int>(viewport.width() / kCell) + 2;
    const int rows = static_cast<int>(viewport.height() / kCell) + 2;
    std::vector<std::vector<QRectF>> grid(static_cast<std::size_t>(columns * rows));
    auto cells = [&](const QRectF& r, auto&& fn) {
        const int x0 =
            std::clamp(static_cast<int>((r.left() - viewport.left()) / kCell), 0, columns - 1);
        const int x1 =
            std::clamp(static_cast<int>((r.right() - viewport.left()) / kCell), 0, columns - 1);
        const int y0 =
            std::clamp(static_cast<int>((r.top() - viewport.top()) / kCell), 0, rows - 1);
        const int y1 =
            std::clamp(static_cast<int>((r.bottom() - viewport.top()) / kCell), 0, rows - 1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                if (!fn(grid[static_cast<std::size_t>(y * columns + x)]))
                    return false;
        return true;
    };
    auto is_free = [&](const QRectF& r) {
        return cells(r, [&](const std::vector<QRectF>& cell) {
            return std::none_of(cell.begin(), cell.end(),
                                [&](const QRectF& o) { return o.intersects(r); });
        });
    };
    auto occupy = [&](const QRectF& r) {
        cells(r, [&](std::vector<QRectF>& cell) {
            cell.push_back(r);
            return true;
        });
    };

    // Selected nodes first, then by importance.
    std::vector<int> order;
    order.reserve(importance_order_.size());
    for (std::size_t i = 0; i < selected_.size(); ++i)
        if (selected_[i])
            order.push_back(static_cast<int>(i));
    for (int i : importance_order_)
        if (!selected_[static_cast<std::size_t>(i)])
            order.push_back(i);

    p.save();
    p.setFont(style_.label_font);
    QColor halo = style_.background;
    halo.setAlphaF(0.75f);
    const double height = metrics.height();
    int placed = 0;
    for (int i : order) {
        if (placed >= style_.max_labels)
            break;
        const auto ui = static_cast<std::size_t>(i);
        if (!visible_->node_visible[ui])
            continue;
        const QPointF c = t.map(graph_->nodes[ui].position);
        if (!viewport.contains(c))
            continue;
        if (has_selection_ && !neighbourhood_[ui])
            continue;
        const QString text = metrics.elidedText(graph_->nodes[ui].name, Qt::ElideRight, 220);
        const double w = metrics.horizontalAdvance(text) + 4;
        const double r = std::max(1.5, radius_[ui] * t.scale);
        // Right, left, above, below the node: the first free position wins.
        const std::array<QRectF, 4> candidates{
            QRectF(c.x() + r + 2, c.y() - height / 2, w, height),
            QRectF(c.x() - r - 2 - w, c.y() - height / 2, w, height),
            QRectF(c.x() - w / 2, c.y() - r - 2 - height, w, height),
            QRectF(c.x() - w / 2, c.y() + r + 2, w, height),
        };
        for (const auto& rect : candidates) {
            if (!is_free(rect))
                continue;
            occupy(rect);
            label_boxes_.push_back(rect);
            p.fillRect(rect, halo);
            p.setPen(selected_[ui] ? style_.selection : style_.text);
            p.drawText(rect, Qt::AlignCenter, text);
            ++placed;
            break;
        }
    }
    p.restore();
    return placed;
}

void GraphPainter::paint_all(QPainter& p, const ViewTransform& t, const QRectF& viewport) const {
    paint_background(p, viewport);
    paint_edges(p, t, viewport);
    paint_nodes(p, t, viewport);
    paint_labels(p, t, viewport);
}

} // namespace dossier::gui
