#include "dossier/render/figure_scene.h"

#include "dossier/render/pixel_lines.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace dossier::render {

Qt::PenStyle pen_style(EdgeStroke stroke) {
    switch (stroke) {
    case EdgeStroke::Solid:
        return Qt::SolidLine;
    case EdgeStroke::Dashed:
        return Qt::DashLine;
    case EdgeStroke::Dotted:
        return Qt::DotLine;
    case EdgeStroke::DashDotted:
        return Qt::DashDotLine;
    }
    return Qt::SolidLine;
}

QPen print_relation_pen(EdgeStroke stroke, const QColor& color, double width) {
    QPen pen(color, width, Qt::SolidLine, Qt::FlatCap);
    // Patterns in points, whatever the width (Qt counts dashes in pen widths): at 0.4 pt Qt's
    // own DotLine gives 0.4 pt dots that print as a grey solid line. Few, strong patterns that
    // still differ at one column in greyscale.
    auto in_points = [&](std::initializer_list<double> lengths) {
        QList<qreal> pattern;
        for (double length : lengths)
            pattern.append(length / std::max(width, 0.05));
        pen.setDashPattern(pattern);
    };
    switch (stroke) {
    case EdgeStroke::Solid:
        break;
    case EdgeStroke::Dashed:
        in_points({3.5, 2.0});
        break;
    case EdgeStroke::Dotted:
        in_points({0.9, 1.5});
        break;
    case EdgeStroke::DashDotted:
        in_points({3.5, 1.5, 0.9, 1.5});
        break;
    }
    return pen;
}

namespace {

// `over` drawn with its alpha onto the opaque `under`, as one opaque colour.
QColor blend(const QColor& over, const QColor& under) {
    const double a = over.alphaF();
    return QColor::fromRgbF(static_cast<float>(over.redF() * a + under.redF() * (1 - a)),
                            static_cast<float>(over.greenF() * a + under.greenF() * (1 - a)),
                            static_cast<float>(over.blueF() * a + under.blueF() * (1 - a)));
}

constexpr double kMinArrowPoints = 2.0;

bool outside(QPointF a, QPointF b, const QRectF& vp) {
    return (a.x() < vp.left() && b.x() < vp.left()) || (a.x() > vp.right() && b.x() > vp.right()) ||
           (a.y() < vp.top() && b.y() < vp.top()) || (a.y() > vp.bottom() && b.y() > vp.bottom());
}

QPainterPath route_path(const std::vector<QPointF>& r, const QTransform& t) {
    QPainterPath path;
    if (r.size() >= 4 && (r.size() - 1) % 3 == 0) {
        path.moveTo(t.map(r[0]));
        for (std::size_t i = 1; i + 2 < r.size(); i += 3)
            path.cubicTo(t.map(r[i]), t.map(r[i + 1]), t.map(r[i + 2]));
    } else {
        path.moveTo(t.map(r[0]));
        for (std::size_t i = 1; i < r.size(); ++i)
            path.lineTo(t.map(r[i]));
    }
    return path;
}

// An arrowhead with its tip at `tip`, pointing along `direction` (device units), `size` long.
QPolygonF arrowhead(QPointF tip, QPointF direction, double size) {
    const double length = std::hypot(direction.x(), direction.y());
    if (length <= 0)
        return {};
    const QPointF unit = direction / length;
    const QPointF across(-unit.y(), unit.x());
    const QPointF base = tip - unit * size;
    return QPolygonF({tip, base + across * (size * 0.4), base - across * (size * 0.4)});
}

} // namespace

FigureScene::FigureScene(std::shared_ptr<const Figure> figure) : figure_(std::move(figure)) {
    if (!figure_)
        figure_ = std::make_shared<Figure>();
    prepare();
}

FigureScene FigureScene::borrowing(const Figure& figure) {
    // Aliasing constructor: shares no ownership, points at the caller's figure.
    return FigureScene(std::shared_ptr<const Figure>(std::shared_ptr<const Figure>(), &figure));
}

