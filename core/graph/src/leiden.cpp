// Leiden for modularity on CSR arrays.
//
// Why not igraph_community_leiden: on the 50,000-node, 500,000-relation benchmark graph one
// igraph Leiden iteration took 1.7 s (the target for communities is 1 s), and igraph 0.10.2
// (Debian) stops "iterate until stable" (n_iterations < 0) after the first iteration that
// changed anything, so that one iteration was all it ever ran (igraph issue #2798, fixed in
// 2025). A profile put 60% of its time in the incidence loop of its local moving, where each
// incidence goes edge id -> from/to arrays -> weight array, and 17% in sorting edges to rebuild
// an igraph_t at every aggregation level. The same algorithm on contiguous neighbour and weight
// arrays does one iteration in about a third of the time (docs/PERFORMANCE.md, "Graph core").
// igraph's Leiden stays available as CommunityAlgorithm::LeidenIgraph, the reference in tests
// and in the benchmark.
//
// One iteration, as in the paper: (1) fast local moving of nodes (a queue; only neighbours of
// moved nodes are visited again), (2) refinement: inside each community, nodes start alone and
// merge into well-connected sub-communities, the target chosen at random with probability
// proportional to exp(gain / beta) among the non-negative gains, (3) aggregation of the refined
// sub-communities into nodes, the community of each aggregate node taken from (1). Levels repeat
// until local moving leaves every node in its own community. Modularity is the quality with node
// weights = strengths and resolution 1 / (2m).
#include "leiden.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <span>

