#pragma once
// Layout coordinates -> widget pixels: a uniform scale and an offset (no rotation, no skew).
#include <QPointF>
#include <QRectF>

namespace dossier::gui {

struct ViewTransform {
    double scale = 1;
    QPointF offset;

    QPointF map(QPointF world) const { return world * scale + offset; }
    QPointF unmap(QPointF screen) const { return (screen - offset) / scale; }
    QRectF unmap(const QRectF& screen) const {
        return QRectF(unmap(screen.topLeft()), unmap(screen.bottomRight())).normalized();
    }
    // Scales by `factor` keeping the layout point under `anchor` (pixels) where it is.
    void zoom_at(QPointF anchor, double factor) {
        const QPointF world = unmap(anchor);
        scale *= factor;
        offset = anchor - world * scale;
    }
    // Shows `world` inside `viewport` with a margin, centred.
    static ViewTransform fit(const QRectF& world, const QRectF& viewport, double margin = 24);
};

inline ViewTransform ViewTransform::fit(const QRectF& world, const QRectF& viewport,
                                        double margin) {
    ViewTransform t;
    const double w = std::max(world.width(), 1.0), h = std::max(world.height(), 1.0);
    const double sx = (viewport.width() - 2 * margin) / w,
                 sy = (viewport.height() - 2 * margin) / h;
    t.scale = std::max(1e-6, std::min(sx, sy));
    t.offset = viewport.center() - world.center() * t.scale;
    return t;
}

} // namespace dossier::gui
