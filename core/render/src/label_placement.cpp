#include "dossier/render/label_placement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace dossier::render {
namespace {

// A uniform grid over the area so a candidate is tested only against boxes near it; keeps
// placement linear-ish for 10,000 labels. Flat (one bucket per cell, the screen redraws with a
// fresh grid at every frame) and capped at about a million cells; boxes reaching past the area
// are filed in its border cells, which only costs an extra exact test.
class BoxGrid {
public:
    BoxGrid(const QRectF& area, double cell) : origin_(area.topLeft()), cell_(std::max(cell, 1.0)) {
        constexpr double kMaxCells = 1 << 20;
        const double w = std::max(area.width(), 1.0);
        const double h = std::max(area.height(), 1.0);
        if ((w / cell_ + 1) * (h / cell_ + 1) > kMaxCells)
            cell_ = std::sqrt(w * h / kMaxCells) + 1;
        columns_ = static_cast<int>(w / cell_) + 1;
        rows_ = static_cast<int>(h / cell_) + 1;
        cells_.resize(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_));
    }

    void insert(const QRectF& box) {
        const int id = static_cast<int>(boxes_.size());
        boxes_.push_back(box);
        query_of_box_.push_back(0);
        for_cells(box, [&](std::vector<int>& cell) {
            cell.push_back(id);
            return true;
        });
    }

    // How many stored boxes intersect `box` (stops counting at `limit`).
    int count_intersecting(const QRectF& box, int limit) const {
        int hits = 0;
        ++query_; // a box filed in several cells is tested once per query
        for_cells(box, [&](const std::vector<int>& cell) {
            for (int id : cell) {
                auto& seen = query_of_box_[static_cast<std::size_t>(id)];
                if (seen == query_)
                    continue;
                seen = query_;
                if (boxes_[static_cast<std::size_t>(id)].intersects(box) && ++hits >= limit)
                    return false;
            }
            return true;
        });
        return hits;
    }

private:
    int clamp_column(double x) const {
        return std::clamp(static_cast<int>(std::floor((x - origin_.x()) / cell_)), 0, columns_ - 1);
    }
    int clamp_row(double y) const {
        return std::clamp(static_cast<int>(std::floor((y - origin_.y()) / cell_)), 0, rows_ - 1);
    }
    // Calls visit(cell) for every cell the box touches until visit returns false.
    template <class Cells, class F>
    static void for_cells_of(Cells& grid, const QRectF& box, F&& visit) {
        const int x0 = grid.clamp_column(box.left());
        const int x1 = grid.clamp_column(box.right());
        const int y0 = grid.clamp_row(box.top());
        const int y1 = grid.clamp_row(box.bottom());
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                if (!visit(grid.cells_[static_cast<std::size_t>(y) *
                                           static_cast<std::size_t>(grid.columns_) +
                                       static_cast<std::size_t>(x)]))
                    return;
    }
    template <class F> void for_cells(const QRectF& box, F&& visit) {
        for_cells_of(*this, box, visit);
    }
    template <class F> void for_cells(const QRectF& box, F&& visit) const {
        for_cells_of(*this, box, visit);
    }

    QPointF origin_;
    double cell_;
    int columns_ = 1;
    int rows_ = 1;
    std::vector<QRectF> boxes_;
    std::vector<std::vector<int>> cells_;
    mutable std::vector<unsigned> query_of_box_;
    mutable unsigned query_ = 0;
};

// Spots around a node, in the order cartographers prefer: right, left, above, below, the
// corners; then slid along the node's sides (above and below by a quarter of the label either
// way, right and left by a line up or down), as Graphviz's xlabels slide; then the eight first
// spots again a little further out. A hub ringed by its neighbours finds room in the later
// spots, and the most important nodes are hubs.
constexpr std::size_t kRingSpots = 8;
constexpr std::size_t kSpots = 2 * kRingSpots + 8;

void ring(const QRectF& node, const QSizeF& text, double gap, QRectF* out) {
    const double w = text.width();
    const double h = text.height();
    const QPointF c = node.center();
    out[0] = QRectF(node.right() + gap, c.y() - h / 2, w, h);
    out[1] = QRectF(node.left() - gap - w, c.y() - h / 2, w, h);
    out[2] = QRectF(c.x() - w / 2, node.top() - gap - h, w, h);
    out[3] = QRectF(c.x() - w / 2, node.bottom() + gap, w, h);
    out[4] = QRectF(node.right() + gap, node.top() - h, w, h);
    out[5] = QRectF(node.right() + gap, node.bottom(), w, h);
    out[6] = QRectF(node.left() - gap - w, node.top() - h, w, h);
    out[7] = QRectF(node.left() - gap - w, node.bottom(), w, h);
}

