#include "dossier/graph/aggregate.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace dossier::graph {
namespace {

// Relations of one community pair while they are summed.
struct PairSum {
    double weight = 0;
    std::vector<std::pair<std::uint32_t, double>> type_weights; // few types per pair
    std::vector<Edge> relations;

    void add(Edge e, const EdgeInfo& info) {
        weight += info.weight;
        relations.push_back(e);
        for (auto& [type, sum] : type_weights)
            if (type == info.type) {
                sum += info.weight;
                return;
            }
        type_weights.emplace_back(info.type, info.weight);
    }

    std::uint32_t dominant_type(const GraphSnapshot& snapshot) const {
        auto best = type_weights.front();
        for (const auto& candidate : type_weights)
            if (candidate.second > best.second ||
                (candidate.second == best.second && snapshot.relation_type_name(candidate.first) <
                                                        snapshot.relation_type_name(best.first)))
                best = candidate;
        return best.first;
    }
};

std::vector<AggregateNode> community_nodes(const GraphSnapshot& snapshot,
                                           const std::vector<int>& community,
                                           const std::vector<double>& centrality,
                                           std::vector<std::size_t>& node_of_vertex) {
    std::vector<int> ids(community.begin(), community.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<AggregateNode> nodes(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        nodes[i].community = ids[i];
        nodes[i].id = "c" + std::to_string(ids[i]);
    }
    node_of_vertex.resize(snapshot.node_count());
    for (Vertex v = 0; v < snapshot.node_count(); ++v) {
        const auto at = std::lower_bound(ids.begin(), ids.end(), community[v]) - ids.begin();
        node_of_vertex[v] = static_cast<std::size_t>(at);
        nodes[node_of_vertex[v]].members.push_back(v);
    }
    for (auto& node : nodes)
        std::stable_sort(node.members.begin(), node.members.end(), [&](Vertex a, Vertex b) {
            if (centrality[a] != centrality[b])
                return centrality[a] > centrality[b];
            return snapshot.entity(a).value < snapshot.entity(b).value;
        });
    return nodes;
}

// The edges of `out` from its nodes: relations inside one node are counted there, relations
// between two entities drawn themselves stay one edge each, the rest are summed per node pair.
void add_edges(const GraphSnapshot& snapshot, AggregateGraph& out) {
    const auto& g = snapshot.graph();
    std::unordered_map<std::uint64_t, PairSum> pairs;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const auto a = out.node_of_vertex[boost::source(*it, g)];
        const auto b = out.node_of_vertex[boost::target(*it, g)];
        const auto& info = snapshot.edge(*it);
        if (a == b) {
            ++out.nodes[a].internal_relations;
            out.nodes[a].internal_weight += info.weight;
            continue;
        }
        if (out.nodes[a].is_entity && out.nodes[b].is_entity) {
            out.edges.push_back({a, b, info.weight, info.type, {*it}, false});
            continue;
        }
        const auto low = std::min(a, b), high = std::max(a, b);
        pairs[(static_cast<std::uint64_t>(low) << 32) | high].add(*it, info);
    }
    out.edges.reserve(out.edges.size() + pairs.size());
    for (auto& [key, sum] : pairs)
        out.edges.push_back({static_cast<std::size_t>(key >> 32),
                             static_cast<std::size_t>(key & 0xFFFFFFFFu), sum.weight,
                             sum.dominant_type(snapshot), std::move(sum.relations)});
    std::stable_sort(out.edges.begin(), out.edges.end(), [](const auto& x, const auto& y) {
        return std::pair(std::min(x.source, x.target), std::max(x.source, x.target)) <
               std::pair(std::min(y.source, y.target), std::max(y.source, y.target));
    });
}

} // namespace

std::string_view to_string(AggregateBy by) {
    return by == AggregateBy::Community ? "community" : "none";
}

std::optional<AggregateBy> parse_aggregate_by(std::string_view text) {
    if (text == "community")
        return AggregateBy::Community;
    if (text == "none" || text.empty())
        return AggregateBy::None;
    return std::nullopt;
}

std::string_view to_string(AggregateScope scope) {
    return scope == AggregateScope::Project ? "project" : "view";
}

std::optional<AggregateScope> parse_aggregate_scope(std::string_view text) {
    if (text == "project")
        return AggregateScope::Project;
    if (text == "view" || text.empty())
        return AggregateScope::View;
    return std::nullopt;
}

