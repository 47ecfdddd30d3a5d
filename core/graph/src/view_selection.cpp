#include "dossier/graph/view_selection.h"

#include "dossier/graph/entity_lookup.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/graph/paths.h"
#include "dossier/graph/simple_graph.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace dossier::graph {
namespace {

// The selection as it narrows: kept entities (indices into the source) and the relations
// between them, with each relation's ends as positions in the kept entities.
class Selector {
public:
    Selector(const store::GraphSource& source, const GraphFilter& filter,
             const SelectionInputs& inputs)
        : source_(source), filter_(filter), inputs_(inputs) {}

    ViewSelection run() {
        select_entities();
        select_relations();
        if (filter_.selects_edges())
            drop_isolated();
        if (filter_.has_name_query())
            keep_name_matches();
        if (filter_.has_ego())
            keep_ego_network();
        if (filter_.min_degree > 0)
            keep_min_degree();
        if (!filter_.hidden_entities.empty())
            drop_hidden();
        out_.before_top = out_.entities.size();
        if (filter_.top_n > 0 && !filter_.top_metric.empty())
            keep_top_n();
        return std::move(out_);
    }

private:
    static constexpr std::uint32_t kAbsent = ~std::uint32_t{0};
    const store::GraphSource& source_;
    const GraphFilter& filter_;
    const SelectionInputs& inputs_;
    ViewSelection out_;
    std::vector<std::uint32_t> position_of_; // entity id -> position in out_.entities, or kAbsent

    void index_entities() {
        std::int64_t max_id = 0;
        for (const auto& e : source_.entities)
            max_id = std::max(max_id, e.id.value);
        position_of_.assign(static_cast<std::size_t>(max_id) + 1, kAbsent);
        for (std::size_t i = 0; i < out_.entities.size(); ++i)
            position_of_[static_cast<std::size_t>(source_.entities[out_.entities[i]].id.value)] =
                static_cast<std::uint32_t>(i);
    }
    std::uint32_t position(EntityId id) const {
        const auto v = static_cast<std::size_t>(id.value);
        return id.value >= 0 && v < position_of_.size() ? position_of_[v] : kAbsent;
    }

    void select_entities() {
        const auto& types = filter_.entity_types;
        for (std::uint32_t i = 0; i < source_.entities.size(); ++i) {
            const auto& e = source_.entities[i];
            if ((filter_.include_rejected || !e.rejected) &&
                (types.empty() || std::find(types.begin(), types.end(), e.type) != types.end()))
                out_.entities.push_back(i);
        }
        index_entities();
    }

    void select_relations() {
        std::vector<char> type_allowed(source_.relation_types.size(),
                                       filter_.relation_types.empty() ? 1 : 0);
        for (std::size_t t = 0; t < source_.relation_types.size(); ++t)
            for (const auto& wanted : filter_.relation_types)
                if (source_.relation_types[t] == wanted)
                    type_allowed[t] = 1;
        const auto* admitted = inputs_.admitted_relations ? &*inputs_.admitted_relations : nullptr;
        const auto n = source_.relations.size();
        out_.relations.reserve(n);
        out_.sources.reserve(n);
        out_.targets.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto& r = source_.relations[i];
            if (!type_allowed[r.type] || r.weight < filter_.min_weight ||
                (admitted && !(*admitted)[i]))
                continue;
            const auto s = position(r.source), t = position(r.target);
            if (s != kAbsent && t != kAbsent) {
                out_.relations.push_back(i);
                out_.sources.push_back(s);
                out_.targets.push_back(t);
            }
        }
    }

