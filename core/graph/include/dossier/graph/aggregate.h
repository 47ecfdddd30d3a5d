#pragma once
// A snapshot reduced to one node per community, for figures of large graphs and for the
// explorer's overview: a pure function of (snapshot, community membership, centrality), so the
// same inputs give the same aggregate, node for node and byte for byte.
//
// - Node "c<k>" stands for community k (0 = the largest; ids never look like entity ids, which
//   are plain numbers). It is labelled by its most central members ("Viktor P. Kuznetsov, USSR
//   +12") and sized by its member count; member counts sum to the snapshot's node count.
// - One edge per pair of linked communities, weight = the sum of the member relations' weights,
//   type = the relation type with the largest summed weight among them (ties: the first name in
//   alphabetical order), undirected. It keeps every member relation, so its evidence is theirs.
// - Relations inside a community are not drawn; the node keeps their count and summed weight.
//
// Over the project's communities (project_communities.h, "scope": "project"), as the explorer's
// overview draws them: a community the analyst unfolded, or one smaller than min_members, is
// drawn as its entities (node id = entity id, as an export without aggregation names it); a
// relation between two such entities is drawn itself, and the relations between an entity and
// a folded community are summed into one edge.
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/graph/project_communities.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier::graph {

enum class AggregateBy { None, Community };
std::string_view to_string(AggregateBy by);
std::optional<AggregateBy> parse_aggregate_by(std::string_view text);

// Whose communities: those of the filtered graph (a figure of what the filter shows), or the
// project's, which the explorer's overview folds (the same communities whatever the filter).
enum class AggregateScope { View, Project };
std::string_view to_string(AggregateScope scope);
std::optional<AggregateScope> parse_aggregate_scope(std::string_view text);

// The view file's "aggregate" section: {"by": "community", "label_members": 2,
// "label_metric": "pagerank", "seed": 1, "scope": "project", "unfolded": [4, 9],
// "min_members": 2}.
struct AggregateOptions {
    AggregateBy by = AggregateBy::None;
    std::size_t label_members = 2;          // names in a community's label
    Metric label_metric = Metric::PageRank; // ranks the members for the label (view scope)
    std::uint64_t seed = 1;                 // Leiden's seed when communities are computed here
    AggregateScope scope = AggregateScope::View;
    std::vector<int> unfolded;   // project scope: communities drawn as their entities (sorted)
    std::size_t min_members = 1; // project scope: smaller communities drawn as their entities
    bool operator==(const AggregateOptions&) const = default;
};

struct AggregateNode {
    std::string id; // "c<community>", or the entity id of an entity drawn itself
    int community = 0;
    bool is_entity = false; // an entity drawn itself (project scope): members = {it}
    std::string label;
    std::vector<Vertex> members; // most central first (ties: lower entity id first)
    std::size_t stands_for = 0;  // entities in the label's count: the project's in project scope
    std::size_t internal_relations = 0;
    double internal_weight = 0;
};

struct AggregateEdge {
    std::size_t source = 0; // indices into AggregateGraph::nodes, source < target
    std::size_t target = 0;
    double weight = 0;      // summed over `relations`
    std::uint32_t type = 0; // dominant relation type: index into the snapshot's relation_types()
    std::vector<Edge> relations; // member relations, in the snapshot's edge order
    bool merged = true;          // false: one relation between two entities drawn themselves, its
                                 // direction kept (source and target are its ends)
};

struct AggregateGraph {
    std::vector<AggregateNode> nodes;        // by community id
    std::vector<AggregateEdge> edges;        // by (source, target)
    std::vector<std::size_t> node_of_vertex; // snapshot vertex -> index into nodes
};

// `community` and `centrality` are indexed by snapshot vertex (MetricResult::community and
// MetricResult::values(label_metric)). Throws std::invalid_argument when their sizes do not
// match the snapshot.
AggregateGraph aggregate_by_community(const GraphSnapshot& snapshot,
                                      const std::vector<int>& community,
                                      const std::vector<double>& centrality,
                                      const AggregateOptions& options);

// The same, computing the communities (Leiden, options.seed) and the label metric that
// `metrics` lacks.
AggregateGraph aggregate_by_community(const GraphSnapshot& snapshot, const MetricResult& metrics,
                                      const AggregateOptions& options);

// The filtered `snapshot` folded into the project's communities (options.scope = Project):
// community nodes first (by community id), then the entities drawn themselves (snapshot order).
AggregateGraph aggregate_over_project(const GraphSnapshot& snapshot,
                                      const ProjectCommunities& communities,
                                      const AggregateOptions& options);

// "Viktor P. Kuznetsov, USSR +12": the first `shown` names, then how many members are left.
std::string community_label(const std::vector<std::string>& names_most_central_first,
                            std::size_t member_count, std::size_t shown);

} // namespace dossier::graph
