// LayoutService runs every layout in a dossier-layout-worker process: the results are the
// in-process ones, carried through the serialised form; cancel kills a running layout; fdp
// repeats; Graphviz's messages and the worker's failures come back as results.
#include "dossier/layout/graphviz_layout.h"
#include "dossier/layout/layout_service.h"

#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace dossier::layout {
namespace {

using Clock = std::chrono::steady_clock;

LayoutRequest chain(std::size_t n, std::uint32_t seed, Engine engine = Engine::Sfdp) {
    LayoutRequest request;
    request.options.engine = engine;
    request.options.seed = seed;
    for (std::size_t i = 0; i < n; ++i)
        request.nodes.push_back({"key " + std::to_string(i), 18, 18, std::nullopt, std::nullopt});
    for (std::size_t i = 0; i + 1 < n; ++i)
        request.edges.push_back({i, i + 1, 1.0});
    return request;
}

// A random graph of n nodes and 4n edges (fixed generator seed): minutes of neato, seconds of sfdp.
LayoutRequest random_graph(std::size_t n, Engine engine) {
    LayoutRequest request = chain(n, 1, engine);
    std::mt19937 generator(42);
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    while (request.edges.size() < 4 * n)
        request.edges.push_back({pick(generator), pick(generator), 1.0});
    return request;
}

TEST(LayoutService, FindsItsWorkerAndReportsAllSixEngines) {
    LayoutService service;
    const auto check = service.plugins();
    ASSERT_TRUE(check.ok) << check.message << " (worker " << service.worker() << ")";
    for (const char* engine : {"dot", "neato", "fdp", "sfdp", "circo", "twopi"})
        EXPECT_NE(std::find(check.available.begin(), check.available.end(), engine),
                  check.available.end())
            << engine;
}

TEST(LayoutService, GivesTheSamePositionsAsAnInProcessLayoutWithTheCallersKeys) {
    LayoutService service;
    auto request = chain(25, 7, Engine::Neato);
    request.nodes[3].pinned = Point{100.5, -20.25};
    const auto through_worker = service.submit(request).wait();
    ASSERT_TRUE(through_worker.ok) << through_worker.error;
    GraphvizLayout graphviz;
    const auto in_process = graphviz.run(request);
    ASSERT_TRUE(in_process.ok) << in_process.error;
    ASSERT_EQ(through_worker.nodes.size(), in_process.nodes.size());
    for (std::size_t i = 0; i < in_process.nodes.size(); ++i) {
        EXPECT_EQ(through_worker.nodes[i].key, request.nodes[i].key);
        EXPECT_EQ(through_worker.nodes[i].center, in_process.nodes[i].center) << i;
        EXPECT_EQ(through_worker.nodes[i].width, in_process.nodes[i].width) << i;
    }
    ASSERT_EQ(through_worker.edges.size(), in_process.edges.size());
    for (std::size_t i = 0; i < in_process.edges.size(); ++i)
        EXPECT_EQ(through_worker.edges[i].points, in_process.edges[i].points) << i;
    EXPECT_EQ(through_worker.bounding_box.lower_left, in_process.bounding_box.lower_left);
    EXPECT_EQ(through_worker.bounding_box.upper_right, in_process.bounding_box.upper_right);
    EXPECT_EQ(through_worker.messages, in_process.messages);
    EXPECT_EQ(through_worker.nodes[3].center, (Point{100.5, -20.25}));
}

TEST(LayoutService, RunsJobsSubmittedFromManyThreadsOneAtATime) {
    LayoutService service;
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
    const auto again = service.submit(chain(30, 3)).wait();
    ASSERT_TRUE(again.ok);
    for (std::size_t i = 0; i < again.nodes.size(); ++i)
        EXPECT_EQ(again.nodes[i].center, results[0].nodes[i].center);
}

// fdp keeps state between layouts inside one process; a worker per layout starts it clean.
TEST(LayoutService, FdpTwiceGivesIdenticalPositions) {
    LayoutService service;
    const auto request = random_graph(60, Engine::Fdp);
    const auto first = service.submit(request).wait();
    const auto second = service.submit(request).wait();
    ASSERT_TRUE(first.ok) << first.error;
    ASSERT_TRUE(second.ok) << second.error;
    for (std::size_t i = 0; i < first.nodes.size(); ++i)
        EXPECT_EQ(first.nodes[i].center, second.nodes[i].center) << i;
    LayoutService other; // and in another service, as in another program run
    const auto third = other.submit(request).wait();
    ASSERT_TRUE(third.ok) << third.error;
    for (std::size_t i = 0; i < first.nodes.size(); ++i)
        EXPECT_EQ(first.nodes[i].center, third.nodes[i].center) << i;
}

// A layout that takes many seconds (sfdp on 30,000 nodes) stops at once when cancelled.
TEST(LayoutService, CancellingABigSfdpLayoutStopsItWithinOneSecond) {
    LayoutService service;
    std::mutex seen_mutex;
    std::vector<LayoutProgress> seen;
    auto job =
        service.submit(random_graph(30000, Engine::Sfdp), {{}, [&](const LayoutProgress& p) {
                                                               std::lock_guard lock(seen_mutex);
                                                               seen.push_back(p);
                                                           }});
    // Wait until Graphviz is running in the worker.
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    for (;;) {
        {
            std::lock_guard lock(seen_mutex);
            if (!seen.empty() && seen.back().phase == LayoutProgress::Phase::Layout)
                break;
        }
        ASSERT_LT(Clock::now(), deadline) << "the layout never started";
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_FALSE(job.ready()) << "the layout finished before it could be cancelled";
    const auto cancelled_at = Clock::now();
    service.cancel();
    const auto& result = job.wait();
    const double stop_seconds = std::chrono::duration<double>(Clock::now() - cancelled_at).count();
    EXPECT_TRUE(result.cancelled);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.nodes.empty());
    EXPECT_LT(stop_seconds, 1.0);
    std::lock_guard lock(seen_mutex);
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.front().phase, LayoutProgress::Phase::Serialise);
    EXPECT_EQ(seen.back().phase, LayoutProgress::Phase::Done);
    EXPECT_GT(seen.front().estimated_seconds, 1.0); // the cost model knows this is big
    for (std::size_t i = 1; i < seen.size(); ++i)
        EXPECT_GE(seen[i].elapsed_seconds, seen[i - 1].elapsed_seconds);

