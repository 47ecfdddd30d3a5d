#pragma once
// Runs one job per source vertex on a few threads, each thread with its own state, and hands the
// states back to be merged. Sources are handed out in small batches from an atomic counter so a
// thread that drew hub vertices does not hold the others up. A cancel stops the handing out.
#include "dossier/model/job_control.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <span>
#include <thread>
#include <vector>

namespace dossier::graph::detail {

template <class State, class MakeState, class Job>
std::vector<State> for_each_source(std::span<const std::uint32_t> sources, unsigned threads,
                                   MakeState make_state, Job job, const CancelToken& cancel) {
    threads =
        std::max(1u, std::min<unsigned>(
                         threads, static_cast<unsigned>(std::max<std::size_t>(1, sources.size()))));
    std::vector<State> states;
    states.reserve(threads);
    for (unsigned t = 0; t < threads; ++t)
        states.push_back(make_state());
    std::atomic<std::size_t> next{0};
    constexpr std::size_t kBatch = 16;
    auto work = [&](State& state) {
        while (!cancel.cancelled()) {
            const std::size_t begin = next.fetch_add(kBatch);
            if (begin >= sources.size())
                return;
            const std::size_t end = std::min(sources.size(), begin + kBatch);
            for (std::size_t i = begin; i < end; ++i)
                job(state, sources[i]);
        }
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back([&, t] { work(states[t]); });
    work(states[0]);
    pool.clear(); // joins
    return states;
}

} // namespace dossier::graph::detail
