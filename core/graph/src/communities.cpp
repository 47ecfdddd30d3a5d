// Communities by modularity, weighted by the collapsed edge weights: our Leiden (leiden.cpp, the
// default), or igraph's Louvain (igraph_community_multilevel) and Leiden (igraph_community_leiden,
// modularity objective; the reference). igraph keeps process-wide state (its random generator and
// error handler), so igraph calls are serialised and the generator is seeded for reproducible
// results.
#include "dossier/graph/metrics.h"
#include "group_labels.h"
#include "leiden.h"

#include <algorithm>
#include <igraph/igraph.h>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>

namespace dossier::graph {
namespace {

// Leiden iterations, each starting from the previous partition. Graphs of up to 100,000 linked
// pairs (milliseconds per iteration) iterate until an iteration changes nothing, at most 10
// times; larger ones get one iteration, like igraph 0.10.2 in practice: on the 50k/500k
// benchmark graph a second iteration raises modularity from 0.2615 to 0.2686 but costs 75% more
// time, which on this shared two-core machine takes communities past the 1 s target
// (docs/PERFORMANCE.md, "Graph core").
int leiden_iterations(const SimpleGraph& g) {
    return g.edge_count() <= 100'000 ? 10 : 1;
}

std::mutex& igraph_mutex() {
    static std::mutex m;
    return m;
}

void check(igraph_error_t rc, const char* what) {
    if (rc != IGRAPH_SUCCESS)
        throw std::runtime_error(std::string("community detection: ") + what +
                                 " failed: " + igraph_strerror(rc));
}

// Owns an igraph object for the length of a scope.
template <class T, void (*Destroy)(T*)> struct IgraphOwner {
    T value;
    bool live = false;
    ~IgraphOwner() {
        if (live)
            Destroy(&value);
    }
};

} // namespace

Communities modularity_communities(const SimpleGraph& g, CommunityAlgorithm algorithm,
                                   std::uint64_t seed, const CancelToken& cancel) {
    Communities result;
    const auto n = g.node_count();
    result.membership.assign(n, 0);
    if (n == 0)
        return result;
    if (g.edge_count() == 0) {
        // Modularity is undefined without edges; every node is its own community.
        std::iota(result.membership.begin(), result.membership.end(), 0);
        result.count = n;
        return result;
    }

    if (algorithm == CommunityAlgorithm::Leiden) {
        auto leiden = detail::leiden_modularity(g, seed, leiden_iterations(g), 0.01, cancel);
        result.membership = std::move(leiden.membership);
        result.modularity = leiden.modularity;
        detail::relabel_by_size(result.membership);
        result.count = static_cast<std::size_t>(
            *std::max_element(result.membership.begin(), result.membership.end()) + 1);
        return result;
    }

    std::lock_guard lock(igraph_mutex());
    igraph_set_error_handler(igraph_error_handler_ignore); // errors come back as return codes
    igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed));

    IgraphOwner<igraph_vector_int_t, igraph_vector_int_destroy> edges;
    check(igraph_vector_int_init(&edges.value, static_cast<igraph_integer_t>(g.edge_count() * 2)),
          "allocation");
    edges.live = true;
    IgraphOwner<igraph_vector_t, igraph_vector_destroy> weights;
    check(igraph_vector_init(&weights.value, static_cast<igraph_integer_t>(g.edge_count())),
          "allocation");
    weights.live = true;
    igraph_integer_t e = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        auto targets = g.neighbours(v);
        auto w = g.neighbour_weights(v);
        for (std::size_t i = 0; i < targets.size(); ++i)
            if (v < targets[i]) {
                VECTOR(edges.value)[2 * e] = v;
                VECTOR(edges.value)[2 * e + 1] = targets[i];
                VECTOR(weights.value)[e] = w[i];
                ++e;
            }
    }
    IgraphOwner<igraph_t, igraph_destroy> graph;
    check(igraph_create(&graph.value, &edges.value, static_cast<igraph_integer_t>(n),
                        IGRAPH_UNDIRECTED),
          "building the graph");
    graph.live = true;
    IgraphOwner<igraph_vector_int_t, igraph_vector_int_destroy> membership;
    check(igraph_vector_int_init(&membership.value, 0), "allocation");
    membership.live = true;
    if (algorithm == CommunityAlgorithm::Louvain) {
        check(igraph_community_multilevel(&graph.value, &weights.value, 1.0, &membership.value,
                                          nullptr, nullptr),
              "Louvain");
    } else {
        // Leiden with the modularity objective: node weights are strengths and the resolution is
        // 1 / (2m) (igraph's documentation). n_iterations = -1 means "until stable", but igraph
        // 0.10.2 stops after the first iteration that changed something (igraph issue #2798),
        // so this runs one iteration.
        IgraphOwner<igraph_vector_t, igraph_vector_destroy> strength;
        check(igraph_vector_init(&strength.value, static_cast<igraph_integer_t>(n)), "allocation");
        strength.live = true;
        double total = 0;
        for (std::uint32_t v = 0; v < n; ++v) {
            double sum = 0;
            for (double x : g.neighbour_weights(v))
                sum += x;
            VECTOR(strength.value)[v] = sum;
            total += sum;
        }
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0;
        check(igraph_community_leiden(&graph.value, &weights.value, &strength.value, 1.0 / total,
                                      0.01, false, -1, &membership.value, &clusters, &quality),
              "Leiden");
    }
    igraph_real_t modularity = 0;
    check(igraph_modularity(&graph.value, &membership.value, &weights.value, 1.0, IGRAPH_UNDIRECTED,
                            &modularity),
          "modularity");

    for (std::size_t v = 0; v < n; ++v)
        result.membership[v] =
            static_cast<int>(VECTOR(membership.value)[static_cast<igraph_integer_t>(v)]);
    detail::relabel_by_size(result.membership);
    result.modularity = modularity;
    result.count = static_cast<std::size_t>(
        *std::max_element(result.membership.begin(), result.membership.end()) + 1);
    return result;
}

} // namespace dossier::graph