void FigureScene::prepare() {
    const auto& f = *figure_;
    pen_of_edge_.resize(f.edges.size());
    for (std::size_t e = 0; e < f.edges.size(); ++e) {
        const auto& edge = f.edges[e];
        const PenKey key{edge.color.rgba(), edge.width, edge.stroke};
        auto it = std::find(pens_.begin(), pens_.end(), key);
        if (it == pens_.end())
            it = pens_.insert(pens_.end(), key);
        pen_of_edge_[e] = static_cast<int>(it - pens_.begin());
    }
    label_order_.resize(f.nodes.size());
    std::iota(label_order_.begin(), label_order_.end(), 0);
    std::stable_sort(label_order_.begin(), label_order_.end(), [&](int a, int b) {
        return f.nodes[static_cast<std::size_t>(a)].label_priority >
               f.nodes[static_cast<std::size_t>(b)].label_priority;
    });
}

DrawReport FigureScene::draw(QPainter& painter, const QTransform& layout_to_device,
                             const DrawOptions& options) const {
    DrawReport report;
    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    draw_edges(painter, layout_to_device, options, report);
    draw_nodes(painter, layout_to_device, options, report);
    draw_labels(painter, layout_to_device, options, report);
    painter.restore();
    return report;
}

void FigureScene::draw_edges(QPainter& p, const QTransform& t, const DrawOptions& o,
                             DrawReport& report) const {
    const auto& f = *figure_;
    const double scale = std::abs(t.m11());
    // Straight edges are batched by pen into one drawLines call each; routed ones are paths.
    std::vector<std::vector<QLineF>> lines(pens_.size());
    std::vector<std::size_t> routed;
    std::vector<std::size_t> directed;
    int drawn = 0;
    for (std::size_t e = 0; e < f.edges.size(); ++e) {
        const auto& edge = f.edges[e];
        if (o.max_edges >= 0 && drawn >= o.max_edges && !edge.keep)
            continue;
        if (edge.route.size() >= 2) {
            if (o.viewport) {
                const QRectF box = t.mapRect(
                    QPolygonF(QList<QPointF>(edge.route.begin(), edge.route.end())).boundingRect());
                if (!box.intersects(*o.viewport))
                    continue;
            }
            routed.push_back(e);
        } else {
            const QPointF a = t.map(f.nodes[static_cast<std::size_t>(edge.source)].center);
            const QPointF b = t.map(f.nodes[static_cast<std::size_t>(edge.target)].center);
            if (o.viewport && outside(a, b, *o.viewport))
                continue;
            lines[static_cast<std::size_t>(pen_of_edge_[e])].emplace_back(a, b);
        }
        if (edge.directed)
            directed.push_back(e);
        ++drawn;
    }
    report.edges_drawn = drawn;
    const bool antialias = !o.level_of_detail || drawn <= o.antialias_edge_limit;
    const bool dashes = !o.level_of_detail || drawn <= o.dash_edge_limit;
    const bool arrows = !o.level_of_detail || drawn <= o.arrow_edge_limit;
    p.setRenderHint(QPainter::Antialiasing, antialias);
    p.setBrush(Qt::NoBrush);
    auto pen_for = [&](const PenKey& key) {
        QColor colour = QColor::fromRgba(key.color);
        // Blending every pixel of tens of thousands of long lines dominates a screen frame;
        // without antialiasing the same colour is pre-mixed with the background and drawn
        // opaque, which the raster engine fills several times faster.
        if (!antialias && colour.alpha() < 255)
            colour = blend(colour, f.background);
        // On screen a hairline is at least one pixel: width 0 is Qt's fast cosmetic line.
        const double width = o.level_of_detail && key.width < 1.0 ? 0.0 : key.width;
        if (!o.level_of_detail)
            return print_relation_pen(key.stroke, colour, width);
        QPen pen(colour, width, dashes ? pen_style(key.stroke) : Qt::SolidLine);
        pen.setCapStyle(Qt::FlatCap);
        return pen;
    };
    // Many edges on screen (no antialiasing, opaque colours): straight into the frame's pixels
    // (pixel_lines.h), about ten times faster than QPainter's per-line stroking.
    const bool pixel_lines = o.level_of_detail && !antialias && can_draw_pixel_lines(p);
    const double device_scale = std::abs(p.deviceTransform().m11());
    if (!o.level_of_detail) {
        // Files: one path per pen, so an SVG or PDF holds a handful of path elements instead of
        // one element per edge (the SVG generator's per-element work was most of a large
        // export's time).
        std::vector<QPainterPath> paths(pens_.size());
        for (std::size_t k = 0; k < pens_.size(); ++k)
            for (const auto& line : lines[k]) {
                paths[k].moveTo(line.p1());
                paths[k].lineTo(line.p2());
            }
        for (std::size_t e : routed)
            paths[static_cast<std::size_t>(pen_of_edge_[e])].addPath(
                route_path(f.edges[e].route, t));
        for (std::size_t k = 0; k < pens_.size(); ++k) {
            if (paths[k].isEmpty())
                continue;
            p.setPen(pen_for(pens_[k]));
            p.drawPath(paths[k]);
        }
        routed.clear();
        for (auto& batch : lines)
            batch.clear();
    }
    for (std::size_t k = 0; k < pens_.size(); ++k) {
        if (lines[k].empty())
            continue;
        const QPen pen = pen_for(pens_[k]);
        if (pixel_lines && pen.color().alpha() == 255) {
            const int pixels =
                std::max(1, static_cast<int>(std::lround(pens_[k].width * device_scale)));
            draw_pixel_lines(p, lines[k].data(), static_cast<int>(lines[k].size()),
                             pen.color().rgba(), pixels,
                             dashes ? pens_[k].stroke : EdgeStroke::Solid);
            continue;
        }
        p.setPen(pen);
        p.drawLines(lines[k].data(), static_cast<int>(lines[k].size()));
    }
    for (std::size_t e : routed) {
        p.setPen(pen_for(pens_[static_cast<std::size_t>(pen_of_edge_[e])]));
        p.drawPath(route_path(f.edges[e].route, t));
    }
    if (!arrows || directed.empty())
        return;
    p.setPen(Qt::NoPen);
    // Files fill the arrowheads of one colour as one path (winding fill: every head turns the
    // same way, so overlapping heads do not cancel); the screen draws them one by one.
    std::vector<std::pair<QColor, QPainterPath>> heads;
    for (std::size_t e : directed) {
        const auto& edge = f.edges[e];
        const auto& target = f.nodes[static_cast<std::size_t>(edge.target)];
        QPointF tip, from;
        if (edge.route.size() >= 2) {
            // Graphviz ends a route on the target's boundary.
            tip = t.map(edge.route.back());
            from = t.map(edge.route[edge.route.size() - 2]);
        } else {
            from = t.map(f.nodes[static_cast<std::size_t>(edge.source)].center);
            const QPointF centre = t.map(target.center);
            const double radius =
                std::max(target.width * scale, o.level_of_detail ? o.min_node_diameter : 0.0) / 2;
            const QPointF d = centre - from;
            const double length = std::hypot(d.x(), d.y());
            if (length <= radius)
                continue;
            tip = centre - d / length * radius;
        }
        QColor colour = edge.color;
        if (!antialias && colour.alpha() < 255)
            colour = blend(colour, f.background);
        // In print an arrowhead never outgrows its target node: a small figure shrinks the nodes
        // and heads of 5 pt would cover them. The screen keeps heads readable at any zoom.
        double size = 4.0 + 2.0 * edge.width;
        if (o.level_of_detail) {
            p.setBrush(colour);
            p.drawPolygon(arrowhead(tip, tip - from, size));
            continue;
        }
        size = std::min(size, std::max(kMinArrowPoints, target.width * scale * 0.8));
        auto batch = std::find_if(heads.begin(), heads.end(),
                                  [&](const auto& h) { return h.first == colour; });
        if (batch == heads.end()) {
            batch = heads.insert(heads.end(), {colour, QPainterPath()});
            batch->second.setFillRule(Qt::WindingFill);
        }
        batch->second.addPolygon(arrowhead(tip, tip - from, size));
        batch->second.closeSubpath();
    }
    for (const auto& [colour, path] : heads)
        p.fillPath(path, colour);
    p.setBrush(Qt::NoBrush);
}

