#include "dossier/render/label_placement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace dossier::render {
namespace {

// A uniform grid over the page so a candidate is tested only against boxes near it; keeps
// placement linear-ish for 10,000 labels.
class BoxGrid {
public:
    BoxGrid(const QRectF& area, double cell)
        : origin_(area.topLeft()), cell_(std::max(cell, 1.0)) {}

    void insert(const QRectF& box) {
        const int id = static_cast<int>(boxes_.size());
        boxes_.push_back(box);
        for_cells(box, [&](long long key) { cells_[key].push_back(id); });
    }

    // How many stored boxes intersect `box` (stops counting at `limit`).
    int count_intersecting(const QRectF& box, int limit) const {
        int hits = 0;
        seen_.clear();
        for_cells(box, [&](long long key) {
            if (hits >= limit)
                return;
            auto it = cells_.find(key);
            if (it == cells_.end())
                return;
            for (int id : it->second) {
                if (hits >= limit)
                    return;
                if (std::find(seen_.begin(), seen_.end(), id) != seen_.end())
                    continue;
                seen_.push_back(id);
                if (boxes_[static_cast<std::size_t>(id)].intersects(box))
                    ++hits;
            }
        });
        return hits;
    }

private:
    template <class F> void for_cells(const QRectF& box, F&& visit) const {
        const auto x0 = static_cast<long long>(std::floor((box.left() - origin_.x()) / cell_));
        const auto x1 = static_cast<long long>(std::floor((box.right() - origin_.x()) / cell_));
        const auto y0 = static_cast<long long>(std::floor((box.top() - origin_.y()) / cell_));
        const auto y1 = static_cast<long long>(std::floor((box.bottom() - origin_.y()) / cell_));
        for (long long y = y0; y <= y1; ++y)
            for (long long x = x0; x <= x1; ++x)
                visit(y * 1'000'003LL + x);
    }

    QPointF origin_;
    double cell_;
    std::vector<QRectF> boxes_;
    std::unordered_map<long long, std::vector<int>> cells_;
    mutable std::vector<int> seen_;
};

// Eight spots around a node, in the order cartographers prefer: right, left, above, below, then
// the corners.
std::array<QRectF, 8> spots(const QRectF& node, const QSizeF& text, double gap) {
    const double w = text.width();
    const double h = text.height();
    const QPointF c = node.center();
    return {{
        QRectF(node.right() + gap, c.y() - h / 2, w, h),
        QRectF(node.left() - gap - w, c.y() - h / 2, w, h),
        QRectF(c.x() - w / 2, node.top() - gap - h, w, h),
        QRectF(c.x() - w / 2, node.bottom() + gap, w, h),
        QRectF(node.right() + gap, node.top() - h, w, h),
        QRectF(node.right() + gap, node.bottom(), w, h),
        QRectF(node.left() - gap - w, node.top() - h, w, h),
        QRectF(node.left() - gap - w, node.bottom(), w, h),
    }};
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

std::optional<QRectF> LabelPlacer::place(const QRectF& node, const QSizeF& text,
                                         bool* overlaps_node) {
    if (text.isEmpty())
        return std::nullopt;
    // Best spot: inside the area, clear of other labels, touching as few nodes as possible
    // (its own node never counts: spots are outside it by construction).
    int best = -1;
    int best_node_hits = 0;
    const auto options = spots(node, text, gap_);
    for (int s = 0; s < static_cast<int>(options.size()); ++s) {
        const QRectF& box = options[static_cast<std::size_t>(s)];
        if (!area_.contains(box) || grids_->labels.count_intersecting(box, 1) > 0)
            continue;
        const int node_hits = grids_->nodes.count_intersecting(box, 4);
        if (best < 0 || node_hits < best_node_hits) {
            best = s;
            best_node_hits = node_hits;
            if (node_hits == 0)
                break;
        }
    }
    if (best < 0)
        return std::nullopt;
    const QRectF& box = options[static_cast<std::size_t>(best)];
    grids_->labels.insert(box);
    if (overlaps_node)
        *overlaps_node = best_node_hits > 0;
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
        bool overlaps_node = false;
        const auto box = placer.place(c.node, c.text, &overlaps_node);
        if (!box) {
            result.dropped.push_back(index);
            continue;
        }
        result.placed.push_back({index, *box, overlaps_node});
    }
    return result;
}

} // namespace dossier::render