    // The service keeps working after a cancel.
    const auto after = service.submit(chain(10, 1)).wait();
    EXPECT_TRUE(after.ok) << after.error;
}

TEST(LayoutService, ProgressGoesThroughEveryPhaseAndEndsAtOne) {
    LayoutService service;
    std::vector<LayoutProgress> seen; // the callback runs on the service thread; we read after wait
    const auto result =
        service.submit(chain(50, 1), {{}, [&](const LayoutProgress& p) { seen.push_back(p); }})
            .wait();
    ASSERT_TRUE(result.ok) << result.error;
    ASSERT_GE(seen.size(), 3u);
    EXPECT_EQ(seen.front().phase, LayoutProgress::Phase::Serialise);
    EXPECT_EQ(seen.back().phase, LayoutProgress::Phase::Done);
    EXPECT_DOUBLE_EQ(seen.back().fraction, 1.0);
    bool read_back = false;
    for (const auto& p : seen) {
        read_back = read_back || p.phase == LayoutProgress::Phase::ReadBack;
        if (p.phase != LayoutProgress::Phase::Done) {
            EXPECT_LT(p.fraction, 1.0);
        }
    }
    EXPECT_TRUE(read_back);
}

TEST(LayoutService, ACancelledQueuedJobNeverRuns) {
    LayoutService service;
    auto busy = service.submit(random_graph(30000, Engine::Sfdp)); // many seconds of work
    auto queued = service.submit(chain(10, 1));
    queued.cancel();
    busy.cancel();
    EXPECT_TRUE(busy.wait().cancelled);
    const auto& result = queued.wait();
    EXPECT_TRUE(result.cancelled);
    EXPECT_NE(result.error.find("before it started"), std::string::npos) << result.error;
    EXPECT_TRUE(result.nodes.empty());
}

TEST(LayoutService, GraphvizMessagesComeBackFromTheWorker) {
    LayoutService service;
    auto request = chain(4, 1, Engine::Dot);
    request.options.splines = "wobbly"; // Graphviz warns about an unknown splines value
    const auto result = service.submit(request).wait();
    ASSERT_TRUE(result.ok) << result.error;
    bool mentions_value = false;
    for (const auto& message : result.messages)
        mentions_value = mentions_value || message.find("wobbly") != std::string::npos;
    EXPECT_TRUE(mentions_value) << (result.messages.empty() ? "" : result.messages.front());

    auto broken = chain(3, 1);
    broken.edges.push_back({0, 17, 1.0});
    const auto refused = service.submit(broken).wait();
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.error.find("out of range"), std::string::npos) << refused.error;
}

TEST(LayoutService, AMissingOrFailingWorkerIsReportedNotHidden) {
    LayoutService missing("/nonexistent/dossier-layout-worker");
    const auto check = missing.plugins();
    EXPECT_FALSE(check.ok);
    EXPECT_NE(check.message.find("/nonexistent/dossier-layout-worker"), std::string::npos)
        << check.message;
    const auto result = missing.submit(chain(3, 1)).wait();
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.error.empty());

    LayoutService failing("/bin/false"); // starts, reads nothing, exits 1
    const auto failed = failing.submit(chain(3, 1)).wait();
    EXPECT_FALSE(failed.ok);
    EXPECT_NE(failed.error.find("exit status 1"), std::string::npos) << failed.error;
}

} // namespace
} // namespace dossier::layout