void FigureScene::draw_nodes(QPainter& p, const QTransform& t, const DrawOptions& o,
                             DrawReport& report) const {
    const auto& f = *figure_;
    const double scale = std::abs(t.m11());
    const double min_diameter = o.level_of_detail ? o.min_node_diameter : 0.0;
    struct Dot {
        QRectF box;
        std::size_t node;
    };
    // Grouped by fill so the brush changes a handful of times per frame, in the order the
    // colours first appear (deterministic files).
    std::vector<QRgb> fills;
    std::vector<std::vector<Dot>> groups;
    int drawn = 0;
    for (std::size_t i = 0; i < f.nodes.size(); ++i) {
        const auto& node = f.nodes[i];
        const QPointF c = t.map(node.center);
        const double w = std::max(node.width * scale, min_diameter);
        const double h = std::max(node.height * scale, min_diameter);
        const QRectF box(c.x() - w / 2, c.y() - h / 2, w, h);
        if (o.viewport && !box.intersects(*o.viewport))
            continue;
        ++drawn;
        const QRgb fill = node.fill.rgba();
        auto it = std::find(fills.begin(), fills.end(), fill);
        if (it == fills.end()) {
            fills.push_back(fill);
            groups.emplace_back();
            it = fills.end() - 1;
        }
        groups[static_cast<std::size_t>(it - fills.begin())].push_back({box, i});
    }
    report.nodes_drawn = drawn;
    p.setRenderHint(QPainter::Antialiasing, !o.level_of_detail || drawn <= o.antialias_node_limit);
    const QPen outline(f.node_outline, f.node_outline_width);
    // On screen small nodes are stamped from images drawn once per fill and size: a blit costs a
    // fraction of filling an ellipse, and the stamps keep their antialiasing however many nodes
    // are in view.
    const QTransform to_device = p.deviceTransform();
    const bool stamps = o.level_of_detail && to_device.type() <= QTransform::TxScale;
    const QTransform from_device = to_device.inverted();
    const double device_scale = std::abs(to_device.m11());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        p.setBrush(QColor::fromRgba(fills[g]));
        for (const auto& dot : groups[g]) {
            // Far out on screen an outline would be all there is of a small node.
            const bool outlined = !(o.level_of_detail && dot.box.width() <= 8);
            const double device_diameter = dot.box.width() * device_scale;
            if (stamps && dot.box.width() == dot.box.height() &&
                device_diameter <= kMaxStampPixels) {
                const QImage& stamp = node_stamp(fills[g], outlined, device_diameter, device_scale);
                const QPointF centre = to_device.map(dot.box.center());
                const QPointF corner(std::round(centre.x() - stamp.width() / 2.0),
                                     std::round(centre.y() - stamp.height() / 2.0));
                p.drawImage(from_device.map(corner), stamp);
                continue;
            }
            p.setPen(outlined ? outline : QPen(Qt::NoPen));
            p.drawEllipse(dot.box);
        }
    }
    p.setBrush(Qt::NoBrush);
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (const auto& dot : groups[g]) {
            const QColor& ring = f.nodes[dot.node].ring;
            if (!ring.isValid())
                continue;
            p.setPen(QPen(ring, 3.0));
            p.drawEllipse(dot.box.adjusted(-2.5, -2.5, 2.5, 2.5));
        }
}

