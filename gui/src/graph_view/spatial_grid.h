#pragma once
// A uniform grid over node positions for hit-testing (hover, click, rubber band) in O(cell)
// instead of O(nodes). Rebuilt when positions change, never when the view pans or zooms.
#include <QPointF>
#include <QRectF>
#include <vector>

namespace dossier::gui {

class SpatialGrid {
public:
    // cell_size in layout units; a good value is a few node diameters.
    void build(const std::vector<QPointF>& points, double cell_size);
    // The nearest point within radius of p among those accepted by `keep`, or -1.
    template <class Keep> int nearest(QPointF p, double radius, Keep keep) const;
    // Every point inside rect (accepted by `keep`).
    template <class Keep> std::vector<int> inside(const QRectF& rect, Keep keep) const;
    bool empty() const { return points_.empty(); }

private:
    int cell_x(double x) const;
    int cell_y(double y) const;
    const std::vector<int>& cell(int cx, int cy) const {
        return cells_[static_cast<std::size_t>(cy * columns_ + cx)];
    }

    std::vector<QPointF> points_;
    std::vector<std::vector<int>> cells_;
    QRectF bounds_;
    double cell_size_ = 1;
    int columns_ = 0;
    int rows_ = 0;
};

template <class Keep> int SpatialGrid::nearest(QPointF p, double radius, Keep keep) const {
    if (points_.empty())
        return -1;
    const int x0 = cell_x(p.x() - radius), x1 = cell_x(p.x() + radius);
    const int y0 = cell_y(p.y() - radius), y1 = cell_y(p.y() + radius);
    int best = -1;
    double best_d2 = radius * radius;
    for (int cy = y0; cy <= y1; ++cy)
        for (int cx = x0; cx <= x1; ++cx)
            for (int i : cell(cx, cy)) {
                const QPointF d = points_[static_cast<std::size_t>(i)] - p;
                const double d2 = d.x() * d.x() + d.y() * d.y();
                if (d2 <= best_d2 && keep(i)) {
                    best_d2 = d2;
                    best = i;
                }
            }
    return best;
}

template <class Keep> std::vector<int> SpatialGrid::inside(const QRectF& rect, Keep keep) const {
    std::vector<int> out;
    if (points_.empty())
        return out;
    const QRectF r = rect.normalized();
    for (int cy = cell_y(r.top()); cy <= cell_y(r.bottom()); ++cy)
        for (int cx = cell_x(r.left()); cx <= cell_x(r.right()); ++cx)
            for (int i : cell(cx, cy))
                if (r.contains(points_[static_cast<std::size_t>(i)]) && keep(i))
                    out.push_back(i);
    return out;
}

} // namespace dossier::gui