    // Keeps the entities at the given positions (ascending) and the relations between them.
    void restrict_to(const std::vector<std::uint32_t>& positions) {
        std::vector<std::uint32_t> entities;
        entities.reserve(positions.size());
        for (auto p : positions)
            entities.push_back(out_.entities[p]);
        out_.entities = std::move(entities);
        index_entities();
        std::size_t kept = 0;
        for (const auto i : out_.relations) {
            const auto& r = source_.relations[i];
            const auto s = position(r.source), t = position(r.target);
            if (s != kAbsent && t != kAbsent) {
                out_.relations[kept] = i;
                out_.sources[kept] = s;
                out_.targets[kept] = t;
                ++kept;
            }
        }
        out_.relations.resize(kept);
        out_.sources.resize(kept);
        out_.targets.resize(kept);
    }
    // Keeps the positions flagged in `keep`.
    void restrict_to_flagged(const std::vector<char>& keep) {
        std::vector<std::uint32_t> positions;
        for (std::uint32_t p = 0; p < keep.size(); ++p)
            if (keep[p])
                positions.push_back(p);
        restrict_to(positions);
    }

    SimpleGraph current_simple() const {
        std::vector<SimpleGraph::WeightedPair> pairs(out_.relations.size());
        for (std::size_t k = 0; k < out_.relations.size(); ++k)
            pairs[k] = {out_.sources[k], out_.targets[k],
                        source_.relations[out_.relations[k]].weight};
        return SimpleGraph::from_pairs(out_.entities.size(), std::move(pairs));
    }

    void drop_isolated() {
        std::vector<char> linked(out_.entities.size(), 0);
        for (std::size_t k = 0; k < out_.relations.size(); ++k)
            linked[out_.sources[k]] = linked[out_.targets[k]] = 1;
        restrict_to_flagged(linked);
    }

    // The matches and their direct neighbours through the relations kept so far.
    void keep_name_matches() {
        const auto& matches = inputs_.name_matches;
        if (matches.size() != source_.entities.size())
            throw std::invalid_argument("graph filter: a name query needs the entities' names "
                                        "(match_name_query)");
        std::vector<char> matched(out_.entities.size(), 0);
        for (std::size_t p = 0; p < out_.entities.size(); ++p)
            matched[p] = matches[out_.entities[p]];
        std::vector<char> keep = matched;
        for (std::size_t k = 0; k < out_.relations.size(); ++k) {
            if (matched[out_.sources[k]])
                keep[out_.targets[k]] = 1;
            if (matched[out_.targets[k]])
                keep[out_.sources[k]] = 1;
        }
        restrict_to_flagged(keep);
    }

    void keep_ego_network() {
        std::vector<Vertex> centres;
        for (auto id : inputs_.ego_centres)
            if (auto p = position(id); p != kAbsent)
                centres.push_back(p);
        auto kept = ego_vertices(current_simple(), centres, filter_.ego_hops);
        std::vector<std::uint32_t> positions(kept.begin(), kept.end());
        std::sort(positions.begin(), positions.end());
        restrict_to(positions);
    }

    void keep_min_degree() {
        const auto g = current_simple();
        std::vector<char> keep(out_.entities.size(), 0);
        for (std::uint32_t p = 0; p < keep.size(); ++p)
            keep[p] = g.degree(p) >= filter_.min_degree;
        restrict_to_flagged(keep);
    }

    void drop_hidden() {
        std::vector<char> keep(out_.entities.size(), 1);
        for (auto id : filter_.hidden_entities)
            if (const auto p = position(id); p != kAbsent)
                keep[p] = 0;
        restrict_to_flagged(keep);
    }

    void keep_top_n() {
        auto metric = parse_metric(filter_.top_metric);
        if (!metric)
            throw std::invalid_argument("graph filter: top.metric '" + filter_.top_metric +
                                        "' is not a metric");
        if (out_.entities.size() <= filter_.top_n)
            return;
        const auto values = compute_metrics(current_snapshot(), {*metric}).values(*metric);
        std::vector<std::uint32_t> order(out_.entities.size());
        std::iota(order.begin(), order.end(), 0u);
        // Highest first; ties keep the lower entity id so the choice is reproducible.
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return values[a] > values[b]; });
        order.resize(filter_.top_n);
        std::sort(order.begin(), order.end());
        restrict_to(order);
    }

    // The selection so far as a snapshot, for the metrics of the top-N step (same vertices and
    // edges in the same order as the snapshot GraphSnapshot::build assembles).
    GraphSnapshot current_snapshot() const {
        std::vector<NodeInfo> nodes;
        nodes.reserve(out_.entities.size());
        for (auto i : out_.entities) {
            const auto& e = source_.entities[i];
            nodes.push_back(NodeInfo{e.id, e.type, e.name, e.alias_count, e.mention_count});
        }
        std::vector<GraphSnapshot::PlainEdge> edges;
        edges.reserve(out_.relations.size());
        for (std::size_t k = 0; k < out_.relations.size(); ++k) {
            const auto& r = source_.relations[out_.relations[k]];
            edges.push_back({out_.sources[k], out_.targets[k], source_.relation_types[r.type],
                             r.directed, r.weight});
        }
        return GraphSnapshot::from_edges(std::move(nodes), edges);
    }
};

} // namespace