const QImage& FigureScene::node_stamp(QRgb fill, bool outlined, double device_diameter,
                                      double device_scale) const {
    if (device_scale != stamp_scale_) {
        stamps_.clear();
        stamp_scale_ = device_scale;
    }
    // A quarter of a pixel is finer than the eye tells node sizes apart.
    const auto quarters = static_cast<std::uint64_t>(std::lround(device_diameter * 4));
    const std::uint64_t key = (std::uint64_t{fill} << 32) | (quarters << 1) | (outlined ? 1 : 0);
    auto it = stamps_.find(key);
    if (it != stamps_.end())
        return it->second;
    const double diameter = quarters / 4.0;
    const double pen = outlined ? figure_->node_outline_width * device_scale : 0.0;
    const int side = static_cast<int>(std::ceil(diameter + pen)) + 2;
    QImage stamp(side, side, QImage::Format_ARGB32_Premultiplied);
    stamp.fill(Qt::transparent);
    {
        QPainter q(&stamp);
        q.setRenderHint(QPainter::Antialiasing, true);
        q.setPen(outlined ? QPen(figure_->node_outline, pen) : QPen(Qt::NoPen));
        q.setBrush(QColor::fromRgba(fill));
        q.drawEllipse(QPointF(side / 2.0, side / 2.0), diameter / 2, diameter / 2);
    }
    // Drawn in device pixels: at this ratio one stamp pixel is one device pixel.
    stamp.setDevicePixelRatio(device_scale);
    return stamps_.emplace(key, std::move(stamp)).first->second;
}

const QString& FigureScene::label_text(int node) const {
    const auto i = static_cast<std::size_t>(node);
    // A scene that draws labels placed by another one (render_figure) has measured nothing.
    return i >= elided_.size() || elided_[i].isNull() ? figure_->nodes[i].label : elided_[i];
}

