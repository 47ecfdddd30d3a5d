#include "dossier/graph/project_communities.h"

#include "dossier/graph/metrics.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace dossier::graph {

int ProjectCommunities::community(EntityId entity) const {
    const auto it = community_of.find(entity.value);
    return it == community_of.end() ? -1 : it->second;
}

void rank_most_central_first(const GraphSnapshot& snapshot, const std::vector<double>& pagerank,
                             std::vector<Vertex>& members) {
    const auto& g = snapshot.graph();
    std::stable_sort(members.begin(), members.end(), [&](Vertex a, Vertex b) {
        if (pagerank[a] != pagerank[b])
            return pagerank[a] > pagerank[b];
        const auto da = boost::degree(a, g), db = boost::degree(b, g);
        if (da != db)
            return da > db;
        return snapshot.entity(a).value < snapshot.entity(b).value;
    });
}

namespace {

// `snapshot` with its vertices in entity-id order and its edges sorted by their ends, direction
// and weight: Leiden visits vertices in a seeded random order and PageRank sums in edge order,
// so two readers of the same entities and relations (the explorer lists them by type and name,
// the store by id) get the same answer only from the same order. `entity_order[k]` is the input
// vertex at canonical vertex k.
GraphSnapshot canonical_snapshot(const GraphSnapshot& snapshot, std::vector<Vertex>& entity_order) {
    const auto n = snapshot.node_count();
    entity_order.resize(n);
    std::iota(entity_order.begin(), entity_order.end(), Vertex{0});
    std::sort(entity_order.begin(), entity_order.end(), [&](Vertex a, Vertex b) {
        return snapshot.entity(a).value < snapshot.entity(b).value;
    });
    std::vector<std::size_t> position(n);
    std::vector<NodeInfo> nodes(n);
    for (std::size_t k = 0; k < n; ++k) {
        position[entity_order[k]] = k;
        nodes[k].entity = snapshot.entity(entity_order[k]);
        nodes[k].type = snapshot.node(entity_order[k]).type;
    }
    const auto& g = snapshot.graph();
    std::vector<GraphSnapshot::PlainEdge> edges;
    edges.reserve(boost::num_edges(g));
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const auto& info = snapshot.edge(*it);
        edges.push_back({position[boost::source(*it, g)], position[boost::target(*it, g)], "",
                         info.directed, info.weight});
    }
    std::sort(edges.begin(), edges.end(), [](const auto& x, const auto& y) {
        return std::tie(x.source, x.target, x.directed, x.weight) <
               std::tie(y.source, y.target, y.directed, y.weight);
    });
    return GraphSnapshot::from_edges(std::move(nodes), edges);
}

} // namespace

ProjectCommunities project_communities(const GraphSnapshot& snapshot, std::uint64_t seed,
                                       const JobControl& control) {
    std::vector<Vertex> input_vertex;
    const auto whole = canonical_snapshot(snapshot, input_vertex);
    MetricOptions options;
    options.community_seed = seed;
    const auto metrics =
        compute_metrics(whole, {Metric::PageRank, Metric::Community}, options, control);
    if (metrics.cancelled) {
        ProjectCommunities cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    int count = 0;
    for (int c : metrics.community)
        count = std::max(count, c + 1);
    std::vector<std::vector<Vertex>> members(static_cast<std::size_t>(count));
    for (Vertex v = 0; v < whole.node_count(); ++v)
        if (metrics.community[v] >= 0)
            members[static_cast<std::size_t>(metrics.community[v])].push_back(v);

    ProjectCommunities out;
    out.communities.resize(members.size());
    out.community_of.reserve(whole.node_count());
    out.rank_of.reserve(whole.node_count());
    out.vertex_community.assign(whole.node_count(), -1);
    out.vertex_pagerank.assign(whole.node_count(), 0.0);
    for (Vertex v = 0; v < whole.node_count(); ++v) {
        out.vertex_community[input_vertex[v]] = metrics.community[v];
        out.vertex_pagerank[input_vertex[v]] = metrics.pagerank[v];
    }
    for (std::size_t c = 0; c < members.size(); ++c) {
        rank_most_central_first(whole, metrics.pagerank, members[c]);
        auto& community = out.communities[c];
        for (auto v : members[c]) {
            out.rank_of.emplace(whole.entity(v).value, static_cast<int>(community.members.size()));
            community.members.push_back(whole.entity(v));
            community.names.push_back(snapshot.node(input_vertex[v]).name);
            out.community_of.emplace(whole.entity(v).value, static_cast<int>(c));
        }
    }
    return out;
}

} // namespace dossier::graph
