#pragma once
// The collapsed weighted simple undirected view that metrics and paths run on, in compressed
// sparse row form: neighbours of v are targets[offsets[v] .. offsets[v+1]), each undirected
// edge stored in both directions, no self loops, weights summed over the pair's relations.
#include <cstdint>
#include <span>
#include <vector>

namespace dossier::graph {

struct SimpleGraph {
    std::vector<std::uint32_t> offsets; // size n + 1
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;

    std::size_t node_count() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::size_t edge_count() const { return targets.size() / 2; } // undirected pairs
    std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
        return {targets.data() + offsets[v], targets.data() + offsets[v + 1]};
    }
    std::span<const double> neighbour_weights(std::uint32_t v) const {
        return {weights.data() + offsets[v], weights.data() + offsets[v + 1]};
    }
    std::uint32_t degree(std::uint32_t v) const { return offsets[v + 1] - offsets[v]; }

    struct WeightedPair {
        std::uint32_t a = 0;
        std::uint32_t b = 0;
        double weight = 1.0;
    };
    // Collapses pairs (either orientation) by summing weights; drops self loops.
    static SimpleGraph from_pairs(std::size_t node_count, std::vector<WeightedPair> pairs);
};

} // namespace dossier::graph
