#pragma once
// What part of the project a view shows. Every field is optional: an empty list or zero means
// "no restriction". A filter that matches nothing gives an empty graph, never an error.
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::graph {

struct GraphFilter {
    std::vector<EntityType> entity_types;    // nodes of these types only
    std::vector<std::string> relation_types; // edges of these types only
    double min_weight = 0.0;                 // edges with weight >= this
    std::size_t min_degree = 0; // then nodes with at least this many neighbours (one pass)
    std::string date_from;      // ISO at any precision, inclusive; documents' dates
    std::string date_to;
    std::string document_query;           // FTS5 query: only relations read in matching documents
    std::vector<DocumentId> document_ids; // only relations read in these documents
    // Case-insensitive substring (fold_case) of a name or alias, spaces around it ignored: the
    // entities that match and their direct neighbours, so the answer has context.
    std::string name_query;
    std::vector<EntityId> ego_entities; // ego network: k hops around these entities
    std::vector<std::string> ego_names; // the same by name or alias (resolved on build)
    int ego_hops = 1;
    // Entities the analyst hid in the explorer: dropped with their relations after the steps
    // above and before the top-N step, as the window drops them after its filter.
    std::vector<EntityId> hidden_entities;
    std::string top_metric; // keep the top_n nodes by this metric (see metrics.h)
    std::size_t top_n = 0;
    bool include_rejected = false; // entities an analyst marked "not an entity"

    // True when the filter selects edges (relation types, weight, dates, documents): nodes left
    // without any edge by such a filter are dropped, since the view is about those relations.
    bool selects_edges() const;
    bool has_ego() const { return !ego_entities.empty() || !ego_names.empty(); }
    bool has_name_query() const; // name_query holds more than spaces
    bool operator==(const GraphFilter&) const = default;
};

} // namespace dossier::graph
