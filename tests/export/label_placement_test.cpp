#include "dossier/render/label_placement.h"

#include <gtest/gtest.h>
#include <random>

namespace dossier::render {
namespace {

// Counts pairs of placed label boxes that overlap, straight from the output geometry.
int overlapping_pairs(const LabelPlacement& placement) {
    int pairs = 0;
    for (std::size_t i = 0; i < placement.placed.size(); ++i)
        for (std::size_t j = i + 1; j < placement.placed.size(); ++j)
            pairs += placement.placed[i].box.intersects(placement.placed[j].box) ? 1 : 0;
    return pairs;
}

std::vector<LabelCandidate> dense_graph(std::size_t n, double page, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> where(0, page);
    std::vector<LabelCandidate> candidates;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = where(random);
        const double y = where(random);
        candidates.push_back({QRectF(x - 3, y - 3, 6, 6),
                              QSizeF(30 + static_cast<double>(i % 7) * 5, 8),
                              static_cast<double>(i % 50)});
    }
    return candidates;
}

TEST(LabelPlacement, NoTwoLabelsOverlapOnADenseGraph) {
    const auto candidates = dense_graph(800, 300, 11);
    const auto placement = place_labels(candidates, QRectF(-50, -50, 400, 400));
    EXPECT_EQ(overlapping_pairs(placement), 0);
    EXPECT_FALSE(placement.dropped.empty()) << "800 labels cannot all fit in 300x300 points";
    EXPECT_EQ(placement.placed.size() + placement.dropped.size(), candidates.size());
}

TEST(LabelPlacement, NoLabelCoversANodeEvenWhenThatDropsLabels) {
    const auto candidates = dense_graph(800, 300, 14);
    const auto placement = place_labels(candidates, QRectF(-50, -50, 400, 400));
    int covered = 0;
    for (const auto& p : placement.placed)
        for (const auto& c : candidates)
            covered += p.box.intersects(c.node) ? 1 : 0;
    EXPECT_EQ(covered, 0);
    EXPECT_GT(placement.placed.size(), 50u) << "a dense page still labels some nodes";
}

TEST(LabelPlacement, HighPriorityLabelsAreKeptBeforeLowPriorityOnes) {
    const auto candidates = dense_graph(800, 300, 12);
    const auto placement = place_labels(candidates, QRectF(-50, -50, 400, 400));
    double kept = 0;
    double dropped = 0;
    for (const auto& p : placement.placed)
        kept += candidates[static_cast<std::size_t>(p.node)].priority;
    for (int d : placement.dropped)
        dropped += candidates[static_cast<std::size_t>(d)].priority;
    EXPECT_GT(kept / static_cast<double>(placement.placed.size()),
              dropped / static_cast<double>(placement.dropped.size()));
    // The single most important node always gets its label.
    EXPECT_EQ(candidates[static_cast<std::size_t>(placement.placed.front().node)].priority, 49);
}

TEST(LabelPlacement, SparseLabelsAreAllPlacedClearOfEveryNode) {
    std::vector<LabelCandidate> candidates;
    for (int i = 0; i < 10; ++i)
        candidates.push_back({QRectF(i * 100.0, 0, 10, 10), QSizeF(40, 8), 1});
    const auto placement = place_labels(candidates, QRectF(-20, -50, 1100, 150));
    ASSERT_EQ(placement.placed.size(), candidates.size());
    for (const auto& p : placement.placed) {
        for (const auto& c : candidates)
            EXPECT_FALSE(p.box.intersects(c.node));
    }
}

TEST(LabelPlacement, LabelsStayInsideTheArea) {
    const auto candidates = dense_graph(200, 300, 13);
    const QRectF area(0, 0, 300, 300);
    for (const auto& p : place_labels(candidates, area).placed)
        EXPECT_TRUE(area.contains(p.box));
}

} // namespace
} // namespace dossier::render
