#include "dossier/render/figure_renderer.h"

#include "dossier/render/figure_scene.h"
#include "figure_legend.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace dossier::render {
namespace {

constexpr double kMargin = 12;    // points around everything
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

double wrapped_height(const QFont& font, const QPaintDevice* device, double width,
                      const QString& text) {
    if (text.isEmpty())
        return 0;
    return QFontMetricsF(font, device)
        .boundingRect(QRectF(0, 0, width, 1e6), Qt::AlignLeft | Qt::TextWordWrap, text)
        .height();
}

// Pages narrower than this get the legend below the network (one journal column is 85-89 mm,
// a column of legend there would take half the width); wider ones get it beside.
constexpr double kLegendBesideFromPoints = 120 * 72 / 25.4;
constexpr double kLegendMaxShare = 0.3; // of the width, for a legend beside the network
constexpr double kGap = 6;              // between the blocks of the page

// Where each block of the page goes. The caption is the figure's caption plus, when labels had
// to be dropped, a sentence that says how many.
struct PageBlocks {
    QRectF title;
    QRectF network;
    QRectF legend;
    detail::LegendFlow legend_flow = detail::LegendFlow::Column;
    QRectF caption;
    QString caption_text;
};

class PageComposer {
public:
    PageComposer(const QSizeF& page, const Figure& figure, const QPaintDevice* device)
        : page_(page), figure_(figure), device_(device),
          title_font_(font_in_points(figure.font_family, figure.title_points, device)),
          caption_font_(font_in_points(figure.font_family, figure.caption_points, device)),
          legend_font_(font_in_points(figure.font_family, figure.legend_points, device)) {}

    const QFont& title_font() const { return title_font_; }
    const QFont& caption_font() const { return caption_font_; }
    const QFont& legend_font() const { return legend_font_; }

    PageBlocks compose(const QString& caption_text) const {
        PageBlocks out;
        QRectF area(kMargin, kMargin, page_.width() - 2 * kMargin, page_.height() - 2 * kMargin);
        if (!figure_.title.isEmpty()) {
            const double h = wrapped_height(title_font_, device_, area.width(), figure_.title);
            out.title = QRectF(area.left(), area.top(), area.width(), h);
            area.setTop(area.top() + h + kGap);
        }
        out.caption_text = caption_text;
        if (!caption_text.isEmpty()) {
            const double h = wrapped_height(caption_font_, device_, area.width(), caption_text);
            out.caption = QRectF(area.left(), area.bottom() - h, area.width(), h);
            area.setBottom(out.caption.top() - kGap);
        }
        if (figure_.legend) {
            // Measured with the scale the network would have without a legend: the final scale
            // is no larger, so the size scale's circles fit the room measured for them.
            const detail::Legend legend(figure_, legend_font_, device_,
                                        fit(figure_.bounds, area).m11());
            if (!legend.empty()) {
                if (page_.width() >= kLegendBesideFromPoints) {
                    const double w = legend.column_width(area.width() * kLegendMaxShare);
                    out.legend = QRectF(area.right() - w, area.top(), w, area.height());
                    out.legend_flow = detail::LegendFlow::Column;
                    area.setRight(out.legend.left() - kGap - 2);
                } else {
                    const double h = legend.height(detail::LegendFlow::Rows, area.width());
                    out.legend = QRectF(area.left(), area.bottom() - h, area.width(), h);
                    out.legend_flow = detail::LegendFlow::Rows;
                    area.setBottom(out.legend.top() - kGap);
                }
            }
        }
        out.network = area;
        return out;
    }

private:
    QSizeF page_;
    const Figure& figure_;
    const QPaintDevice* device_;
    QFont title_font_;
    QFont caption_font_;
    QFont legend_font_;
};

int labelled_nodes(const Figure& figure) {
    return static_cast<int>(std::count_if(figure.nodes.begin(), figure.nodes.end(),
                                          [](const FigureNode& n) { return !n.label.isEmpty(); }));
}

QString join_caption(const QString& caption, const QString& note) {
    if (caption.isEmpty() || note.isEmpty())
        return caption + note;
    return caption + QLatin1Char(' ') + note;
}

} // namespace

double points_scale(const QPaintDevice& device) {
    return device.logicalDpiX() > 0 ? device.logicalDpiX() / 72.0 : 1.0;
}