std::array<QRectF, kSpots> spots(const QRectF& node, const QSizeF& text, double gap) {
    const double w = text.width();
    const double h = text.height();
    const QPointF c = node.center();
    const double above = node.top() - gap - h;
    const double below = node.bottom() + gap;
    std::array<QRectF, kSpots> out;
    ring(node, text, gap, out.data());
    out[8] = QRectF(c.x() - w * 0.25, above, w, h);
    out[9] = QRectF(c.x() - w * 0.75, above, w, h);
    out[10] = QRectF(c.x() - w * 0.25, below, w, h);
    out[11] = QRectF(c.x() - w * 0.75, below, w, h);
    out[12] = QRectF(node.right() + gap, c.y() - h * 1.5, w, h);
    out[13] = QRectF(node.right() + gap, c.y() + h * 0.5, w, h);
    out[14] = QRectF(node.left() - gap - w, c.y() - h * 1.5, w, h);
    out[15] = QRectF(node.left() - gap - w, c.y() + h * 0.5, w, h);
    ring(node, text, gap + h * 0.6, out.data() + 16);
    return out;
}

} // namespace

struct LabelPlacer::Grids {
    BoxGrid nodes;
    BoxGrid labels;
};

LabelPlacer::LabelPlacer(const QRectF& area, double cell, double gap)
    : area_(area), gap_(gap),
      grids_(std::make_unique<Grids>(Grids{BoxGrid(area, cell), BoxGrid(area, cell)})) {}

LabelPlacer::~LabelPlacer() = default;

void LabelPlacer::add_node(const QRectF& node_box) {
    grids_->nodes.insert(node_box);
}

std::optional<QRectF> LabelPlacer::place(const QRectF& node, const QSizeF& text) {
    if (text.isEmpty())
        return std::nullopt;
    // The first spot inside the area and clear of labels and nodes (its own node never counts:
    // spots are outside it by construction).
    for (const QRectF& box : spots(node, text, gap_)) {
        if (!area_.contains(box) || grids_->labels.count_intersecting(box, 1) > 0 ||
            grids_->nodes.count_intersecting(box, 1) > 0)
            continue;
        grids_->labels.insert(box);
        return box;
    }
    return std::nullopt;
}

std::optional<QRectF> LabelPlacer::place_inside(const QRectF& node, const QSizeF& text) {
    // An ellipse holds a centred rectangle of up to 1/sqrt(2) of its width and height.
    constexpr double kInscribed = 0.7071;
    if (text.isEmpty() || text.width() > node.width() * kInscribed ||
        text.height() > node.height() * kInscribed)
        return std::nullopt;
    const QRectF box(node.center().x() - text.width() / 2, node.center().y() - text.height() / 2,
                     text.width(), text.height());
    // Its own node is the one node the box may touch.
    if (!area_.contains(box) || grids_->labels.count_intersecting(box, 1) > 0 ||
        grids_->nodes.count_intersecting(box, 2) > 1)
        return std::nullopt;
    grids_->labels.insert(box);
    return box;
}

LabelPlacement place_labels(const std::vector<LabelCandidate>& candidates, const QRectF& area,
                            double gap) {
    LabelPlacement result;
    if (candidates.empty())
        return result;
    double typical_height = 0;
    for (const auto& c : candidates)
        typical_height = std::max(typical_height, c.text.height());
    LabelPlacer placer(area, typical_height * 2, gap);
    for (const auto& c : candidates)
        placer.add_node(c.node);

    std::vector<int> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return candidates[static_cast<std::size_t>(a)].priority >
               candidates[static_cast<std::size_t>(b)].priority;
    });

    for (int index : order) {
        const auto& c = candidates[static_cast<std::size_t>(index)];
        const auto box = placer.place(c.node, c.text);
        if (!box) {
            result.dropped.push_back(index);
            continue;
        }
        result.placed.push_back({index, *box});
    }
    return result;
}

} // namespace dossier::render