namespace dossier::graph::detail {
namespace {

// One aggregation level: a weighted undirected graph in CSR form without self loops (weight
// inside an aggregate node does not change any move's gain) and the node weights (strengths in
// the original graph, summed over the node's members).
struct Level {
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    std::vector<double> node_weight;
    std::uint32_t size() const { return static_cast<std::uint32_t>(node_weight.size()); }
};

// Edge weight from one node to each community, with the list of communities touched so that
// resetting costs the node's degree, not the number of communities.
// add() has no branch: neighbours' communities come in random order, and a mispredicted
// "first time?" test per incidence was most of the local moving's cost.
class WeightsToCommunities {
public:
    explicit WeightsToCommunities(std::size_t n) : weight_(n, 0.0), seen_(n, 0), touched_(n + 1) {}
    void add(std::uint32_t c, double w) {
        touched_[count_] = c;
        count_ += 1u - seen_[c];
        seen_[c] = 1;
        weight_[c] += w;
    }
    double operator[](std::uint32_t c) const { return weight_[c]; }
    std::span<const std::uint32_t> touched() const { return {touched_.data(), count_}; }
    void clear() {
        for (auto c : touched()) {
            weight_[c] = 0.0;
            seen_[c] = 0;
        }
        count_ = 0;
    }

private:
    std::vector<double> weight_;
    std::vector<std::uint8_t> seen_;
    std::vector<std::uint32_t> touched_;
    std::uint32_t count_ = 0;
};

// Renumbers labels to 0..count-1 in order of first appearance; returns count.
std::uint32_t renumber(std::vector<std::uint32_t>& labels) {
    std::vector<std::uint32_t> new_label(labels.size(), ~std::uint32_t{0});
    std::uint32_t count = 0;
    for (auto& l : labels) {
        if (new_label[l] == ~std::uint32_t{0})
            new_label[l] = count++;
        l = new_label[l];
    }
    return count;
}

// (1) Moves nodes to the neighbouring community (or an empty one) with the largest modularity
// gain until no move helps. Returns whether any node moved.
bool move_nodes(const Level& g, std::vector<std::uint32_t>& community, double resolution,
                std::mt19937_64& rng) {
    const auto n = g.size();
    std::vector<double> community_weight(n, 0.0);
    std::vector<std::uint32_t> community_size(n, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        community_weight[community[v]] += g.node_weight[v];
        ++community_size[community[v]];
    }
    std::vector<std::uint32_t> empty;
    for (std::uint32_t c = 0; c < n; ++c)
        if (community_size[c] == 0)
            empty.push_back(c);

    // A ring buffer holds each node at most once: every node in random order at first, then
    // the neighbours of moved nodes that are not already waiting.
    std::vector<std::uint32_t> queue(n);
    std::iota(queue.begin(), queue.end(), 0u);
    std::shuffle(queue.begin(), queue.end(), rng);
    std::vector<char> queued(n, 1);
    std::size_t head = 0, waiting = n;

    WeightsToCommunities to(n);
    bool moved = false;
    while (waiting > 0) {
        const auto v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --waiting;
        queued[v] = 0;

        const auto current = community[v];
        const double kv = g.node_weight[v];
        community_weight[current] -= kv;
        if (--community_size[current] == 0)
            empty.push_back(current);
        for (auto i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
            to.add(community[g.targets[i]], g.weights[i]);

        // Staying wins ties, so that the queue drains.
        auto best = current;
        double best_gain = to[current] - resolution * kv * community_weight[current];
        for (auto c : to.touched()) {
            const double gain = to[c] - resolution * kv * community_weight[c];
            if (gain > best_gain) {
                best_gain = gain;
                best = c;
            }
        }
        if (best_gain < 0.0 && !empty.empty()) {
            best = empty.back(); // alone: gain 0
            best_gain = 0.0;
        }
        to.clear();

        community_weight[best] += kv;
        if (community_size[best]++ == 0)
            empty.pop_back(); // `best` is the top: either `current` just emptied or the pick above
        if (best != current) {
            community[v] = best;
            moved = true;
            for (auto i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
                const auto u = g.targets[i];
                if (!queued[u] && community[u] != best) {
                    queued[u] = 1;
                    queue[(head + waiting) % n] = u;
                    ++waiting;
                }
            }
        }
    }
    return moved;
}

// (2) Splits each community into well-connected sub-communities. `community` is numbered
// 0..count-1. Returns the sub-community of each node, numbered 0..size-1.
std::vector<std::uint32_t> refine(const Level& g, const std::vector<std::uint32_t>& community,
                                  std::uint32_t count, double resolution, double beta,
                                  std::mt19937_64& rng) {
    const auto n = g.size();
    std::vector<std::uint32_t> sub(n);
    std::iota(sub.begin(), sub.end(), 0u); // every node alone, sub-community id = node id
    std::vector<double> sub_weight(g.node_weight);
    std::vector<std::uint32_t> sub_size(n, 1);
    std::vector<double> community_weight(count, 0.0);
    // Weight from each sub-community to the rest of its community: a sub-community (or a node)
    // is well connected when this is at least resolution * K_sub * (K_community - K_sub).
    std::vector<double> outside(n, 0.0);
    for (std::uint32_t v = 0; v < n; ++v) {
        community_weight[community[v]] += g.node_weight[v];
        for (auto i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
            if (community[g.targets[i]] == community[v])
                outside[v] += g.weights[i];
    }
    auto well_connected = [&](std::uint32_t s, std::uint32_t c) {
        return outside[s] >= resolution * sub_weight[s] * (community_weight[c] - sub_weight[s]);
    };

    // Nodes in random order; the communities are independent, so one order over all serves.
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), rng);

    WeightsToCommunities to(n);
    std::vector<std::uint32_t> candidates;
    std::vector<double> gains, cumulative;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (auto v : order) {
        const auto c = community[v];
        // Only nodes still alone and well connected to their community move.
        if (sub_size[sub[v]] != 1 || !well_connected(sub[v], c))
            continue;
        for (auto i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
            if (community[g.targets[i]] == c)
                to.add(sub[g.targets[i]], g.weights[i]);
        const auto own = sub[v];
        const double kv = g.node_weight[v];
        sub_weight[own] = 0.0;
        // Candidates: well-connected sub-communities of the same community with a non-negative
        // gain, and staying alone (gain 0).
        candidates.assign(1, own);
        gains.assign(1, 0.0);
        double best_gain = 0.0;
        for (auto s : to.touched()) {
            if (s == own || !well_connected(s, c))
                continue;
            const double gain = to[s] - resolution * kv * sub_weight[s];
            if (gain < 0.0)
                continue;
            candidates.push_back(s);
            gains.push_back(gain);
            best_gain = std::max(best_gain, gain);
        }
        // Probability proportional to exp(gain / beta), computed relative to the best gain so
        // that it cannot overflow.
        cumulative.resize(candidates.size());
        double total = 0.0;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            total += std::exp((gains[i] - best_gain) / beta);
            cumulative[i] = total;
        }
        const double pick = unit(rng) * total;
        const auto chosen = candidates[static_cast<std::size_t>(std::min<std::ptrdiff_t>(
            std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin(),
            static_cast<std::ptrdiff_t>(candidates.size()) - 1))];
        if (chosen == own) {
            sub_weight[own] = kv;
        } else {
            sub[v] = chosen;
            sub_weight[chosen] += kv;
            --sub_size[own];
            ++sub_size[chosen];
            // Edges between v and `chosen` are now inside; the rest of v's count toward outside.
            outside[chosen] += outside[own] - 2.0 * to[chosen];
        }
        to.clear();
    }
    renumber(sub);
    return sub;
}

// (3) One node per sub-community; parallel edges summed, edges inside a sub-community dropped.
Level aggregate(const Level& g, const std::vector<std::uint32_t>& sub, std::uint32_t count) {
    const auto n = g.size();
    std::vector<std::uint32_t> start(count + 1, 0), members(n);
    for (auto s : sub)
        ++start[s + 1];
    for (std::uint32_t s = 0; s < count; ++s)
        start[s + 1] += start[s];
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::uint32_t v = 0; v < n; ++v)
            members[fill[sub[v]]++] = v;
    }
    Level out;
    out.node_weight.assign(count, 0.0);
    out.offsets.reserve(count + 1);
    WeightsToCommunities to(count);
    for (std::uint32_t s = 0; s < count; ++s) {
        for (auto k = start[s]; k < start[s + 1]; ++k) {
            const auto v = members[k];
            out.node_weight[s] += g.node_weight[v];
            for (auto i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
                if (sub[g.targets[i]] != s)
                    to.add(sub[g.targets[i]], g.weights[i]);
        }
        for (auto t : to.touched()) {
            out.targets.push_back(t);
            out.weights.push_back(to[t]);
        }
        out.offsets.push_back(static_cast<std::uint32_t>(out.targets.size()));
        to.clear();
    }
    return out;
}

// One Leiden iteration from `membership` (a partition of level 0, updated in place). Returns
// whether any node of any level moved.
bool iterate(const Level& base, std::vector<std::uint32_t>& membership, double resolution,
             double beta, std::mt19937_64& rng, const CancelToken& cancel) {
    const auto n = base.size();
    std::vector<std::uint32_t> node_of(n); // original node -> node of the current level
    std::iota(node_of.begin(), node_of.end(), 0u);
    std::vector<std::uint32_t> community = membership;
    renumber(community);
    Level aggregated;
    const Level* g = &base;
    bool moved = false;
    for (;;) {
        moved = move_nodes(*g, community, resolution, rng) || moved;
        const auto count = renumber(community);
        if (count == g->size() || cancel.cancelled())
            break; // every node its own community: nothing left to aggregate
        auto sub = refine(*g, community, count, resolution, beta, rng);
        auto sub_count = *std::max_element(sub.begin(), sub.end()) + 1;
        if (sub_count == g->size()) {
            // Refinement merged nothing: aggregate by the communities themselves (as igraph does).
            sub = community;
            sub_count = count;
        }
        std::vector<std::uint32_t> next_community(sub_count);
        for (std::uint32_t v = 0; v < g->size(); ++v)
            next_community[sub[v]] = community[v];
        for (auto& x : node_of)
            x = sub[x];
        aggregated = aggregate(*g, sub, sub_count);
        g = &aggregated;
        community = std::move(next_community);
    }
    for (std::uint32_t v = 0; v < n; ++v)
        membership[v] = community[node_of[v]];
    renumber(membership);
    return moved;
}

} // namespace

