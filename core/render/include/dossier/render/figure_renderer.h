#pragma once
// Draws a Figure onto any QPainter: a QImage (PNG), QSvgGenerator (SVG), QPdfWriter (PDF) or a
// widget. The painter must be set up so that one unit is one point (1/72 inch); see
// points_scale() for the factor to apply to a device.
#include "dossier/render/figure.h"
#include "dossier/render/label_placement.h"

#include <QPainter>
#include <QTransform>

namespace dossier::render {

struct RenderReport {
    QTransform layout_to_page; // maps layout coordinates to page points
    QRectF drawing_area;       // the part of the page holding the graph
    LabelPlacement labels;     // page-point boxes of the drawn labels
    QRectF legend_area;        // empty without a legend
    int unlabelled = 0;        // nodes with a name that got no label (the caption says so)
    QString caption;           // as printed: the figure's caption and the unlabelled note
    bool keyed = false;        // nodes labelled by numbers, their names in `key`
    QString key;               // as printed under the network: "Key: 1 Name; 2 Name; ..."
};

// Device units per point for the painter's device: apply painter.scale(s, s) before drawing.
double points_scale(const QPaintDevice& device);

// Draws `figure` into the page rectangle [0, 0, page.width(), page.height()] (points): title on
// top, caption at the bottom, the legend beside the network on wide pages and below it on narrow
// ones (under 120 mm), the graph fitted in between. No label covers a node, another label, the
// legend or the title; labels without room are dropped and the caption says how many. With
// LabelMode::Keys (or Auto, when keys label clearly more nodes) the labels are numbers and a key
// above the caption names them; the key takes at most 40 % of the page's height, the least
// prominent nodes go without a number first.
// The sentence the caption gets when labels were dropped ("" when none was).
QString unlabelled_note(int unlabelled, int labelled, const QString& priority);
RenderReport render_figure(QPainter& painter, const QSizeF& page, const Figure& figure);

} // namespace dossier::render
