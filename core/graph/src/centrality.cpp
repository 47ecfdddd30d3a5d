// Degree, closeness, PageRank and eigenvector centrality on the simple view. The iterative ones
// follow networkx's definitions (pagerank_python, eigenvector_centrality, closeness_centrality
// with wf_improved) so that values can be checked against it.
#include "dossier/graph/metrics.h"
#include "parallel_sources.h"

#include <cmath>
#include <numeric>
#include <random>

namespace dossier::graph {

std::vector<double> degree_centrality(const SimpleGraph& g) {
    std::vector<double> out(g.node_count());
    for (std::uint32_t v = 0; v < out.size(); ++v)
        out[v] = g.degree(v);
    return out;
}

std::vector<double> weighted_degree(const SimpleGraph& g) {
    std::vector<double> out(g.node_count());
    for (std::uint32_t v = 0; v < out.size(); ++v) {
        auto w = g.neighbour_weights(v);
        out[v] = std::accumulate(w.begin(), w.end(), 0.0);
    }
    return out;
}

namespace {
struct ClosenessState {
    std::vector<double> closeness;
    std::vector<std::int32_t> distance;
    std::vector<std::uint32_t> queue;
    explicit ClosenessState(std::size_t n) : closeness(n, 0.0), distance(n, -1) {
        queue.reserve(n);
    }
};
} // namespace

std::vector<double> closeness_centrality(const SimpleGraph& g, unsigned threads,
                                         const CancelToken& cancel) {
    const auto n = g.node_count();
    std::vector<std::uint32_t> sources(n);
    std::iota(sources.begin(), sources.end(), 0u);
    auto states = detail::for_each_source<ClosenessState>(
        sources, threads, [n] { return ClosenessState(n); },
        [&g, n](ClosenessState& st, std::uint32_t s) {
            st.queue.clear();
            st.queue.push_back(s);
            st.distance[s] = 0;
            double total = 0.0;
            for (std::size_t head = 0; head < st.queue.size(); ++head) {
                const auto v = st.queue[head];
                total += st.distance[v];
                for (auto w : g.neighbours(v))
                    if (st.distance[w] < 0) {
                        st.distance[w] = st.distance[v] + 1;
                        st.queue.push_back(w);
                    }
            }
            const double reached = static_cast<double>(st.queue.size()) - 1.0;
            if (total > 0.0 && n > 1)
                // (r-1)/sum of distances, scaled by the share of the graph reached
                // (Wasserman & Faust), as networkx does with wf_improved=True.
                st.closeness[s] = reached / total * (reached / static_cast<double>(n - 1));
            for (auto v : st.queue)
                st.distance[v] = -1;
        },
        cancel);
    std::vector<double> out(n, 0.0);
    for (const auto& st : states)
        for (std::size_t v = 0; v < n; ++v)
            out[v] += st.closeness[v];
    return out;
}

namespace {
struct PivotDistances {
    std::vector<double> distance_sum; // over the pivots that reach the node
    std::vector<std::uint32_t> pivots_reaching;
    std::vector<std::int32_t> distance;
    std::vector<std::uint32_t> queue;
    explicit PivotDistances(std::size_t n)
        : distance_sum(n, 0.0), pivots_reaching(n, 0), distance(n, -1) {
        queue.reserve(n);
    }
};

// Hop distances from `s` into st.distance, reached nodes into st.queue (s first).
void breadth_first(const SimpleGraph& g, std::uint32_t s, PivotDistances& st) {
    st.queue.clear();
    st.queue.push_back(s);
    st.distance[s] = 0;
    for (std::size_t head = 0; head < st.queue.size(); ++head) {
        const auto v = st.queue[head];
        for (auto w : g.neighbours(v))
            if (st.distance[w] < 0) {
                st.distance[w] = st.distance[v] + 1;
                st.queue.push_back(w);
            }
    }
}
} // namespace

std::vector<double> closeness_sampled(const SimpleGraph& g, std::size_t samples, std::uint64_t seed,
                                      unsigned threads, const CancelToken& cancel) {
    const auto n = g.node_count();
    if (samples >= n)
        return closeness_centrality(g, threads, cancel);
    std::vector<std::uint32_t> pivots(n);
    std::iota(pivots.begin(), pivots.end(), 0u);
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < samples; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, n - 1);
        std::swap(pivots[i], pivots[pick(rng)]);
    }
    pivots.resize(samples);
    auto states = detail::for_each_source<PivotDistances>(
        pivots, threads, [n] { return PivotDistances(n); },
        [&g](PivotDistances& st, std::uint32_t p) {
            breadth_first(g, p, st);
            for (auto v : st.queue) {
                if (v != p) {
                    st.distance_sum[v] += st.distance[v];
                    ++st.pivots_reaching[v];
                }
            }
            for (auto v : st.queue)
                st.distance[v] = -1;
        },
        cancel);
    if (cancel.cancelled())
        return std::vector<double>(n, 0.0); // the exact sums below would be a second long loop
    for (std::size_t t = 1; t < states.size(); ++t)
        for (std::size_t v = 0; v < n; ++v) {
            states[0].distance_sum[v] += states[t].distance_sum[v];
            states[0].pivots_reaching[v] += states[t].pivots_reaching[v];
        }
    auto& merged = states.front();
    const auto component = connected_components(g);
    std::vector<double> component_size;
    for (auto c : component) {
        if (static_cast<std::size_t>(c) >= component_size.size())
            component_size.resize(static_cast<std::size_t>(c) + 1, 0.0);
        component_size[static_cast<std::size_t>(c)] += 1.0;
    }
    std::vector<double> out(n, 0.0);
    for (std::uint32_t v = 0; v < n; ++v) {
        const double reached = component_size[static_cast<std::size_t>(component[v])] - 1.0;
        if (reached <= 0.0)
            continue;
        double total = 0.0;
        if (merged.pivots_reaching[v] > 0) {
            total = reached * merged.distance_sum[v] / merged.pivots_reaching[v];
        } else {
            // No pivot in this (small, in all likelihood) component: its exact sum.
            breadth_first(g, v, merged);
            for (auto w : merged.queue) {
                total += merged.distance[w];
                merged.distance[w] = -1;
            }
        }
        out[v] = reached / total * (reached / static_cast<double>(n - 1));
    }
    return out;
}

