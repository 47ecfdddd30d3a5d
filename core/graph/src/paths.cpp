#include "dossier/graph/paths.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

namespace dossier::graph {
namespace {

std::vector<GraphPath> all_shortest_by_hops(const SimpleGraph& g, std::uint32_t s, std::uint32_t t,
                                            std::size_t max_paths) {
    const auto n = g.node_count();
    std::vector<std::int32_t> distance(n, -1);
    std::vector<std::uint32_t> queue{s};
    distance[s] = 0;
    for (std::size_t head = 0; head < queue.size() && distance[t] < 0; ++head) {
        const auto v = queue[head];
        for (auto w : g.neighbours(v))
            if (distance[w] < 0) {
                distance[w] = distance[v] + 1;
                queue.push_back(w);
            }
    }
    std::vector<GraphPath> paths;
    if (distance[t] < 0)
        return paths;
    // Walk back from t through neighbours one step closer to s; neighbour lists are sorted, so
    // the paths come out in a stable order.
    std::vector<std::uint32_t> reversed{t};
    std::function<void(std::uint32_t)> walk = [&](std::uint32_t v) {
        if (paths.size() >= max_paths)
            return;
        if (v == s) {
            GraphPath p;
            for (auto it = reversed.rbegin(); it != reversed.rend(); ++it)
                p.vertices.push_back(*it);
            p.cost = static_cast<double>(p.vertices.size() - 1);
            paths.push_back(std::move(p));
            return;
        }
        for (auto u : g.neighbours(v))
            if (distance[u] >= 0 && distance[u] == distance[v] - 1) {
                reversed.push_back(u);
                walk(u);
                reversed.pop_back();
            }
    };
    walk(t);
    return paths;
}

std::vector<GraphPath> cheapest_by_weight(const SimpleGraph& g, std::uint32_t s, std::uint32_t t) {
    const auto n = g.node_count();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<double> cost(n, kInf);
    std::vector<std::uint32_t> previous(n, kNone);
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    cost[s] = 0.0;
    heap.push({0.0, s});
    while (!heap.empty()) {
        auto [c, v] = heap.top();
        heap.pop();
        if (c > cost[v])
            continue;
        if (v == t)
            break;
        auto targets = g.neighbours(v);
        auto weights = g.neighbour_weights(v);
        for (std::size_t i = 0; i < targets.size(); ++i) {
            // Strength w becomes length 1/w; a non-positive weight would mean "no link".
            if (weights[i] <= 0.0)
                continue;
            const double next = c + 1.0 / weights[i];
            if (next < cost[targets[i]]) {
                cost[targets[i]] = next;
                previous[targets[i]] = v;
                heap.push({next, targets[i]});
            }
        }
    }
    if (cost[t] == kInf)
        return {};
    GraphPath p;
    for (auto v = t; v != kNone; v = previous[v])
        p.vertices.push_back(v);
    std::reverse(p.vertices.begin(), p.vertices.end());
    p.cost = cost[t];
    return {std::move(p)};
}

} // namespace

std::vector<GraphPath> shortest_paths(const GraphSnapshot& snapshot, Vertex source, Vertex target,
                                      const PathQuery& query) {
    const auto& g = snapshot.simple();
    if (source >= g.node_count() || target >= g.node_count())
        return {};
    const auto s = static_cast<std::uint32_t>(source), t = static_cast<std::uint32_t>(target);
    auto paths = query.mode == PathMode::Hops
                     ? all_shortest_by_hops(g, s, t, std::max<std::size_t>(1, query.max_paths))
                     : cheapest_by_weight(g, s, t);
    for (auto& p : paths)
        for (std::size_t i = 0; i + 1 < p.vertices.size(); ++i)
            p.hops.push_back({p.vertices[i], p.vertices[i + 1],
                              snapshot.edges_between(p.vertices[i], p.vertices[i + 1])});
    return paths;
}

std::vector<Vertex> ego_vertices(const SimpleGraph& g, const std::vector<Vertex>& centres,
                                 int hops) {
    const auto n = g.node_count();
    std::vector<std::int32_t> distance(n, -1);
    std::vector<std::uint32_t> queue;
    for (auto c : centres)
        if (c < n && distance[c] < 0) {
            distance[c] = 0;
            queue.push_back(static_cast<std::uint32_t>(c));
        }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const auto v = queue[head];
        if (distance[v] >= hops)
            continue;
        for (auto w : g.neighbours(v))
            if (distance[w] < 0) {
                distance[w] = distance[v] + 1;
                queue.push_back(w);
            }
    }
    std::vector<Vertex> out(queue.begin(), queue.end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace dossier::graph
