#include "dossier/layout/graphviz_layout.h"

#include <cmath>
#include <gtest/gtest.h>

namespace dossier::layout {
namespace {

// A ring of n nodes with one chord, big enough that every engine has work to do.
LayoutRequest ring(std::size_t n, Engine engine) {
    LayoutRequest request;
    request.options.engine = engine;
    for (std::size_t i = 0; i < n; ++i)
        request.nodes.push_back({"node " + std::to_string(i), 20, 20, std::nullopt, std::nullopt});
    for (std::size_t i = 0; i < n; ++i)
        request.edges.push_back({i, (i + 1) % n, 1.0});
    request.edges.push_back({0, n / 2, 3.0});
    return request;
}

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

class EveryEngine : public ::testing::TestWithParam<Engine> {};

TEST_P(EveryEngine, PlacesEveryNodeInsideTheBoundingBoxAndRoutesEveryEdge) {
    GraphvizLayout graphviz;
    ASSERT_TRUE(graphviz.plugins().ok) << graphviz.plugins().message;
    const auto request = ring(12, GetParam());
    const auto result = graphviz.run(request);
    ASSERT_TRUE(result.ok) << result.error;
    ASSERT_EQ(result.nodes.size(), request.nodes.size());
    ASSERT_EQ(result.edges.size(), request.edges.size());
    const auto& box = result.bounding_box;
    for (std::size_t i = 0; i < result.nodes.size(); ++i) {
        EXPECT_EQ(result.nodes[i].key, request.nodes[i].key);
        EXPECT_NEAR(result.nodes[i].width, 20.0, 0.01);
        EXPECT_GE(result.nodes[i].center.x, box.lower_left.x);
        EXPECT_LE(result.nodes[i].center.x, box.upper_right.x);
        EXPECT_GE(result.nodes[i].center.y, box.lower_left.y);
        EXPECT_LE(result.nodes[i].center.y, box.upper_right.y);
    }
    // No two nodes on the same spot: overlap removal is on by default.
    for (std::size_t i = 0; i < result.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < result.nodes.size(); ++j)
            EXPECT_GT(distance(result.nodes[i].center, result.nodes[j].center), 1.0)
                << i << " " << j;
    for (const auto& edge : result.edges)
        EXPECT_GE(edge.points.size(), 2u)
            << "edge " << edge.source << "->" << edge.target << " has no route";
}

INSTANTIATE_TEST_SUITE_P(Graphviz, EveryEngine,
                         ::testing::Values(Engine::Dot, Engine::Neato, Engine::Fdp, Engine::Sfdp,
                                           Engine::Circo, Engine::Twopi),
                         [](const ::testing::TestParamInfo<Engine>& param) {
                             return std::string(to_string(param.param));
                         });

TEST(GraphvizLayout, ReportsAllSixLayoutPluginsAtStartUp) {
    GraphvizLayout graphviz;
    const auto& check = graphviz.plugins();
    EXPECT_TRUE(check.ok) << check.message;
    for (const char* name : {"dot", "neato", "fdp", "sfdp", "circo", "twopi"})
        EXPECT_NE(std::find(check.available.begin(), check.available.end(), name),
                  check.available.end())
            << name;
}

// fdp is left out: inside one process its result varies with state earlier fdp layouts left
// behind (docs/EXPORTS.md); run twice as separate commands it repeats.
TEST(GraphvizLayout, SameGraphOptionsAndSeedGiveIdenticalPositions) {
    for (Engine engine : {Engine::Neato, Engine::Sfdp, Engine::Dot, Engine::Circo, Engine::Twopi}) {
        GraphvizLayout first;
        GraphvizLayout second;
        auto request = ring(40, engine);
        request.options.seed = 7;
        const auto a = first.run(request);
        const auto b = second.run(request);
        ASSERT_TRUE(a.ok && b.ok) << a.error << b.error;
        for (std::size_t i = 0; i < a.nodes.size(); ++i)
            EXPECT_EQ(a.nodes[i].center, b.nodes[i].center) << to_string(engine) << " node " << i;
    }
}

TEST(GraphvizLayout, DifferentSeedsGiveDifferentNeatoLayouts) {
    GraphvizLayout graphviz;
    auto request = ring(40, Engine::Neato);
    request.options.seed = 1;
    const auto a = graphviz.run(request);
    request.options.seed = 2;
    const auto b = graphviz.run(request);
    ASSERT_TRUE(a.ok && b.ok);
    bool any_moved = false;
    for (std::size_t i = 0; i < a.nodes.size(); ++i)
        any_moved = any_moved || distance(a.nodes[i].center, b.nodes[i].center) > 0.5;
    EXPECT_TRUE(any_moved);
}

TEST(GraphvizLayout, NeatoAndFdpKeepPinnedNodesExactlyWhereTheAnalystPutThem) {
    for (Engine engine : {Engine::Neato, Engine::Fdp}) {
        GraphvizLayout graphviz;
        auto request = ring(10, engine);
        request.nodes[3].pinned = Point{500, -250};
        request.nodes[7].pinned = Point{-120, 40};
        const auto result = graphviz.run(request);
        ASSERT_TRUE(result.ok) << result.error;
        EXPECT_NEAR(result.nodes[3].center.x, 500, 0.5) << to_string(engine);
        EXPECT_NEAR(result.nodes[3].center.y, -250, 0.5) << to_string(engine);
        EXPECT_NEAR(result.nodes[7].center.x, -120, 0.5) << to_string(engine);
        EXPECT_NEAR(result.nodes[7].center.y, 40, 0.5) << to_string(engine);
    }
}

TEST(GraphvizLayout, NeatoStartsFromPreviousPositionsSoTheLayoutStaysClose) {
    GraphvizLayout graphviz;
    // A ring with one pendant node; the filter change removes the pendant.
    auto request = ring(20, Engine::Neato);
    request.nodes.push_back({"pendant", 20, 20, std::nullopt, std::nullopt});
    request.edges.push_back({0, 20, 1.0});
    const auto before = graphviz.run(request);
    ASSERT_TRUE(before.ok);

    auto filtered = ring(20, Engine::Neato);
    filtered.options.seed = 99; // a different seed alone would rotate or mirror the picture
    const auto fresh = graphviz.run(filtered);
    for (std::size_t i = 0; i < filtered.nodes.size(); ++i)
        filtered.nodes[i].start = before.nodes[i].center;
    const auto continued = graphviz.run(filtered);
    ASSERT_TRUE(fresh.ok && continued.ok);

    auto mean_shift = [&](const LayoutResult& after) {
        double total = 0;
        for (std::size_t i = 0; i < filtered.nodes.size(); ++i)
            total += distance(after.nodes[i].center, before.nodes[i].center);
        return total / static_cast<double>(filtered.nodes.size());
    };
    EXPECT_LT(mean_shift(continued), mean_shift(fresh) / 2) << "starting positions were ignored";
    EXPECT_LT(mean_shift(continued), 20.0) << "the picture jumped";
}

TEST(GraphvizLayout, AnEdgeToAMissingNodeIsReportedNotLaidOut) {
    GraphvizLayout graphviz;
    auto request = ring(3, Engine::Sfdp);
    request.edges.push_back({0, 17, 1.0});
    const auto result = graphviz.run(request);
    EXPECT_FALSE(result.ok);
    EXPECT_NE(result.error.find("out of range"), std::string::npos) << result.error;
}

TEST(GraphvizLayout, GraphvizErrorsAreCapturedInTheResult) {
    GraphvizLayout graphviz;
    auto request = ring(4, Engine::Dot);
    request.options.rankdir = "SIDEWAYS"; // Graphviz warns about an unknown rankdir value
    request.options.splines = "wobbly";   // and about an unknown splines value
    const auto result = graphviz.run(request);
    ASSERT_TRUE(result.ok) << result.error;
    ASSERT_FALSE(result.messages.empty());
    bool mentions_value = false;
    for (const auto& message : result.messages)
        mentions_value = mentions_value || message.find("wobbly") != std::string::npos;
    EXPECT_TRUE(mentions_value) << result.messages.front();
}

TEST(GraphvizLayout, EmptyRequestGivesEmptyResult) {
    GraphvizLayout graphviz;
    LayoutRequest request;
    const auto result = graphviz.run(request);
    EXPECT_TRUE(result.ok);
    EXPECT_TRUE(result.nodes.empty());
}

} // namespace
} // namespace dossier::layout
