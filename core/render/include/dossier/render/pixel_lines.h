#pragma once
// Aliased, opaque lines written straight into a 32-bit image: the screen's dense level of
// detail. With thousands of edges in view the graph view draws them without antialiasing in
// opaque colours; QPainter's raster engine still spends about a microsecond per line on setup
// (stroking to a polygon, or its general cosmetic stroker), ten times what stepping the pixels
// costs. Files never come here: they keep QPainter's antialiased strokes.
#include "dossier/render/figure.h"

#include <QLineF>
#include <QPainter>
#include <QRgb>

namespace dossier::render {

// Whether draw_pixel_lines may draw on what `painter` paints: an unclipped, unrotated painter
// on a detached 32-bit QImage (RGB32, ARGB32 or premultiplied ARGB32), composing source-over at
// full opacity. Otherwise the caller draws through QPainter.
bool can_draw_pixel_lines(const QPainter& painter);

// Draws `count` lines (painter coordinates) in `colour`, which must be opaque, `width` device
// pixels wide (at least one), solid or with the stroke's dash pattern. Pixels outside the image
// are skipped. Precondition: can_draw_pixel_lines(painter).
void draw_pixel_lines(QPainter& painter, const QLineF* lines, int count, QRgb colour, int width,
                      EdgeStroke stroke);

} // namespace dossier::render
