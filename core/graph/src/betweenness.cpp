// Brandes' betweenness on hop distances (U. Brandes, "A faster algorithm for betweenness
// centrality", 2001): one BFS per source, then dependencies accumulated in reverse BFS order.
// Successors are found again from the distances instead of storing predecessor lists, which keeps
// the per-thread state to five flat arrays.
#include "dossier/graph/metrics.h"
#include "parallel_sources.h"

#include <numeric>
#include <random>

namespace dossier::graph {
namespace {

struct BrandesState {
    std::vector<double> score, sigma, delta;
    std::vector<std::int32_t> distance;
    std::vector<std::uint32_t> order;

    explicit BrandesState(std::size_t n)
        : score(n, 0.0), sigma(n, 0.0), delta(n, 0.0), distance(n, -1) {
        order.reserve(n);
    }

    void accumulate_from(const SimpleGraph& g, std::uint32_t s) {
        order.clear();
        sigma[s] = 1.0;
        distance[s] = 0;
        order.push_back(s);
        for (std::size_t head = 0; head < order.size(); ++head) {
            const auto v = order[head];
            for (auto w : g.neighbours(v)) {
                if (distance[w] < 0) {
                    distance[w] = distance[v] + 1;
                    order.push_back(w);
                }
                if (distance[w] == distance[v] + 1)
                    sigma[w] += sigma[v];
            }
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const auto v = *it;
            double d = 0.0;
            for (auto w : g.neighbours(v))
                if (distance[w] == distance[v] + 1)
                    d += sigma[v] / sigma[w] * (1.0 + delta[w]);
            delta[v] = d;
            if (v != s)
                score[v] += d;
        }
        for (auto v : order) { // reset only what this source touched
            sigma[v] = 0.0;
            delta[v] = 0.0;
            distance[v] = -1;
        }
    }
};

std::vector<double> brandes(const SimpleGraph& g, std::span<const std::uint32_t> sources,
                            unsigned threads, const CancelToken& cancel) {
    const auto n = g.node_count();
    auto states = detail::for_each_source<BrandesState>(
        sources, threads, [n] { return BrandesState(n); },
        [&g](BrandesState& state, std::uint32_t s) { state.accumulate_from(g, s); }, cancel);
    std::vector<double> total(n, 0.0);
    for (const auto& state : states)
        for (std::size_t v = 0; v < n; ++v)
            total[v] += state.score[v];
    // Undirected: each pair was counted from both ends.
    for (auto& x : total)
        x /= 2.0;
    return total;
}

} // namespace

std::vector<double> betweenness_exact(const SimpleGraph& g, unsigned threads,
                                      const CancelToken& cancel) {
    std::vector<std::uint32_t> sources(g.node_count());
    std::iota(sources.begin(), sources.end(), 0u);
    return brandes(g, sources, threads, cancel);
}

std::vector<double> betweenness_sampled(const SimpleGraph& g, std::size_t samples,
                                        std::uint64_t seed, unsigned threads,
                                        const CancelToken& cancel) {
    const auto n = g.node_count();
    if (samples >= n)
        return betweenness_exact(g, threads, cancel);
    // k distinct pivots chosen uniformly (Brandes & Pich 2007); the sum over pivots scaled by
    // n / k is an unbiased estimate of the sum over all sources.
    std::vector<std::uint32_t> sources(n);
    std::iota(sources.begin(), sources.end(), 0u);
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < samples; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, n - 1);
        std::swap(sources[i], sources[pick(rng)]);
    }
    sources.resize(samples);
    auto scores = brandes(g, sources, threads, cancel);
    const double scale = static_cast<double>(n) / static_cast<double>(samples);
    for (auto& x : scores)
        x *= scale;
    return scores;
}

void normalise_betweenness(std::vector<double>& raw) {
    const double n = static_cast<double>(raw.size());
    if (raw.size() <= 2) {
        std::fill(raw.begin(), raw.end(), 0.0);
        return;
    }
    const double scale = 2.0 / ((n - 1.0) * (n - 2.0));
    for (auto& x : raw)
        x *= scale;
}

} // namespace dossier::graph
