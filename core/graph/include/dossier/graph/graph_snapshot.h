#pragma once
// An immutable picture of the network under a filter, built once per view.
//
// The multigraph keeps one edge per stored relation, so two entities linked by cooperates_with
// and by co_occurs_sentence have two edges (exports and the GUI show relation types). It is a
// Boost adjacency_list<vecS, vecS, bidirectionalS>: vecS gives dense vertex indices
// 0..n-1 that index plain vectors (entity ids, metrics, positions) with no property maps, and
// bidirectionalS gives in-edges as well as out-edges so in/out degree of directed relations and
// traversal against an edge's direction cost nothing extra. Undirected relations are stored
// once with directed = false and treated as both ways by every algorithm here.
//
// Metrics and paths run on `simple()`: the collapsed weighted simple undirected view (one edge
// per linked pair, weight = sum of the pair's relation weights), stored in compressed sparse row
// form because Brandes, PageRank and BFS only scan neighbour lists.
#include "dossier/graph/graph_filter.h"
#include "dossier/graph/simple_graph.h"
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier::graph {

struct NodeInfo {
    EntityId entity;
    EntityType type = EntityType::Person;
    std::string name;
    std::uint32_t alias_count = 0;
    std::uint32_t mention_count = 0;
};

struct EdgeInfo {
    RelationId relation;
    std::uint32_t type = 0; // index into GraphSnapshot::relation_types()
    bool directed = true;
    double weight = 1.0;
    // ISO at its precision, or empty; inline (no allocation) because a snapshot holds one per
    // relation: 48 bytes per edge instead of 88 with two std::string members.
    store::IsoDateText first_date;
    store::IsoDateText last_date;
};

// The edge list is a vector too (listS is the default): a snapshot never removes edges, and one
// allocation for all edges instead of one per edge speeds up the build at 500,000 relations.
using MultiGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeInfo,
                                         EdgeInfo, boost::no_property, boost::vecS>;
using Vertex = MultiGraph::vertex_descriptor;
using Edge = MultiGraph::edge_descriptor;

class GraphSnapshot {
public:
    GraphSnapshot() = default;

    const MultiGraph& graph() const { return graph_; }
    const SimpleGraph& simple() const { return simple_; }
    std::size_t node_count() const { return boost::num_vertices(graph_); }
    std::size_t edge_count() const { return boost::num_edges(graph_); } // one per relation
    // The nodes the filter had left before its top-N step kept the most central of them: what a
    // caption's "the 100 most central of 4,122 entities" counts. node_count() without top-N.
    std::size_t nodes_before_top() const { return nodes_before_top_; }

    const NodeInfo& node(Vertex v) const { return graph_[v]; }
    const EdgeInfo& edge(Edge e) const { return graph_[e]; }
    EntityId entity(Vertex v) const { return graph_[v].entity; }
    std::optional<Vertex> vertex_of(EntityId id) const;
    const std::string& relation_type_name(std::uint32_t type) const {
        return relation_types_[type];
    }
    const std::vector<std::string>& relation_types() const { return relation_types_; }

    // The relations (edges) between two vertices in either direction.
    std::vector<Edge> edges_between(Vertex a, Vertex b) const;

    // Builds the snapshot from the store; throws StoreError for a malformed FTS5 query and
    // std::invalid_argument for ego names that match no entity.
    static GraphSnapshot build(store::Project& project, const GraphFilter& filter);

    // Assembles a snapshot from plain data (tests of metrics, synthetic graphs). Edges refer to
    // positions in `nodes`.
    struct PlainEdge {
        std::size_t source = 0;
        std::size_t target = 0;
        std::string type = "related_to";
        bool directed = false;
        double weight = 1.0;
    };
    static GraphSnapshot from_edges(std::vector<NodeInfo> nodes,
                                    const std::vector<PlainEdge>& edges);

private:
    MultiGraph graph_;
    SimpleGraph simple_;
    std::vector<std::string> relation_types_;
    // vertex_of() by binary search: over the vertices themselves when they are in entity-id
    // order (every snapshot built from the store), otherwise over this sorted permutation. A
    // hash map of 50,000 entries cost more to build and to free than the whole lookup needs.
    std::vector<Vertex> by_entity_;
    std::size_t nodes_before_top_ = 0;

    void finish();         // builds the simple view and the id index
    void index_vertices(); // the id index alone
    friend class SnapshotBuilder;
};

} // namespace dossier::graph
