#pragma once
// Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
// guaranteeing well-connected communities") maximising modularity, on the flat CSR arrays of
// SimpleGraph. See leiden.cpp for why it is ours and not igraph's.
#include "dossier/graph/simple_graph.h"
#include "dossier/model/job_control.h"

#include <cstdint>
#include <vector>

namespace dossier::graph::detail {

struct LeidenResult {
    std::vector<int> membership; // community ids 0..count-1, in no particular order
    double modularity = 0.0;
    int iterations = 0; // Leiden iterations run (each: local moving, refinement, aggregation)
};

// Runs at most `max_iterations` Leiden iterations, each starting from the previous partition;
// stops early after an iteration in which no node (of any aggregation level) changed community.
// `beta` is the randomness of the refinement (0.01 as in the paper, igraph and leidenalg). A
// cancel stops it between iterations and between aggregation levels.
LeidenResult leiden_modularity(const SimpleGraph& g, std::uint64_t seed, int max_iterations,
                               double beta = 0.01, const CancelToken& cancel = {});

// Newman's modularity of a partition of the weighted graph (resolution 1).
double modularity(const SimpleGraph& g, const std::vector<int>& membership);

} // namespace dossier::graph::detail
