#pragma once
// Shortest paths between two entities, each hop with the relations behind it.
//
// By hops: breadth-first search on the collapsed simple view; every shortest path is returned
// (up to `max_paths`, in a stable order). By weight: Dijkstra where an edge of collapsed weight w
// costs 1 / w, so a pair linked by many or strong relations is "closer" (weights are strengths,
// not distances); one cheapest path is returned.
#include "dossier/graph/graph_snapshot.h"

#include <vector>

namespace dossier::graph {

enum class PathMode { Hops, Weight };

struct PathHop {
    Vertex from = 0;
    Vertex to = 0;
    std::vector<Edge> relations; // every relation of the filtered graph between the two
};

struct GraphPath {
    std::vector<Vertex> vertices; // from source to target
    std::vector<PathHop> hops;    // vertices.size() - 1 of them
    double cost = 0.0;            // hops, or the summed 1 / w
};

struct PathQuery {
    PathMode mode = PathMode::Hops;
    std::size_t max_paths = 10; // by hops: at most this many of the shortest paths
};

// Empty when the two are not connected in the snapshot (or are the same vertex: one path of
// zero hops).
std::vector<GraphPath> shortest_paths(const GraphSnapshot& snapshot, Vertex source, Vertex target,
                                      const PathQuery& query = {});

// Vertices within `hops` steps of any of `centres` (the centres included), on the simple view.
std::vector<Vertex> ego_vertices(const SimpleGraph& g, const std::vector<Vertex>& centres,
                                 int hops);

} // namespace dossier::graph
