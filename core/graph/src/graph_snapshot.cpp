#include "dossier/graph/graph_snapshot.h"

#include "dossier/graph/metrics.h"
#include "dossier/graph/view_selection.h"
#include "dossier/store/graph_source.h"

#include <algorithm>
#include <future>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <unordered_set>
#include <utility>

namespace dossier::graph {

std::optional<Vertex> GraphSnapshot::vertex_of(EntityId id) const {
    const auto entity_of = [this](Vertex v) { return graph_[v].entity.value; };
    Vertex found;
    if (by_entity_.empty()) {
        Vertex low = 0, high = node_count(); // the first vertex whose entity is >= id
        while (low < high) {
            const Vertex mid = low + (high - low) / 2;
            if (entity_of(mid) < id.value)
                low = mid + 1;
            else
                high = mid;
        }
        found = low;
    } else {
        auto it =
            std::lower_bound(by_entity_.begin(), by_entity_.end(), id.value,
                             [&](Vertex v, std::int64_t value) { return entity_of(v) < value; });
        found = it == by_entity_.end() ? node_count() : *it;
    }
    if (found >= node_count() || entity_of(found) != id.value)
        return std::nullopt;
    return found;
}

std::vector<Edge> GraphSnapshot::edges_between(Vertex a, Vertex b) const {
    std::vector<Edge> out;
    for (auto e : boost::make_iterator_range(boost::out_edges(a, graph_)))
        if (boost::target(e, graph_) == b)
            out.push_back(e);
    if (a != b)
        for (auto e : boost::make_iterator_range(boost::in_edges(a, graph_)))
            if (boost::source(e, graph_) == b)
                out.push_back(e);
    return out;
}

void GraphSnapshot::finish() {
    // The edge vector in order (sequential), not boost::edges (which walks every out-edge list).
    std::vector<SimpleGraph::WeightedPair> pairs;
    pairs.reserve(graph_.m_edges.size());
    for (const auto& e : graph_.m_edges)
        pairs.push_back({static_cast<std::uint32_t>(e.m_source),
                         static_cast<std::uint32_t>(e.m_target), e.get_property().weight});
    simple_ = SimpleGraph::from_pairs(boost::num_vertices(graph_), std::move(pairs));
    index_vertices();
}

void GraphSnapshot::index_vertices() {
    const auto n = node_count();
    by_entity_.clear();
    bool ordered = true;
    for (Vertex v = 1; v < n && ordered; ++v)
        ordered = graph_[v - 1].entity.value < graph_[v].entity.value;
    if (ordered)
        return;
    // Stable: of vertices that share an entity id (plain test graphs), the first is found.
    by_entity_.resize(n);
    std::iota(by_entity_.begin(), by_entity_.end(), Vertex{0});
    std::stable_sort(by_entity_.begin(), by_entity_.end(), [this](Vertex a, Vertex b) {
        return graph_[a].entity.value < graph_[b].entity.value;
    });
}

GraphSnapshot GraphSnapshot::from_edges(std::vector<NodeInfo> nodes,
                                        const std::vector<PlainEdge>& edges) {
    GraphSnapshot s;
    s.graph_ = MultiGraph(nodes.size());
    for (std::size_t v = 0; v < nodes.size(); ++v)
        s.graph_[v] = std::move(nodes[v]);
    for (const auto& e : edges) {
        auto it = std::find(s.relation_types_.begin(), s.relation_types_.end(), e.type);
        const auto type = static_cast<std::uint32_t>(it - s.relation_types_.begin());
        if (it == s.relation_types_.end())
            s.relation_types_.push_back(e.type);
        EdgeInfo info;
        info.relation = RelationId{static_cast<std::int64_t>(boost::num_edges(s.graph_) + 1)};
        info.type = type;
        info.directed = e.directed;
        info.weight = e.weight;
        boost::add_edge(e.source, e.target, std::move(info), s.graph_);
    }
    s.nodes_before_top_ = s.node_count();
    s.finish();
    return s;
}

// Loads what the store can select (rejected, weight, documents), runs the rest of the filter
// in memory (view_selection.h) and assembles the snapshot of what is left.
class SnapshotBuilder {
public:
    SnapshotBuilder(store::Project& project, const GraphFilter& filter)
        : project_(project), filter_(filter) {}

    GraphSnapshot build() {
        source_ = store::load_graph_source(project_, source_query(filter_));
        auto selection =
            select_view(source_, filter_, selection_inputs(project_, source_, filter_, true));
        nodes_ = std::move(selection.entities);
        edges_ = std::move(selection.relations);
        sources_ = std::move(selection.sources);
        targets_ = std::move(selection.targets);
        before_top_ = selection.before_top;
        return assemble();
    }

private:
    store::Project& project_;
    const GraphFilter& filter_;
    store::GraphSource source_;
    std::vector<std::uint32_t> nodes_;   // indices into source_.entities
    std::vector<std::uint32_t> edges_;   // indices into source_.relations
    std::vector<std::uint32_t> sources_; // for each of edges_, the position of its source
    std::vector<std::uint32_t> targets_; // and of its target in nodes_
    std::size_t before_top_ = 0;         // nodes left when the top-N step began