ViewSelection select_view(const store::GraphSource& source, const GraphFilter& filter,
                          const SelectionInputs& inputs) {
    return Selector(source, filter, inputs).run();
}

std::vector<char> match_name_query(const store::GraphSource& source,
                                   const std::vector<store::EntityName>& names,
                                   const std::string& query) {
    std::vector<char> out(source.entities.size(), 0);
    const auto first = query.find_first_not_of(" \t\n\r");
    if (first == std::string::npos)
        return out;
    const auto last = query.find_last_not_of(" \t\n\r");
    const auto folded = fold_case(query.substr(first, last - first + 1));
    auto index_of = [&](EntityId id) -> std::ptrdiff_t {
        auto it = std::lower_bound(source.entities.begin(), source.entities.end(), id.value,
                                   [](const store::GraphSourceEntity& e, std::int64_t value) {
                                       return e.id.value < value;
                                   });
        return it != source.entities.end() && it->id == id ? it - source.entities.begin() : -1;
    };
    for (const auto& n : names) { // canonical names and aliases alike
        if (fold_case(n.name).find(folded) == std::string::npos)
            continue;
        if (const auto i = index_of(n.id); i >= 0)
            out[static_cast<std::size_t>(i)] = 1;
    }
    return out;
}

std::vector<char> admitted_relations(const store::GraphSource& source,
                                     const std::vector<RelationId>& admitted) {
    std::vector<char> out(source.relations.size(), 0);
    auto it = admitted.begin();
    for (std::size_t i = 0; i < source.relations.size(); ++i) {
        const auto id = source.relations[i].id.value;
        while (it != admitted.end() && it->value < id)
            ++it;
        out[i] = it != admitted.end() && it->value == id;
    }
    return out;
}

SelectionInputs selection_inputs(store::Project& project, const store::GraphSource& source,
                                 const GraphFilter& filter, bool documents_applied) {
    SelectionInputs inputs;
    const auto query = source_query(filter);
    if (!documents_applied && query.restricts_documents())
        inputs.admitted_relations =
            admitted_relations(source, store::relations_in_document_subset(project, query));
    std::vector<store::EntityName> names;
    if (filter.has_name_query() || !filter.ego_names.empty())
        names = store::load_entity_names(project);
    if (filter.has_name_query())
        inputs.name_matches = match_name_query(source, names, filter.name_query);
    inputs.ego_centres = filter.ego_entities;
    if (!filter.ego_names.empty()) {
        const EntityLookup lookup(std::move(names));
        for (const auto& name : filter.ego_names) {
            auto found = lookup.find(name);
            if (!found.found())
                throw std::invalid_argument("ego network: " + found.not_found_message(name));
            for (const auto& m : found.matches)
                inputs.ego_centres.push_back(m.id);
        }
    }
    return inputs;
}

store::GraphSourceQuery source_query(const GraphFilter& filter) {
    store::GraphSourceQuery query;
    query.include_rejected = filter.include_rejected;
    query.min_weight = filter.min_weight;
    query.date_from = filter.date_from;
    query.date_to = filter.date_to;
    query.fts_query = filter.document_query;
    query.document_ids = filter.document_ids;
    return query;
}

} // namespace dossier::graph