std::string community_label(const std::vector<std::string>& names, std::size_t member_count,
                            std::size_t shown) {
    std::string label;
    const auto named = std::min({shown, names.size(), member_count});
    for (std::size_t i = 0; i < named; ++i)
        label += (i == 0 ? "" : ", ") + names[i];
    if (member_count > named)
        label += (label.empty() ? "+" : " +") + std::to_string(member_count - named);
    return label;
}

AggregateGraph aggregate_by_community(const GraphSnapshot& snapshot,
                                      const std::vector<int>& community,
                                      const std::vector<double>& centrality,
                                      const AggregateOptions& options) {
    const auto n = snapshot.node_count();
    if (community.size() != n || centrality.size() != n)
        throw std::invalid_argument("aggregate: " + std::to_string(community.size()) +
                                    " community ids and " + std::to_string(centrality.size()) +
                                    " centrality values for " + std::to_string(n) + " nodes");
    AggregateGraph out;
    out.nodes = community_nodes(snapshot, community, centrality, out.node_of_vertex);
    for (auto& node : out.nodes) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < node.members.size() && i < options.label_members; ++i)
            names.push_back(snapshot.node(node.members[i]).name);
        node.stands_for = node.members.size();
        node.label = community_label(names, node.stands_for, options.label_members);
    }

    add_edges(snapshot, out);
    return out;
}

AggregateGraph aggregate_by_community(const GraphSnapshot& snapshot, const MetricResult& metrics,
                                      const AggregateOptions& options) {
    std::vector<Metric> missing;
    if (metrics.community.size() != snapshot.node_count())
        missing.push_back(Metric::Community);
    if (metrics.values(options.label_metric).size() != snapshot.node_count())
        missing.push_back(options.label_metric);
    if (missing.empty())
        return aggregate_by_community(snapshot, metrics.community,
                                      metrics.values(options.label_metric), options);
    MetricOptions seeded;
    seeded.community_seed = options.seed;
    const auto computed = compute_metrics(snapshot, missing, seeded);
    const auto& community =
        metrics.community.size() == snapshot.node_count() ? metrics.community : computed.community;
    auto centrality = metrics.values(options.label_metric);
    if (centrality.size() != snapshot.node_count())
        centrality = computed.values(options.label_metric);
    return aggregate_by_community(snapshot, community, centrality, options);
}

AggregateGraph aggregate_over_project(const GraphSnapshot& snapshot,
                                      const ProjectCommunities& communities,
                                      const AggregateOptions& options) {
    const auto& unfolded = options.unfolded;
    auto folded = [&](int c) {
        return c >= 0 &&
               communities.communities[static_cast<std::size_t>(c)].members.size() >=
                   options.min_members &&
               !std::binary_search(unfolded.begin(), unfolded.end(), c);
    };
    AggregateGraph out;
    out.node_of_vertex.resize(snapshot.node_count());
    std::vector<int> folded_here; // communities with a member in the snapshot, ascending
    for (Vertex v = 0; v < snapshot.node_count(); ++v)
        if (const int c = communities.community(snapshot.entity(v)); folded(c))
            folded_here.push_back(c);
    std::sort(folded_here.begin(), folded_here.end());
    folded_here.erase(std::unique(folded_here.begin(), folded_here.end()), folded_here.end());
    for (int c : folded_here) {
        const auto& community = communities.communities[static_cast<std::size_t>(c)];
        AggregateNode node;
        node.id = "c" + std::to_string(c);
        node.community = c;
        node.stands_for = community.members.size();
        node.label = community_label(community.names, node.stands_for, options.label_members);
        out.nodes.push_back(std::move(node));
    }
    for (Vertex v = 0; v < snapshot.node_count(); ++v) {
        const int c = communities.community(snapshot.entity(v));
        if (folded(c)) {
            const auto at = static_cast<std::size_t>(
                std::lower_bound(folded_here.begin(), folded_here.end(), c) - folded_here.begin());
            out.node_of_vertex[v] = at;
            out.nodes[at].members.push_back(v);
            continue;
        }
        AggregateNode node;
        node.id = std::to_string(snapshot.entity(v).value);
        node.community = c;
        node.is_entity = true;
        node.label = snapshot.node(v).name;
        node.members = {v};
        node.stands_for = 1;
        out.node_of_vertex[v] = out.nodes.size();
        out.nodes.push_back(std::move(node));
    }
    auto rank = [&](Vertex v) { return communities.rank_of.at(snapshot.entity(v).value); };
    for (auto& node : out.nodes)
        if (!node.is_entity)
            std::sort(node.members.begin(), node.members.end(),
                      [&](Vertex a, Vertex b) { return rank(a) < rank(b); });
    add_edges(snapshot, out);
    return out;
}

} // namespace dossier::graph
