#include "dossier/layout/layout_service.h"

#include <gtest/gtest.h>
#include <thread>
#include <vector>

namespace dossier::layout {
namespace {

LayoutRequest chain(std::size_t n, std::uint32_t seed) {
    LayoutRequest request;
    request.options.engine = Engine::Sfdp;
    request.options.seed = seed;
    for (std::size_t i = 0; i < n; ++i)
        request.nodes.push_back({std::to_string(i), 18, 18, std::nullopt, std::nullopt});
    for (std::size_t i = 0; i + 1 < n; ++i)
        request.edges.push_back({i, i + 1, 1.0});
    return request;
}

TEST(LayoutService, RunsJobsSubmittedFromManyThreadsOneAtATime) {
    LayoutService service;
    ASSERT_TRUE(service.plugins().ok);
    std::vector<std::thread> callers;
    std::vector<LayoutResult> results(4);
    for (std::size_t t = 0; t < results.size(); ++t)
        callers.emplace_back([&, t] { results[t] = service.submit(chain(30 + t, 3)).wait(); });
    for (auto& caller : callers)
        caller.join();
    for (std::size_t t = 0; t < results.size(); ++t) {
        ASSERT_TRUE(results[t].ok) << results[t].error;
        EXPECT_EQ(results[t].nodes.size(), 30 + t);
    }
    // The same request through the service gives the same positions as before.
    const auto again = service.submit(chain(30, 3)).wait();
    ASSERT_TRUE(again.ok);
    for (std::size_t i = 0; i < again.nodes.size(); ++i)
        EXPECT_EQ(again.nodes[i].center, results[0].nodes[i].center);
}

TEST(LayoutService, ACancelledQueuedJobNeverRuns) {
    LayoutService service;
    auto first = service.submit(chain(400, 1)); // keeps the owner thread busy for a moment
    auto second = service.submit(chain(10, 1));
    second.cancel();
    EXPECT_TRUE(first.wait().ok);
    const auto& result = second.wait();
    // Either it was cancelled before starting, or the owner had already taken it; never both.
    if (result.cancelled) {
        EXPECT_FALSE(result.ok);
        EXPECT_TRUE(result.nodes.empty());
    } else {
        EXPECT_TRUE(result.ok);
    }
}

TEST(LayoutService, AJobCancelledBeforeTheOwnerIsFreeReportsCancelled) {
    LayoutService service;
    // Block the owner with a long job, so the next one is certainly still queued when cancelled.
    auto busy = service.submit(chain(2000, 1));
    auto queued = service.submit(chain(10, 1));
    queued.cancel();
    busy.wait();
    EXPECT_TRUE(queued.wait().cancelled);
}

} // namespace
} // namespace dossier::layout
