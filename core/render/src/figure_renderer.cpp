#include "dossier/render/figure_renderer.h"

#include "dossier/render/figure_scene.h"
#include "figure_keys.h"
#include "figure_legend.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

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
// A key may take this share of the page's height; past it the least prominent nodes go unkeyed,
// so that the network keeps most of the page.
constexpr double kKeyMaxShare = 0.4;

// Where each block of the page goes. The caption is the figure's caption plus, when labels had
// to be dropped, a sentence that says how many.
struct PageBlocks {
    QRectF title;
    QRectF network;
    QRectF legend;
    detail::LegendFlow legend_flow = detail::LegendFlow::Column;
    QRectF key; // the numbered keys' names, above the caption
    QString key_text;
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

    // The height of the key block for `text` across the page.
    double key_height(const QString& text) const {
        return wrapped_height(legend_font_, device_, inner_width(), text);
    }
    double inner_height() const { return page_.height() - 2 * kMargin; }

    PageBlocks compose(const QString& caption_text, const QString& key_text = {}) const {
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
        out.key_text = key_text;
        if (!key_text.isEmpty()) {
            const double h = key_height(key_text);
            out.key = QRectF(area.left(), area.bottom() - h, area.width(), h);
            area.setBottom(out.key.top() - kGap);
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
    double inner_width() const { return page_.width() - 2 * kMargin; }

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
    // Short: at one column every line of caption is a line less for the network.
    return QStringLiteral("%1 of %2 nodes unlabelled for lack of room (the least %3 first).")
        .arg(unlabelled)
        .arg(labelled)
        .arg(priority.isEmpty() ? QStringLiteral("prominent") : priority);
}

namespace {

// The page's blocks with the labels placed, and how many labelled nodes lost their label.
struct LaidOutPage {
    PageBlocks blocks;
    QTransform to_page;
    QRectF label_area;
    LabelPlacement labels;
    int unlabelled = 0;
};

LaidOutPage place_on(const PageBlocks& blocks, const Figure& figure, const FigureScene& scene,
                     DrawOptions options, const QPaintDevice* device) {
    LaidOutPage page;
    page.blocks = blocks;
    page.to_page = fit(figure.bounds, blocks.network);
    // Labels may reach into the side margins, never into the legend's column.
    const bool legend_beside = figure.legend && blocks.legend_flow == detail::LegendFlow::Column;
    page.label_area =
        blocks.network.adjusted(-kMargin / 2, 0, legend_beside ? 0.0 : kMargin / 2, 0);
    options.label_area = page.label_area;
    page.labels = scene.place_labels(device, page.to_page, options);
    return page;
}

// The caption says how many labels were dropped, and its room is part of the page layout: lay
// out with the sentence at its longest, and again without it when nothing had to be dropped.
LaidOutPage lay_out_page(const PageComposer& composer, const Figure& figure,
                         const FigureScene& scene, const DrawOptions& options,
                         const QPaintDevice* device) {
    const int labelled = labelled_nodes(figure);
    const int nameless = static_cast<int>(figure.nodes.size()) - labelled;
    const QString& priority = figure.label_priority_name;
    LaidOutPage page = place_on(composer.compose(join_caption(
                                    figure.caption, unlabelled_note(labelled, labelled, priority))),
                                figure, scene, options, device);
    if (static_cast<int>(page.labels.dropped.size()) == nameless) {
        LaidOutPage roomier =
            place_on(composer.compose(figure.caption), figure, scene, options, device);
        if (roomier.labels.dropped.size() == page.labels.dropped.size())
            page = std::move(roomier);
    }
    page.unlabelled = static_cast<int>(page.labels.dropped.size()) - nameless;
    page.blocks.caption_text =
        join_caption(figure.caption, unlabelled_note(page.unlabelled, labelled, priority));
    return page;
}

// A page whose labels are numbers, with the figure that carries them.
struct KeyedPage {
    detail::KeyedFigure keyed;
    LaidOutPage page;
};

// The named nodes in the order their labels are placed (most prominent first), as many as the
// key has room for within kKeyMaxShare of the page's height.
std::vector<int> nodes_to_key(const PageComposer& composer, const Figure& figure) {
    std::vector<int> order;
    const auto scene = FigureScene::borrowing(figure);
    for (int node : scene.label_order())
        if (!figure.nodes[static_cast<std::size_t>(node)].label.isEmpty())
            order.push_back(node);
    const double room = kKeyMaxShare * composer.inner_height();
    auto fits = [&](std::size_t count) {
        const std::vector<int> first(order.begin(), order.begin() + static_cast<long>(count));
        return composer.key_height(detail::key_text(figure, first)) <= room;
    };
    std::size_t low = 0, high = order.size(); // fits(low) holds; find the largest count that fits
    while (low < high) {
        const std::size_t middle = (low + high + 1) / 2;
        if (fits(middle))
            low = middle;
        else
            high = middle - 1;
    }
    order.resize(low);
    return order;
}

// Numbers for the most prominent nodes the key has room for; a node whose number finds no clear
// spot is taken out of the key and the rest renumbered, until every number in the key is drawn.
KeyedPage lay_out_keyed_page(const PageComposer& composer, const Figure& figure,
                             DrawOptions options, const QPaintDevice* device) {
    options.labels_inside = true; // a number fits inside most nodes, where it needs no room
    const int labelled = labelled_nodes(figure);
    const QString& priority = figure.label_priority_name;
    std::vector<int> keyed = nodes_to_key(composer, figure);
    KeyedPage out;
    for (;;) {
        out.keyed = detail::keyed_figure(figure, keyed);
        const auto scene = FigureScene::borrowing(out.keyed.figure);
        const QString note =
            unlabelled_note(labelled - static_cast<int>(keyed.size()), labelled, priority);
        out.page = place_on(composer.compose(join_caption(figure.caption, note), out.keyed.key),
                            out.keyed.figure, scene, options, device);
        std::vector<int> kept;
        for (const auto& placed : out.page.labels.placed)
            kept.push_back(placed.node);
        if (kept.size() == keyed.size())
            break; // shrinks every round, so this ends (at the latest with an empty key)
        // Placed labels come most prominent first, the order the numbers are given in.
        keyed = std::move(kept);
    }
    out.page.unlabelled = labelled - static_cast<int>(out.page.labels.placed.size());
    out.page.blocks.caption_text =
        join_caption(figure.caption, unlabelled_note(out.page.unlabelled, labelled, priority));
    return out;
}

// A number drawn inside its node is black or white, whichever stands out from the node's fill.
void contrast_numbers_inside_nodes(KeyedPage& keys) {
    auto& nodes = keys.keyed.figure.nodes;
    for (const auto& label : keys.page.labels.placed) {
        if (!label.inside_node)
            continue; // beside the node, on the paper
        auto& node = nodes[static_cast<std::size_t>(label.node)];
        const double luminance =
            0.2126 * node.fill.redF() + 0.7152 * node.fill.greenF() + 0.0722 * node.fill.blueF();
        node.label_color = luminance < 0.5 ? QColor(Qt::white) : QColor(Qt::black);
    }
}

// Auto keeps names unless numbers label clearly more nodes: half as many again, and at least
// three more (a key costs the reader a look-up per node).
bool keys_label_clearly_more(const LaidOutPage& names, const KeyedPage& keys) {
    const auto by_name = static_cast<int>(names.labels.placed.size());
    const auto by_key = static_cast<int>(keys.page.labels.placed.size());
    return by_key >= by_name + std::max(3, by_name / 2);
}

void draw_text_blocks(QPainter& painter, const PageComposer& composer, const Figure& figure,
                      const PageBlocks& blocks) {
    painter.setPen(Qt::black);
    if (!figure.title.isEmpty()) {
        painter.setFont(composer.title_font());
        draw_wrapped(painter, blocks.title, figure.title, Qt::AlignHCenter | Qt::AlignTop);
    }
    if (!blocks.key_text.isEmpty()) {
        painter.setFont(composer.legend_font());
        draw_wrapped(painter, blocks.key, blocks.key_text, Qt::AlignLeft | Qt::AlignTop);
    }
    if (!blocks.caption_text.isEmpty()) {
        painter.setFont(composer.caption_font());
        draw_wrapped(painter, blocks.caption, blocks.caption_text, Qt::AlignLeft | Qt::AlignTop);
    }
}

} // namespace

RenderReport render_figure(QPainter& painter, const QSizeF& page, const Figure& figure) {
    RenderReport report;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(QPointF(0, 0), page), figure.background);

    const PageComposer composer(page, figure, painter.device());
    DrawOptions options;
    options.label_font = font_in_points(figure.font_family, figure.label_points, painter.device());
    std::optional<LaidOutPage> names;
    if (figure.label_mode != LabelMode::Keys)
        names = lay_out_page(composer, figure, FigureScene::borrowing(figure), options,
                             painter.device());
    std::optional<KeyedPage> keys;
    if (figure.label_mode == LabelMode::Keys ||
        (figure.label_mode == LabelMode::Auto && names->unlabelled > 0)) {
        keys = lay_out_keyed_page(composer, figure, options, painter.device());
        if (names && !keys_label_clearly_more(*names, *keys))
            keys.reset();
    }
    if (keys)
        contrast_numbers_inside_nodes(*keys);
    const Figure& drawn = keys ? keys->keyed.figure : figure;
    const LaidOutPage& laid_out = keys ? keys->page : *names;
    const PageBlocks& blocks = laid_out.blocks;

    draw_text_blocks(painter, composer, figure, blocks);
    report.drawing_area = blocks.network;
    report.layout_to_page = laid_out.to_page;
    report.unlabelled = std::max(laid_out.unlabelled, 0);
    report.caption = blocks.caption_text;
    report.keyed = keys.has_value();
    report.key = blocks.key_text;
    // The one drawing path (figure_scene.h), here with nothing culled and no level of detail.
    options.label_area = laid_out.label_area;
    options.placed_labels = &laid_out.labels;
    report.labels = FigureScene::borrowing(drawn).draw(painter, laid_out.to_page, options).labels;
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
