#include "dossier/graph/paths.h"
#include "dossier/store/graph_source.h"
#include "graph_test_project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <set>

namespace dossier::graph {
namespace {

class PathsTest : public ::testing::Test {
protected:
    testing::TempDir dir;
    testing::GraphTestProject world = testing::GraphTestProject::create(dir / "world.dossier");
    store::Project project = store::Project::open(dir / "world.dossier", store::OpenMode::ReadOnly);
    GraphSnapshot snapshot = GraphSnapshot::build(project, {});

    Vertex v(const std::string& name) { return *snapshot.vertex_of(world.entity.at(name)); }
    std::vector<std::string> names(const GraphPath& p) {
        std::vector<std::string> out;
        for (auto x : p.vertices)
            out.push_back(snapshot.node(x).name);
        return out;
    }
};

TEST_F(PathsTest, ByHopsListsEachHopWithItsRelationsAndEvidence) {
    const auto paths = shortest_paths(snapshot, v("United States"), v("Pakistan"));
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(names(paths[0]), (std::vector<std::string>{"United States", "China", "Pakistan"}));
    EXPECT_EQ(paths[0].cost, 2.0);
    ASSERT_EQ(paths[0].hops.size(), 2u);
    EXPECT_EQ(paths[0].hops[0].relations.size(), 2u); // cooperates_with and co_occurs_sentence
    ASSERT_EQ(paths[0].hops[1].relations.size(), 1u);
    const auto& supplies = snapshot.edge(paths[0].hops[1].relations[0]);
    EXPECT_EQ(snapshot.relation_type_name(supplies.type), "supplies");
    const std::vector<RelationId> ids{supplies.relation};
    const auto evidence = store::load_evidence(project, ids);
    ASSERT_EQ(evidence.size(), 1u);
    EXPECT_EQ(evidence[0].sentence, "Pakistan receives arms from China.");
    EXPECT_EQ(evidence[0].document_title, "Cable on the partnership");
}

TEST_F(PathsTest, DisconnectedPairHasNoPath) {
    EXPECT_TRUE(shortest_paths(snapshot, v("United States"), v("Brezhnev")).empty());
    EXPECT_TRUE(shortest_paths(snapshot, v("Kabul"), v("China"), {PathMode::Weight}).empty());
}

TEST_F(PathsTest, SameEntityIsAPathOfZeroHops) {
    const auto paths = shortest_paths(snapshot, v("China"), v("China"));
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_TRUE(paths[0].hops.empty());
}

GraphSnapshot make(std::size_t n, const std::vector<GraphSnapshot::PlainEdge>& edges) {
    std::vector<NodeInfo> nodes(n);
    for (std::size_t i = 0; i < n; ++i)
        nodes[i].entity = EntityId{static_cast<std::int64_t>(i + 1)};
    return GraphSnapshot::from_edges(std::move(nodes), edges);
}

TEST(Paths, ByHopsReturnsEveryShortestPathUpToTheLimit) {
    // A diamond 0-1-3, 0-2-3 plus a long way round 0-4-5-3.
    const auto g = make(6, {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 4}, {4, 5}, {5, 3}});
    const auto all = shortest_paths(g, 0, 3);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].vertices, (std::vector<Vertex>{0, 1, 3}));
    EXPECT_EQ(all[1].vertices, (std::vector<Vertex>{0, 2, 3}));
    EXPECT_EQ(shortest_paths(g, 0, 3, {PathMode::Hops, 1}).size(), 1u);
}

TEST(Paths, ByWeightPrefersStrongLinksOverFewerHops) {
    // 0-1 weak (w 1, cost 1); 0-2-1 strong (w 10 each, cost 0.1 + 0.1).
    const auto g =
        make(3, {{0, 1, "r", false, 1.0}, {0, 2, "r", false, 10.0}, {2, 1, "r", false, 10.0}});
    const auto hops = shortest_paths(g, 0, 1, {PathMode::Hops});
    ASSERT_EQ(hops.size(), 1u);
    EXPECT_EQ(hops[0].vertices, (std::vector<Vertex>{0, 1}));
    const auto weighted = shortest_paths(g, 0, 1, {PathMode::Weight});
    ASSERT_EQ(weighted.size(), 1u);
    EXPECT_EQ(weighted[0].vertices, (std::vector<Vertex>{0, 2, 1}));
    EXPECT_NEAR(weighted[0].cost, 0.2, 1e-12);
}

TEST(Paths, EgoVerticesStopAtKHops) {
    const auto g = make(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
    EXPECT_EQ(ego_vertices(g.simple(), {2}, 1), (std::vector<Vertex>{1, 2, 3}));
    EXPECT_EQ(ego_vertices(g.simple(), {0, 4}, 1), (std::vector<Vertex>{0, 1, 3, 4}));
}

} // namespace
} // namespace dossier::graph