    std::vector<SimpleGraph::WeightedPair> weighted_pairs() const {
        std::vector<SimpleGraph::WeightedPair> pairs(edges_.size());
        for (std::size_t k = 0; k < edges_.size(); ++k)
            pairs[k] = {sources_[k], targets_[k], source_.relations[edges_[k]].weight};
        return pairs;
    }

    // Names are moved out of the source, and its relations freed once copied: the source is
    // not used afterwards.
    GraphSnapshot assemble() {
        GraphSnapshot s;
        // Three jobs need only the ends: the edge vector, the out- and in-edge lists (which
        // hold positions in the edge vector, not its contents) and the collapsed simple view. On
        // a large snapshot a second thread builds the simple view while this one fills the edge
        // vector and both edge lists.
        s.graph_.m_edges.reserve(edges_.size());
        const auto edges_begin = s.graph_.m_edges.begin();
        std::promise<void> weights_taken;
        auto build_simple = [&] {
            std::vector<SimpleGraph::WeightedPair> pairs;
            try {
                pairs = weighted_pairs();
                weights_taken.set_value();
            } catch (...) {
                weights_taken.set_exception(std::current_exception());
                throw;
            }
            s.simple_ = SimpleGraph::from_pairs(nodes_.size(), std::move(pairs));
        };
        std::future<void> simple_job; // waits for the thread if this one leaves by an exception
        if (edges_.size() >= kParallelEdges)
            simple_job = std::async(std::launch::async, build_simple);
        else
            build_simple();
        s.relation_types_ = source_.relation_types;
        s.nodes_before_top_ = before_top_;
        // What MultiGraph(n) does, without assigning (adjacency_list has no move assignment, so
        // `graph_ = MultiGraph(n)` copies n vertices once more).
        s.graph_.m_vertices.resize(nodes_.size());
        for (std::size_t p = 0; p < nodes_.size(); ++p) {
            auto& e = source_.entities[nodes_[p]];
            s.graph_[p] = NodeInfo{e.id, e.type, std::move(e.name), e.alias_count, e.mention_count};
        }
        for (std::size_t k = 0; k < edges_.size(); ++k) {
            const auto& r = source_.relations[edges_[k]];
            s.graph_.m_edges.emplace_back(
                sources_[k], targets_[k],
                EdgeInfo{r.id, r.type, r.directed, r.weight, r.first_date, r.last_date});
        }
        {
            // The relations are copied into the edge vector and their weights into the simple
            // view's pairs: freed now, their memory (32 MB at 500,000 relations) takes the edge
            // lists instead of fresh pages.
            weights_taken.get_future().get();
            std::vector<store::GraphSourceRelation>().swap(source_.relations);
        }
        link_edges(s.graph_, edges_begin, sources_, targets_, &StoredVertex::m_out_edges);
        link_edges(s.graph_, edges_begin, targets_, sources_, &StoredVertex::m_in_edges);
        s.index_vertices();
        if (simple_job.valid())
            simple_job.get();
        return s;
    }
    static constexpr std::size_t kParallelEdges = 50'000; // below this a thread costs more

    // Fills every vertex's out-edge list (keys = sources, others = targets) or in-edge list
    // (keys = targets, others = sources) from the edge vector, vertex after vertex.
    // boost::add_edge appends to the lists of both ends of each edge in turn, which at 500,000
    // relations means two cache misses per edge and was a third of the whole build. Grouping
    // the edges by vertex with a stable counting sort writes each list in one go and gives the
    // same lists, in the same order, as add_edge in edge order. m_edges and m_vertices are
    // public members of Boost's vec_adj_list_impl (1.74 and later); the stored edge type is the
    // one add_edge builds for a vecS edge list (other end, position in m_edges, the edge
    // vector). Only the position is taken from m_edges, so the lists can be filled while the
    // edge vector itself is (its storage reserved beforehand), and the out- and in-lists on two
    // threads (different members of each vertex).
    using StoredVertex = MultiGraph::stored_vertex;
    using EdgeList = decltype(StoredVertex::m_out_edges);
    static void link_edges(MultiGraph& g, MultiGraph::EdgeContainer::iterator edges_begin,
                           const std::vector<std::uint32_t>& keys,
                           const std::vector<std::uint32_t>& others, EdgeList StoredVertex::*side) {
        const auto n = g.m_vertices.size();
        std::vector<std::uint32_t> start(n + 1, 0), order(keys.size());
        for (auto k : keys)
            ++start[k + 1];
        for (std::size_t v = 0; v < n; ++v)
            start[v + 1] += start[v];
        {
            std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
            for (std::uint32_t e = 0; e < keys.size(); ++e)
                order[fill[keys[e]]++] = e;
        }
        for (std::size_t v = 0; v < n; ++v) {
            auto& list = g.m_vertices[v].*side;
            list.reserve(start[v + 1] - start[v]);
            for (auto k = start[v]; k < start[v + 1]; ++k)
                list.emplace_back(others[order[k]], edges_begin + order[k], &g.m_edges);
        }
    }
};

GraphSnapshot GraphSnapshot::build(store::Project& project, const GraphFilter& filter) {
    return SnapshotBuilder(project, filter).build();
}

} // namespace dossier::graph
