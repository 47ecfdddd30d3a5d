#pragma once
// Which entities and relations of a graph source a filter keeps: the in-memory steps of
// GraphSnapshot::build (rejected, minimum weight, document subset, entity and relation types,
// isolated nodes, name query, ego network, minimum degree, top-N), as one function over a
// store::GraphSource. `dossier export` (through GraphSnapshot::build) and the explorer (over the
// source it keeps in memory) both select with it, so a saved view shows the same graph in both.
#include "dossier/graph/graph_filter.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier::graph {

// What the selection needs from the project besides the source; selection_inputs reads it.
struct SelectionInputs {
    // Per index of source.relations: admitted by the filter's document subset (date range, full
    // text, document ids). None = every relation (the source was loaded with that subset
    // already, or the filter names none).
    std::optional<std::vector<char>> admitted_relations;
    // Per index of source.entities: its name or an alias contains filter.name_query
    // (match_name_query). Needed when the filter has a name query.
    std::vector<char> name_matches;
    // The ego network's centres: filter.ego_entities and the entities filter.ego_names name.
    std::vector<EntityId> ego_centres;
};

struct ViewSelection {
    std::vector<std::uint32_t> entities;  // indices into source.entities, ascending
    std::vector<std::uint32_t> relations; // indices into source.relations, ascending
    std::vector<std::uint32_t> sources;   // for each of relations, its source's position in
    std::vector<std::uint32_t> targets;   // entities, and its target's
    std::size_t before_top = 0;           // entities left when the top-N step began
};

// The steps in the order that keeps each meaningful, each on what the previous left: rejected
// entities (unless include_rejected), entity types; relations by type, weight and document
// subset between the kept entities; nodes left without a relation when the filter selects
// relations; the name query's matches and their neighbours; the ego network; nodes with at least
// min_degree distinct neighbours (one pass); the top_n by top_metric.
// Throws std::invalid_argument for an unknown top metric or a name query without name_matches.
ViewSelection select_view(const store::GraphSource& source, const GraphFilter& filter,
                          const SelectionInputs& inputs = {});

// Per index of source.entities: a name or alias of it (from `names`, as load_entity_names reads
// them) contains `query` case-insensitively (fold_case), spaces around the query ignored.
std::vector<char> match_name_query(const store::GraphSource& source,
                                   const std::vector<store::EntityName>& names,
                                   const std::string& query);

// Per index of source.relations: its id is in `admitted` (sorted, as
// relations_in_document_subset returns it).
std::vector<char> admitted_relations(const store::GraphSource& source,
                                     const std::vector<RelationId>& admitted);

// Reads from the project what `filter` needs beyond the source: the document subset (unless
// `documents_applied`: the source was loaded with it), names and aliases for the name query,
// ego names resolved (std::invalid_argument naming close matches when one is not found).
SelectionInputs selection_inputs(store::Project& project, const store::GraphSource& source,
                                 const GraphFilter& filter, bool documents_applied);

// The store's part of the filter: what load_graph_source can select before anything is read.
store::GraphSourceQuery source_query(const GraphFilter& filter);

} // namespace dossier::graph
