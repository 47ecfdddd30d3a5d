#include "dossier/layout/layout_cost.h"

#include <gtest/gtest.h>

namespace dossier::layout {
namespace {

TEST(LayoutCost, GrowsWithGraphSizeAndWarnsForLongLayouts) {
    const auto small = estimate_layout_cost(Engine::Sfdp, 500, 2000);
    const auto large = estimate_layout_cost(Engine::Sfdp, 50000, 200000);
    EXPECT_LT(small.seconds, large.seconds);
    EXPECT_FALSE(small.long_running);
    EXPECT_TRUE(large.long_running);
    EXPECT_NE(large.summary.find("sfdp"), std::string::npos);
    EXPECT_NE(large.summary.find("50000 nodes"), std::string::npos);
}

TEST(LayoutCost, NeatoOnFiveThousandNodesIsFlaggedAsLong) {
    // The issue measured neato at about 100 s for 5,000 nodes on this machine.
    EXPECT_TRUE(estimate_layout_cost(Engine::Neato, 5000, 20000).long_running);
    EXPECT_GT(estimate_layout_cost(Engine::Neato, 5000, 20000).seconds,
              estimate_layout_cost(Engine::Sfdp, 5000, 20000).seconds * 10);
}

TEST(LayoutCost, DefaultEngineIsSfdpForLargeGraphs) {
    EXPECT_EQ(default_engine_for(50), Engine::Neato);
    EXPECT_EQ(default_engine_for(5000), Engine::Sfdp);
}

} // namespace
} // namespace dossier::layout
