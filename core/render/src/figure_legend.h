#pragma once
// The legend of a figure file: colours (types or communities), relation strokes and the size
// scale, measured before the page is laid out so that it gets its own box and never squeezes
// the network or lies under a label. Two flows: a column beside the network (wide pages) and
// rows below it (one journal column, where a column would take half the width).
#include "dossier/render/figure.h"

#include <QFont>
#include <QPainter>
#include <QRectF>
#include <vector>

namespace dossier::render::detail {

enum class LegendFlow { Column, Rows };

class Legend {
public:
    // node_scale: layout points to page points, for the size scale's circles; the legend is
    // measured with an upper bound of the final scale, so the circles drawn are never bigger
    // than the room measured.
    Legend(const Figure& figure, const QFont& font, const QPaintDevice* device, double node_scale);

    bool empty() const { return sections_.empty(); }
    // The width a column wants (its widest entry), capped at max_width.
    double column_width(double max_width) const;
    // The height the legend needs in `flow` at this width.
    double height(LegendFlow flow, double width) const;
    void draw(QPainter& painter, const QRectF& box, LegendFlow flow) const;

private:
    enum class Swatch { Disc, Stroke, SizeDisc };
    struct Entry {
        Swatch swatch = Swatch::Disc;
        QString text;
        QColor color;
        EdgeStroke stroke = EdgeStroke::Solid;
        double diameter = 0; // SizeDisc: page points
    };
    struct Section {
        QString heading;
        std::vector<Entry> entries;
    };
    double swatch_width(const Entry& entry) const;
    double row_height(const Entry& entry) const;
    double entry_width(const Entry& entry) const;
    // Walks the entries as they would be drawn in `box`; draw_entry is called with each entry's
    // box when painting, and nullptr when only measuring. Returns the height used.
    double walk(QPainter* painter, const QRectF& box, LegendFlow flow) const;
    void draw_entry(QPainter& painter, const Entry& entry, const QRectF& box) const;

    QFont font_;
    QFont bold_;
    const QPaintDevice* device_;
    double line_;
    std::vector<Section> sections_;
};

} // namespace dossier::render::detail