std::vector<double> pagerank(const SimpleGraph& g, double alpha, double tolerance,
                             int max_iterations, const CancelToken& cancel) {
    const auto n = g.node_count();
    if (n == 0)
        return {};
    const double nd = static_cast<double>(n);
    const auto strength = weighted_degree(g);
    std::vector<double> x(n, 1.0 / nd), next(n);
    for (int iteration = 0; iteration < max_iterations && !cancel.cancelled(); ++iteration) {
        // Rank of nodes without edges is spread over every node, as networkx does by default.
        double dangling = 0.0;
        for (std::size_t v = 0; v < n; ++v)
            if (strength[v] <= 0.0)
                dangling += x[v];
        const double base = (alpha * dangling + (1.0 - alpha)) / nd;
        std::fill(next.begin(), next.end(), base);
        for (std::uint32_t v = 0; v < n; ++v) {
            if (strength[v] <= 0.0)
                continue;
            const double share = alpha * x[v] / strength[v];
            auto targets = g.neighbours(v);
            auto weights = g.neighbour_weights(v);
            for (std::size_t i = 0; i < targets.size(); ++i)
                next[targets[i]] += share * weights[i];
        }
        double change = 0.0;
        for (std::size_t v = 0; v < n; ++v)
            change += std::abs(next[v] - x[v]);
        x.swap(next);
        if (change < nd * tolerance)
            break;
    }
    return x;
}

std::vector<double> eigenvector_centrality(const SimpleGraph& g, double tolerance,
                                           int max_iterations, const CancelToken& cancel) {
    const auto n = g.node_count();
    if (n == 0)
        return {};
    const double nd = static_cast<double>(n);
    std::vector<double> x(n, 1.0 / nd), next(n);
    for (int iteration = 0; iteration < max_iterations && !cancel.cancelled(); ++iteration) {
        // Power iteration on (A + I): same leading eigenvector as A, but it also converges on
        // bipartite graphs, where A alone oscillates.
        next = x;
        for (std::uint32_t v = 0; v < n; ++v) {
            auto targets = g.neighbours(v);
            auto weights = g.neighbour_weights(v);
            for (std::size_t i = 0; i < targets.size(); ++i)
                next[targets[i]] += x[v] * weights[i];
        }
        double norm = 0.0;
        for (double value : next)
            norm += value * value;
        norm = std::sqrt(norm);
        if (norm <= 0.0)
            return std::vector<double>(n, 0.0);
        double change = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            next[v] /= norm;
            change += std::abs(next[v] - x[v]);
        }
        x.swap(next);
        if (change < nd * tolerance)
            break;
    }
    return x;
}

} // namespace dossier::graph
