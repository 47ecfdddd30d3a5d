#include "dossier/render/figure_renderer.h"

#include "dossier/render/figure_scene.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace dossier::render {
namespace {

constexpr double kMargin = 12;       // points around everything
constexpr double kLegendWidth = 110; // points, right-hand column when a legend is shown
constexpr double kMaxScale = 1.0; // small graphs keep their layout size, not blown up into balloons

// A font whose size is `points` in the painter's point units, whatever the device's DPI: Qt sizes
// fonts by the device's logical DPI, and the painter is already scaled to points.
QFont font_in_points(const QString& family, double points, const QPaintDevice* device) {
    QFont font(family);
    const double dpi =
        device != nullptr && device->logicalDpiY() > 0 ? device->logicalDpiY() : 72.0;
    font.setPointSizeF(points * 72.0 / dpi);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

// Fits the layout box (y up) into `area` (y down), keeping proportions and centring.
QTransform fit(const QRectF& bounds, const QRectF& area) {
    const double bw = std::max(bounds.width(), 1.0);
    const double bh = std::max(bounds.height(), 1.0);
    const double scale = std::min({area.width() / bw, area.height() / bh, kMaxScale});
    const double dx = area.left() + (area.width() - bw * scale) / 2;
    const double dy = area.top() + (area.height() - bh * scale) / 2;
    // page = (x - left) * s + dx, (top_of_bounds - y) * s + dy
    return QTransform(scale, 0, 0, -scale, dx - bounds.left() * scale,
                      dy + (bounds.top() + bh) * scale);
}

double draw_wrapped(QPainter& painter, const QRectF& box, const QString& text, int flags) {
    QRectF used;
    painter.drawText(box, flags | Qt::TextWordWrap, text, &used);
    return used.height();
}

void draw_legend(QPainter& painter, const QRectF& column, const Figure& figure,
                 const QTransform& to_page) {
    const QFont font = font_in_points(figure.font_family, figure.legend_points, painter.device());
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font, painter.device());
    const double line = metrics.height() * 1.25;
    double y = column.top();
    painter.setPen(Qt::black);

    auto heading = [&](const QString& text) {
        painter.setFont(bold);
        painter.drawText(QRectF(column.left(), y, column.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
        y += line;
        painter.setFont(font);
    };

    if (!figure.color_legend.empty()) {
        heading(figure.color_legend_title);
        for (const auto& entry : figure.color_legend) {
            const double d = metrics.height() * 0.8;
            painter.setPen(QPen(QColor(0x33, 0x33, 0x33), 0.4));
            painter.setBrush(entry.color);
            painter.drawEllipse(QRectF(column.left(), y + (line - d) / 2, d, d));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(column.left() + d + 4, y, column.width() - d - 4, line),
                             Qt::AlignLeft | Qt::AlignVCenter, entry.label);
            y += line;
        }
        y += line / 2;
    }
    if (!figure.stroke_legend.empty()) {
        heading(QStringLiteral("Relation"));
        // Keep room for the size scale below; relation types that do not fit are summarised.
        const double reserved =
            figure.size_legend
                ? line * 2 + 3 * (figure.size_legend->max_diameter * std::abs(to_page.m11()) + 2)
                : 0;
        const auto fits =
            static_cast<std::size_t>(std::max(0.0, (column.bottom() - y - reserved) / line));
        const std::size_t shown = figure.stroke_legend.size() <= fits ? figure.stroke_legend.size()
                                                                      : (fits > 0 ? fits - 1 : 0);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& entry = figure.stroke_legend[i];
            painter.setPen(QPen(QColor(0x44, 0x44, 0x44), 1.0, pen_style(entry.stroke)));
            painter.drawLine(QPointF(column.left(), y + line / 2),
                             QPointF(column.left() + 18, y + line / 2));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(column.left() + 22, y, column.width() - 22, line),
                             Qt::AlignLeft | Qt::AlignVCenter, entry.label);
            y += line;
        }
        if (shown < figure.stroke_legend.size()) {
            painter.drawText(
                QRectF(column.left(), y, column.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("and %1 more").arg(figure.stroke_legend.size() - shown));
            y += line;
        }
        y += line / 2;
    }
    if (figure.size_legend && figure.size_legend->max_value > figure.size_legend->min_value) {
        const auto& size = *figure.size_legend;
        heading(QStringLiteral("Size: ") + size.metric);
        const double scale = std::abs(to_page.m11());
        for (int step = 0; step < 3; ++step) {
            const double t = step / 2.0;
            const double value = size.min_value + t * (size.max_value - size.min_value);
            // The node size rule is linear in diameter between the two extremes.
            const double d = std::max(
                (size.min_diameter + t * (size.max_diameter - size.min_diameter)) * scale, 1.0);
            const double row = std::max(line, d + 2);
            painter.setPen(QPen(QColor(0x33, 0x33, 0x33), 0.4));
            painter.setBrush(QColor(0xDD, 0xDD, 0xDD));
            painter.drawEllipse(QRectF(column.left(), y + (row - d) / 2, d, d));
            painter.setPen(Qt::black);
            // The value goes right of the circle, however big the circle is.
            const double text_left = column.left() + std::max(d, 12.0) + 4;
            painter.drawText(QRectF(text_left, y, column.right() - text_left, row),
                             Qt::AlignLeft | Qt::AlignVCenter, QString::number(value, 'g', 3));
            y += row;
        }
    }
}

} // namespace

double points_scale(const QPaintDevice& device) {
    return device.logicalDpiX() > 0 ? device.logicalDpiX() / 72.0 : 1.0;
}

RenderReport render_figure(QPainter& painter, const QSizeF& page, const Figure& figure) {
    RenderReport report;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(QPointF(0, 0), page), figure.background);

    QRectF area(kMargin, kMargin, page.width() - 2 * kMargin, page.height() - 2 * kMargin);
    painter.setPen(Qt::black);
    if (!figure.title.isEmpty()) {
        painter.setFont(font_in_points(figure.font_family, figure.title_points, painter.device()));
        const double used =
            draw_wrapped(painter, area, figure.title, Qt::AlignHCenter | Qt::AlignTop);
        area.setTop(area.top() + used + 6);
    }
    if (!figure.caption.isEmpty()) {
        const QFont font =
            font_in_points(figure.font_family, figure.caption_points, painter.device());
        painter.setFont(font);
        const QRectF measured =
            QFontMetricsF(font, painter.device())
                .boundingRect(area, Qt::AlignLeft | Qt::TextWordWrap, figure.caption);
        const QRectF box(area.left(), area.bottom() - measured.height(), area.width(),
                         measured.height());
        draw_wrapped(painter, box, figure.caption, Qt::AlignLeft | Qt::AlignTop);
        area.setBottom(box.top() - 6);
    }
    QRectF legend_column;
    if (figure.legend) {
        legend_column =
            QRectF(area.right() - kLegendWidth, area.top(), kLegendWidth, area.height());
        area.setRight(legend_column.left() - 8);
    }
    report.drawing_area = area;
    report.layout_to_page = fit(figure.bounds, area);
    const QTransform& to_page = report.layout_to_page;

    // The one drawing path (figure_scene.h), here with nothing culled and no level of detail.
    DrawOptions options;
    options.label_area = area.adjusted(-kMargin / 2, 0, kMargin / 2, 0);
    options.label_font = font_in_points(figure.font_family, figure.label_points, painter.device());
    report.labels = FigureScene::borrowing(figure).draw(painter, to_page, options).labels;

    if (figure.legend)
        draw_legend(painter, legend_column, figure, to_page);
    painter.restore();
    return report;
}

} // namespace dossier::render
