// Metrics under the job contract (job_control.h): a cancelled token stops each long metric in its
// outer loop, compute_metrics gives a cancelled result without values, a cancel from another
// thread stops a betweenness that would run for minutes, and progress names every step.
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace dossier::graph {
namespace {

GraphSnapshot random_graph(std::size_t n, std::size_t edges, std::uint64_t seed) {
    std::vector<NodeInfo> nodes(n);
    for (std::size_t i = 0; i < n; ++i)
        nodes[i].entity = EntityId{static_cast<std::int64_t>(i + 1)};
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::vector<GraphSnapshot::PlainEdge> list;
    for (std::size_t i = 0; i < n; ++i) // a path through every node: one component
        if (i + 1 < n)
            list.push_back({i, i + 1});
    while (list.size() < edges) {
        const auto a = pick(rng), b = pick(rng);
        if (a != b)
            list.push_back({a, b});
    }
    return GraphSnapshot::from_edges(std::move(nodes), list);
}

CancelToken cancelled_token() {
    CancelToken token;
    token.cancel();
    return token;
}

bool all_zero(const std::vector<double>& values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return v == 0.0; });
}

TEST(MetricsCancel, ACancelledTokenStopsBetweennessAndClosenessBeforeTheirFirstSource) {
    const auto g = random_graph(200, 600, 1);
    ASSERT_FALSE(all_zero(betweenness_exact(g.simple())));
    EXPECT_TRUE(all_zero(betweenness_exact(g.simple(), 2, cancelled_token())));
    EXPECT_TRUE(all_zero(betweenness_sampled(g.simple(), 50, 1, 2, cancelled_token())));
    ASSERT_FALSE(all_zero(closeness_centrality(g.simple())));
    EXPECT_TRUE(all_zero(closeness_centrality(g.simple(), 2, cancelled_token())));
    EXPECT_TRUE(all_zero(closeness_sampled(g.simple(), 50, 1, 2, cancelled_token())));
}

TEST(MetricsCancel, ACancelledTokenStopsPageRankAndEigenvectorBeforeTheirFirstIteration) {
    const auto g = random_graph(200, 600, 2);
    const std::vector<double> uniform(200, 1.0 / 200); // where both iterations start
    EXPECT_NE(pagerank(g.simple()), uniform);
    EXPECT_EQ(pagerank(g.simple(), 0.85, kIterationTolerance, kMaxIterations, cancelled_token()),
              uniform);
    EXPECT_EQ(
        eigenvector_centrality(g.simple(), kIterationTolerance, kMaxIterations, cancelled_token()),
        uniform);
}

TEST(MetricsCancel, ACancelledTokenStopsLeidenBeforeItMovesANode) {
    const auto g = random_graph(200, 600, 3);
    EXPECT_LT(modularity_communities(g.simple()).count, 200u);
    const auto stopped =
        modularity_communities(g.simple(), CommunityAlgorithm::Leiden, 1, cancelled_token());
    EXPECT_EQ(stopped.count, 200u) << "every node is still its own community";
}

TEST(MetricsCancel, ComputeMetricsCancelledBeforeItStartsHoldsNoValues) {
    const auto g = random_graph(100, 300, 4);
    JobControl control(cancelled_token());
    const auto r = compute_metrics(g, all_metrics(), {}, control);
    EXPECT_TRUE(r.cancelled);
    for (const auto m : all_metrics())
        EXPECT_FALSE(r.has(m)) << to_string(m);
    EXPECT_FALSE(compute_metrics(g, {Metric::Degree}).cancelled);
}

TEST(MetricsCancel, ACancelFromAnotherThreadStopsALongBetweenness) {
    // Exact betweenness of 40,000 nodes and 200,000 edges is 40,000 breadth-first searches:
    // minutes on two threads. The cancel comes once it has started.
    const auto g = random_graph(40000, 200000, 5);
    MetricOptions options;
    options.betweenness.exact_limit = 0; // always exact
    CancelToken cancel;
    std::jthread canceller;
    const JobControl control(cancel, [&](const JobProgress& p) {
        if (p.stage == "betweenness")
            canceller = std::jthread([cancel] {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                cancel.cancel();
            });
    });
    const auto r = compute_metrics(g, {Metric::Degree, Metric::Betweenness, Metric::PageRank},
                                   options, control);
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(r.betweenness.empty());
    EXPECT_TRUE(r.degree.empty()) << "a cancelled result drops what it computed before";
}

TEST(MetricsCancel, ProgressNamesEveryStepAndEndsFull) {
    const auto g = random_graph(100, 300, 6);
    std::vector<std::string> stages;
    std::size_t last_done = 0, last_total = 0;
    const JobControl control(
        {},
        [&](const JobProgress& p) {
            stages.emplace_back(p.stage);
            last_done = p.done;
            last_total = p.total;
        },
        std::chrono::milliseconds(0));
    const auto r = compute_metrics(
        g, {Metric::Degree, Metric::InDegree, Metric::OutDegree, Metric::Community}, {}, control);
    EXPECT_FALSE(r.cancelled);
    EXPECT_EQ(stages, (std::vector<std::string>{"degree", "in and out degree", "communities",
                                                "metrics done"}));
    EXPECT_EQ(last_done, 3u);
    EXPECT_EQ(last_total, 3u);
}

} // namespace
} // namespace dossier::graph