QString unlabelled_note(int unlabelled, int labelled, const QString& priority) {
    if (unlabelled <= 0)
        return {};
    return QStringLiteral("%1 of %2 nodes unlabelled (no room without covering a node or a "
                          "label; the least %3 go first).")
        .arg(unlabelled)
        .arg(labelled)
        .arg(priority.isEmpty() ? QStringLiteral("prominent") : priority);
}

namespace {

// The page's blocks with the labels placed, and how many labelled nodes lost their label.
struct LaidOutPage {
    PageBlocks blocks;
    QTransform to_page;
    LabelPlacement labels;
    int unlabelled = 0;
};

// The caption says how many labels were dropped, and its room is part of the page layout: lay
// out with the sentence at its longest, and again without it when nothing had to be dropped.
LaidOutPage lay_out_page(const PageComposer& composer, const Figure& figure,
                         const FigureScene& scene, DrawOptions& options,
                         const QPaintDevice* device) {
    auto place = [&](const PageBlocks& blocks, QTransform& to_page) {
        to_page = fit(figure.bounds, blocks.network);
        // Labels may reach into the side margins, never into the legend's column.
        const bool legend_beside =
            figure.legend && blocks.legend_flow == detail::LegendFlow::Column;
        options.label_area =
            blocks.network.adjusted(-kMargin / 2, 0, legend_beside ? 0.0 : kMargin / 2, 0);
        return scene.place_labels(device, to_page, options);
    };
    const int labelled = labelled_nodes(figure);
    const int nameless = static_cast<int>(figure.nodes.size()) - labelled;
    const QString& priority = figure.label_priority_name;
    LaidOutPage page;
    page.blocks = composer.compose(
        join_caption(figure.caption, unlabelled_note(labelled, labelled, priority)));
    page.labels = place(page.blocks, page.to_page);
    if (static_cast<int>(page.labels.dropped.size()) == nameless) {
        LaidOutPage roomier;
        roomier.blocks = composer.compose(figure.caption);
        roomier.labels = place(roomier.blocks, roomier.to_page);
        if (roomier.labels.dropped.size() == page.labels.dropped.size())
            page = std::move(roomier);
    }
    page.unlabelled = static_cast<int>(page.labels.dropped.size()) - nameless;
    page.blocks.caption_text =
        join_caption(figure.caption, unlabelled_note(page.unlabelled, labelled, priority));
    return page;
}

} // namespace

RenderReport render_figure(QPainter& painter, const QSizeF& page, const Figure& figure) {
    RenderReport report;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(QPointF(0, 0), page), figure.background);

    const PageComposer composer(page, figure, painter.device());
    const auto scene = FigureScene::borrowing(figure);
    DrawOptions options;
    options.label_font = font_in_points(figure.font_family, figure.label_points, painter.device());
    const LaidOutPage laid_out = lay_out_page(composer, figure, scene, options, painter.device());
    const PageBlocks& blocks = laid_out.blocks;

    painter.setPen(Qt::black);
    if (!figure.title.isEmpty()) {
        painter.setFont(composer.title_font());
        draw_wrapped(painter, blocks.title, figure.title, Qt::AlignHCenter | Qt::AlignTop);
    }
    if (!blocks.caption_text.isEmpty()) {
        painter.setFont(composer.caption_font());
        draw_wrapped(painter, blocks.caption, blocks.caption_text, Qt::AlignLeft | Qt::AlignTop);
    }
    report.drawing_area = blocks.network;
    report.layout_to_page = laid_out.to_page;
    report.unlabelled = std::max(laid_out.unlabelled, 0);
    report.caption = blocks.caption_text;
    // The one drawing path (figure_scene.h), here with nothing culled and no level of detail.
    options.placed_labels = &laid_out.labels;
    report.labels = scene.draw(painter, laid_out.to_page, options).labels;
    if (figure.legend && !blocks.legend.isEmpty()) {
        report.legend_area = blocks.legend;
        detail::Legend(figure, composer.legend_font(), painter.device(),
                       std::abs(laid_out.to_page.m11()))
            .draw(painter, blocks.legend, blocks.legend_flow);
    }
    painter.restore();
    return report;
}

} // namespace dossier::render
