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
        node.label = community_label(names, node.members.size(), options.label_members);
    }

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
        const auto low = std::min(a, b), high = std::max(a, b);
        pairs[(static_cast<std::uint64_t>(low) << 32) | high].add(*it, info);
    }
    out.edges.reserve(pairs.size());
    for (auto& [key, sum] : pairs)
        out.edges.push_back({static_cast<std::size_t>(key >> 32),
                             static_cast<std::size_t>(key & 0xFFFFFFFFu), sum.weight,
                             sum.dominant_type(snapshot), std::move(sum.relations)});
    std::sort(out.edges.begin(), out.edges.end(), [](const auto& x, const auto& y) {
        return std::pair(x.source, x.target) < std::pair(y.source, y.target);
    });
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

} // namespace dossier::graph
