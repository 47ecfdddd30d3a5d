#include "graph_view/spatial_grid.h"

#include <algorithm>
#include <cmath>

namespace dossier::gui {

void SpatialGrid::build(const std::vector<QPointF>& points, double cell_size) {
    points_ = points;
    cells_.clear();
    columns_ = rows_ = 0;
    if (points_.empty())
        return;
    double x0 = points_[0].x(), x1 = x0, y0 = points_[0].y(), y1 = y0;
    for (const auto& p : points_) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    bounds_ = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    cell_size_ = std::max(cell_size, 1e-6);
    // Keep the grid to at most ~4 cells per point so a sparse huge layout stays small.
    const double max_cells = std::max<double>(16, 4.0 * static_cast<double>(points_.size()));
    while ((bounds_.width() / cell_size_ + 1) * (bounds_.height() / cell_size_ + 1) > max_cells)
        cell_size_ *= 1.5;
    columns_ = static_cast<int>(std::floor(bounds_.width() / cell_size_)) + 1;
    rows_ = static_cast<int>(std::floor(bounds_.height() / cell_size_)) + 1;
    cells_.assign(static_cast<std::size_t>(columns_ * rows_), {});
    for (int i = 0; i < static_cast<int>(points_.size()); ++i) {
        const auto& p = points_[static_cast<std::size_t>(i)];
        cells_[static_cast<std::size_t>(cell_y(p.y()) * columns_ + cell_x(p.x()))].push_back(i);
    }
}

int SpatialGrid::cell_x(double x) const {
    const int c = static_cast<int>(std::floor((x - bounds_.left()) / cell_size_));
    return std::clamp(c, 0, columns_ - 1);
}

int SpatialGrid::cell_y(double y) const {
    const int c = static_cast<int>(std::floor((y - bounds_.top()) / cell_size_));
    return std::clamp(c, 0, rows_ - 1);
}

} // namespace dossier::gui