LabelPlacement FigureScene::place_labels(const QPaintDevice* device, const QTransform& t,
                                         const DrawOptions& o) const {
    const auto& f = *figure_;
    LabelPlacement result;
    if (!o.labels || f.nodes.empty())
        return result;
    QRectF area = o.label_area;
    if (area.isEmpty())
        area = o.viewport ? *o.viewport : QRectF(-1e9, -1e9, 2e9, 2e9);
    const QFontMetricsF metrics(o.label_font, device);
    // Measurements depend on the font, the device's resolution and the elision width.
    const QString font_key =
        QStringLiteral("%1/%2").arg(o.label_font.key()).arg(device ? device->logicalDpiY() : 0);
    if (font_key != measured_font_ || o.max_label_width != measured_max_width_ ||
        label_width_.size() != f.nodes.size()) {
        measured_font_ = font_key;
        measured_max_width_ = o.max_label_width;
        label_width_.assign(f.nodes.size(), -1.0f);
        elided_.assign(f.nodes.size(), QString());
        static_text_.assign(f.nodes.size(), std::nullopt);
        label_height_ = metrics.height();
    }
    const double scale = std::abs(t.m11());
    const double min_diameter = o.level_of_detail ? o.min_node_diameter : 0.0;
    LabelPlacer placer(area, label_height_ * 2, 1.0);
    // Labels avoid the nodes drawn near them.
    std::vector<QRectF> boxes(f.nodes.size());
    for (std::size_t i = 0; i < f.nodes.size(); ++i) {
        const auto& node = f.nodes[i];
        const QPointF c = t.map(node.center);
        const double w = std::max(node.width * scale, min_diameter);
        const double h = std::max(node.height * scale, min_diameter);
        boxes[i] = QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
        if (!o.viewport || boxes[i].intersects(area))
            placer.add_node(boxes[i]);
    }
    int placed = 0;
    for (int index : label_order_) {
        const auto i = static_cast<std::size_t>(index);
        const auto& node = f.nodes[i];
        if (node.label.isEmpty() || (o.max_labels >= 0 && placed >= o.max_labels) ||
            (o.viewport && !o.viewport->contains(boxes[i].center()))) {
            if (!o.viewport)
                result.dropped.push_back(index);
            continue;
        }
        if (label_width_[i] < 0) {
            double width = metrics.horizontalAdvance(node.label);
            if (o.max_label_width > 0 && width > o.max_label_width) {
                elided_[i] = metrics.elidedText(node.label, Qt::ElideRight, o.max_label_width);
                width = metrics.horizontalAdvance(elided_[i]);
            }
            label_width_[i] = static_cast<float>(width);
        }
        const QSizeF text(label_width_[i], label_height_);
        auto box = o.labels_inside ? placer.place_inside(boxes[i], text) : std::nullopt;
        const bool inside = box.has_value();
        if (!box)
            box = placer.place(boxes[i], text);
        if (!box) {
            result.dropped.push_back(index);
            continue;
        }
        result.placed.push_back({index, *box, inside});
        ++placed;
    }
    return result;
}

void FigureScene::draw_labels(QPainter& p, const QTransform& t, const DrawOptions& o,
                              DrawReport& report) const {
    const auto& f = *figure_;
    if (!o.labels || f.nodes.empty())
        return;
    report.labels = o.placed_labels ? *o.placed_labels : place_labels(p.device(), t, o);
    p.setFont(o.label_font);
    QColor halo = f.background;
    halo.setAlphaF(0.75f);
    QColor current_pen;
    for (const auto& label : report.labels.placed) {
        const auto& node = f.nodes[static_cast<std::size_t>(label.node)];
        if (o.label_halo)
            p.fillRect(label.box, halo);
        const QColor colour = node.label_color.isValid() ? node.label_color : f.text_color;
        if (colour != current_pen) {
            p.setPen(colour);
            current_pen = colour;
        }
        if (!o.level_of_detail) {
            p.drawText(label.box, Qt::AlignLeft | Qt::AlignVCenter, label_text(label.node));
            continue;
        }
        // The screen draws the same labels frame after frame: shaped once, kept as glyphs.
        auto& text = static_text_[static_cast<std::size_t>(label.node)];
        if (!text) {
            text.emplace(label_text(label.node));
            text->setTextFormat(Qt::PlainText);
            text->prepare(QTransform(), o.label_font);
        }
        p.drawStaticText(label.box.topLeft(), *text);
    }
}

} // namespace dossier::render
