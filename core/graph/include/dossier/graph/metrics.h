#pragma once
// Per-node metrics of a snapshot, as vectors indexed by vertex. All run on the collapsed simple
// undirected view (GraphSnapshot::simple()) except in/out degree, which count the directed
// relations of the multigraph.
#include "dossier/graph/graph_snapshot.h"
#include "dossier/model/job_control.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::graph {

enum class Metric {
    Degree,         // distinct neighbours
    WeightedDegree, // sum of collapsed edge weights
    InDegree,       // directed relations ending here
    OutDegree,      // directed relations starting here
    Betweenness,    // normalised like networkx: 2 / ((n-1)(n-2)) on undirected hop paths
    Closeness,      // hop distances; Wasserman-Faust scaling for disconnected graphs (networkx)
    PageRank,       // alpha 0.85, weighted, dangling mass spread uniformly
    Eigenvector,    // weighted, Euclidean norm 1
    Component,      // connected component id, 0 = largest
    CoreNumber,     // k-core number
    Community,      // Leiden (modularity), weighted; 0 = largest community
};

std::string_view to_string(Metric metric);
std::optional<Metric> parse_metric(std::string_view name);
const std::vector<Metric>& all_metrics();

struct BetweennessOptions {
    // Above this many nodes the estimate from `samples` random source pivots (scaled by n/k) is
    // used instead of exact Brandes. 0 means always exact.
    std::size_t exact_limit = 20000;
    std::size_t samples = 1000;
    unsigned threads = 2;
    std::uint64_t seed = 1;
};

// Exact closeness runs one BFS per node (n * m); above `exact_limit` nodes it is estimated from
// `samples` random pivots instead (closeness_sampled). 0 means always exact.
struct ClosenessOptions {
    std::size_t exact_limit = 20000;
    std::size_t samples = 1000;
    std::uint64_t seed = 1;
};

struct MetricOptions {
    BetweennessOptions betweenness; // its thread count is used by closeness too
    ClosenessOptions closeness;
    double pagerank_alpha = 0.85;
    std::uint64_t community_seed =
        1; // Leiden visits nodes in random order; fixed for reproducibility
};

struct MetricResult {
    std::vector<double> degree, weighted_degree, in_degree, out_degree, betweenness, closeness,
        pagerank, eigenvector;
    std::vector<int> component, core_number, community;
    std::optional<double> modularity; // when communities were computed
    bool betweenness_sampled = false; // the estimate was used
    std::size_t betweenness_samples = 0;
    bool closeness_sampled = false; // the estimate was used
    std::size_t closeness_samples = 0;
    bool cancelled = false; // then nothing else is filled in

    bool has(Metric metric) const;
    // The metric as doubles (integers converted); empty when not computed.
    std::vector<double> values(Metric metric) const;
};

// Progress (on the calling thread) counts the metrics asked for, the stage naming the one being
// computed. A cancel is checked between metrics and in the outer loops of the long ones
// (betweenness, closeness, PageRank, eigenvector, Leiden); a cancelled result holds no values.
MetricResult compute_metrics(const GraphSnapshot& snapshot, const std::vector<Metric>& which,
                             const MetricOptions& options = {}, const JobControl& control = {});

// The single metrics, for callers that need one (and for tests against reference values). Those
// that take a CancelToken stop early when it is cancelled; their values then mean nothing.
std::vector<double> degree_centrality(const SimpleGraph& g);
std::vector<double> weighted_degree(const SimpleGraph& g);
// Raw Brandes scores (each unordered pair once), exact, parallel over sources.
std::vector<double> betweenness_exact(const SimpleGraph& g, unsigned threads = 2,
                                      const CancelToken& cancel = {});
// Raw scores estimated from `samples` random sources, scaled by n / samples.
std::vector<double> betweenness_sampled(const SimpleGraph& g, std::size_t samples,
                                        std::uint64_t seed, unsigned threads = 2,
                                        const CancelToken& cancel = {});
void normalise_betweenness(std::vector<double>& raw); // networkx's undirected normalisation
std::vector<double> closeness_centrality(const SimpleGraph& g, unsigned threads = 2,
                                         const CancelToken& cancel = {});
// Closeness estimated from `samples` random pivots (Eppstein & Wang 2004): a node's sum of
// distances is its number of reachable nodes times its mean distance to the pivots that reach it;
// the reachable count is exact (component sizes). Nodes whose component holds no pivot get their
// exact value. Error against exact: docs/PERFORMANCE.md and the test that measures it.
std::vector<double> closeness_sampled(const SimpleGraph& g, std::size_t samples, std::uint64_t seed,
                                      unsigned threads = 2, const CancelToken& cancel = {});
// PageRank and eigenvector iterate until the summed change is below n * tolerance.
inline constexpr double kIterationTolerance = 1e-10;
inline constexpr int kMaxIterations = 1000;
std::vector<double> pagerank(const SimpleGraph& g, double alpha = 0.85,
                             double tolerance = kIterationTolerance,
                             int max_iterations = kMaxIterations, const CancelToken& cancel = {});
std::vector<double> eigenvector_centrality(const SimpleGraph& g,
                                           double tolerance = kIterationTolerance,
                                           int max_iterations = kMaxIterations,
                                           const CancelToken& cancel = {});
std::vector<int> connected_components(const SimpleGraph& g); // 0 = largest component
std::vector<int> core_numbers(const SimpleGraph& g);

struct Communities {
    std::vector<int> membership; // 0 = largest community
    double modularity = 0.0;
    std::size_t count = 0;
};
// Weighted, maximising modularity. Leiden (Traag et al. 2019) refines Louvain's communities so
// none is internally disconnected, and is several times faster on large graphs. `Leiden` is ours
// (until stable on graphs up to 100,000 linked pairs, one iteration above; src/leiden.cpp
// says why it is not igraph's); `Louvain` is
// igraph_community_multilevel; `LeidenIgraph` is igraph_community_leiden (one iteration), kept as
// the reference for tests and the benchmark.
enum class CommunityAlgorithm { Leiden, Louvain, LeidenIgraph };
// A cancel stops our Leiden between its iterations and levels; igraph's runs to its end.
Communities modularity_communities(const SimpleGraph& g,
                                   CommunityAlgorithm algorithm = CommunityAlgorithm::Leiden,
                                   std::uint64_t seed = 1, const CancelToken& cancel = {});
inline Communities louvain_communities(const SimpleGraph& g, std::uint64_t seed = 1) {
    return modularity_communities(g, CommunityAlgorithm::Louvain, seed);
}

} // namespace dossier::graph
