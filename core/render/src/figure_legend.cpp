#include "figure_legend.h"

#include "dossier/render/figure_scene.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

namespace dossier::render::detail {
namespace {

constexpr double kStrokeSwatch = 16; // points: long enough for two repeats of every dash pattern
constexpr double kSwatchGap = 3;     // between a swatch and its text
constexpr double kEntryGap = 8;      // between entries on one row
const QColor kInk(0x33, 0x33, 0x33);

} // namespace

Legend::Legend(const Figure& figure, const QFont& font, const QPaintDevice* device,
               double node_scale)
    : font_(font), bold_(font), device_(device) {
    bold_.setBold(true);
    line_ = QFontMetricsF(font_, device_).height() * 1.2;
    if (!figure.color_legend.empty()) {
        Section colours{figure.color_legend_title, {}};
        for (const auto& entry : figure.color_legend)
            colours.entries.push_back({Swatch::Disc, entry.label, entry.color});
        sections_.push_back(std::move(colours));
    }
    if (!figure.stroke_legend.empty()) {
        Section strokes{QStringLiteral("Relation"), {}};
        for (const auto& entry : figure.stroke_legend)
            strokes.entries.push_back({Swatch::Stroke, entry.label, kInk, entry.stroke});
        sections_.push_back(std::move(strokes));
    }
    if (figure.size_legend && figure.size_legend->max_value > figure.size_legend->min_value) {
        const auto& size = *figure.size_legend;
        Section sizes{QStringLiteral("Size: ") + size.metric, {}};
        for (int step = 0; step < 3; ++step) {
            const double t = step / 2.0;
            const double value = size.min_value + t * (size.max_value - size.min_value);
            // The node size rule is linear in diameter between the two extremes.
            const double d = std::max(
                (size.min_diameter + t * (size.max_diameter - size.min_diameter)) * node_scale,
                1.0);
            sizes.entries.push_back({Swatch::SizeDisc, QString::number(value, 'g', 3),
                                     QColor(0xDD, 0xDD, 0xDD), EdgeStroke::Solid, d});
        }
        sections_.push_back(std::move(sizes));
    }
}

double Legend::swatch_width(const Entry& entry) const {
    switch (entry.swatch) {
    case Swatch::Disc:
        return line_ * 0.65;
    case Swatch::Stroke:
        return kStrokeSwatch;
    case Swatch::SizeDisc:
        return std::max(entry.diameter, line_ * 0.65);
    }
    return line_;
}

double Legend::row_height(const Entry& entry) const {
    return entry.swatch == Swatch::SizeDisc ? std::max(line_, entry.diameter + 2) : line_;
}

double Legend::entry_width(const Entry& entry) const {
    return swatch_width(entry) + kSwatchGap +
           QFontMetricsF(font_, device_).horizontalAdvance(entry.text);
}

double Legend::column_width(double max_width) const {
    const QFontMetricsF bold(bold_, device_);
    double widest = 0;
    for (const auto& section : sections_) {
        widest = std::max(widest, bold.horizontalAdvance(section.heading));
        for (const auto& entry : section.entries)
            widest = std::max(widest, entry_width(entry));
    }
    return std::min(std::ceil(widest) + 1, max_width);
}

double Legend::height(LegendFlow flow, double width) const {
    return walk(nullptr, QRectF(0, 0, width, 1e9), flow);
}

void Legend::draw(QPainter& painter, const QRectF& box, LegendFlow flow) const {
    painter.save();
    walk(&painter, box, flow);
    painter.restore();
}

double Legend::walk(QPainter* painter, const QRectF& box, LegendFlow flow) const {
    const QFontMetricsF bold(bold_, device_);
    double y = box.top();
    for (const auto& section : sections_) {
        // The heading starts a line; in rows the entries follow it on the same line.
        const double heading_width =
            bold.horizontalAdvance(section.heading + (flow == LegendFlow::Rows ? ":" : ""));
        if (painter) {
            painter->setFont(bold_);
            painter->setPen(Qt::black);
            painter->drawText(QRectF(box.left(), y, box.width(), line_),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              section.heading + (flow == LegendFlow::Rows ? ":" : ""));
        }
        double x = box.left() + heading_width + kEntryGap;
        double row = line_;
        if (flow == LegendFlow::Column) {
            y += line_;
            for (const auto& entry : section.entries) {
                const double h = row_height(entry);
                if (painter)
                    draw_entry(*painter, entry, QRectF(box.left(), y, box.width(), h));
                y += h;
            }
            y += line_ / 2;
            continue;
        }
        for (const auto& entry : section.entries) {
            const double w = std::min(entry_width(entry), box.width());
            if (x + w > box.right() && x > box.left()) {
                y += row;
                x = box.left();
                row = line_;
            }
            const double h = row_height(entry);
            row = std::max(row, h);
            if (painter)
                draw_entry(*painter, entry, QRectF(x, y, w, h));
            x += w + kEntryGap;
        }
        y += row + line_ * 0.25;
    }
    return y - box.top();
}

void Legend::draw_entry(QPainter& painter, const Entry& entry, const QRectF& box) const {
    const double sw = swatch_width(entry);
    const double middle = box.center().y();
    painter.setBrush(Qt::NoBrush);
    switch (entry.swatch) {
    case Swatch::Disc:
    case Swatch::SizeDisc: {
        const double d = entry.swatch == Swatch::Disc ? sw : entry.diameter;
        painter.setPen(QPen(kInk, 0.4));
        painter.setBrush(entry.color);
        painter.drawEllipse(QRectF(box.left() + (sw - d) / 2, middle - d / 2, d, d));
        break;
    }
    case Swatch::Stroke:
        painter.setPen(print_relation_pen(entry.stroke, entry.color, 1.0));
        painter.drawLine(QPointF(box.left(), middle), QPointF(box.left() + sw, middle));
        break;
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(Qt::black);
    painter.setFont(font_);
    const double text_left = box.left() + sw + kSwatchGap;
    const QString text = QFontMetricsF(font_, device_)
                             .elidedText(entry.text, Qt::ElideRight, box.right() - text_left);
    painter.drawText(QRectF(text_left, box.top(), box.right() - text_left, box.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, text);
}

} // namespace dossier::render::detail