LeidenResult leiden_modularity(const SimpleGraph& g, std::uint64_t seed, int max_iterations,
                               double beta, const CancelToken& cancel) {
    const auto n = static_cast<std::uint32_t>(g.node_count());
    LeidenResult result;
    Level base;
    base.offsets = g.offsets;
    base.targets = g.targets;
    base.weights = g.weights;
    base.node_weight.assign(n, 0.0);
    double total = 0.0;
    for (std::uint32_t v = 0; v < n; ++v) {
        for (double w : g.neighbour_weights(v))
            base.node_weight[v] += w;
        total += base.node_weight[v];
    }
    std::vector<std::uint32_t> membership(n);
    std::iota(membership.begin(), membership.end(), 0u);
    if (n > 0 && total > 0.0) {
        std::mt19937_64 rng(seed);
        while (result.iterations < max_iterations && !cancel.cancelled()) {
            ++result.iterations;
            if (!iterate(base, membership, 1.0 / total, beta, rng, cancel))
                break;
        }
    }
    result.membership.assign(membership.begin(), membership.end());
    result.modularity = modularity(g, result.membership);
    return result;
}

double modularity(const SimpleGraph& g, const std::vector<int>& membership) {
    const auto n = g.node_count();
    if (n == 0)
        return 0.0;
    const auto count =
        static_cast<std::size_t>(*std::max_element(membership.begin(), membership.end()) + 1);
    std::vector<double> inside(count, 0.0), strength(count, 0.0);
    double total = 0.0;
    for (std::uint32_t v = 0; v < n; ++v) {
        const auto c = static_cast<std::size_t>(membership[v]);
        auto targets = g.neighbours(v);
        auto weights = g.neighbour_weights(v);
        for (std::size_t i = 0; i < targets.size(); ++i) {
            strength[c] += weights[i];
            if (membership[targets[i]] == membership[v])
                inside[c] += weights[i];
        }
    }
    for (double s : strength)
        total += s;
    if (total == 0.0)
        return 0.0;
    double q = 0.0;
    for (std::size_t c = 0; c < count; ++c)
        q += inside[c] / total - (strength[c] / total) * (strength[c] / total);
    return q;
}

} // namespace dossier::graph::detail
