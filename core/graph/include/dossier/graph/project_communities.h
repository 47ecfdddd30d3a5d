#pragma once
// The communities of the whole project, as the explorer's overview draws them: Leiden (seeded)
// over every entity the analyst has not rejected and every relation between them, whatever a
// view's filter shows. A view file that says "aggregate": {"scope": "project"} folds its entities
// into these, so `dossier export --view` draws the communities the window drew.
#include "dossier/graph/graph_snapshot.h"
#include "dossier/model/ids.h"
#include "dossier/model/job_control.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier::graph {

struct ProjectCommunity {
    std::vector<EntityId> members;  // most central first: PageRank, then degree, then lower id
    std::vector<std::string> names; // the members' names in the same order
};

struct ProjectCommunities {
    std::vector<ProjectCommunity> communities;          // by community id
    std::unordered_map<std::int64_t, int> community_of; // entity id -> community id
    std::unordered_map<std::int64_t, int> rank_of;      // entity id -> place in its members
    std::vector<int> vertex_community;                  // by vertex of the snapshot given
    std::vector<double> vertex_pagerank; // by vertex of the snapshot given (ranks the members)
    bool cancelled = false;              // then nothing else is filled in

    // -1 for an entity outside the project graph (rejected, or created after the partition).
    int community(EntityId entity) const;
};

// Communities of `whole` (a snapshot of the whole project, e.g. GraphSnapshot::build with an
// empty filter), Leiden seeded with `seed`, computed on the snapshot put in a canonical order
// (entities by id, relations by their ends): the same entities and relations give the same
// partition, ranks and labels in whatever order they were read, so the explorer (from its graph
// in memory, listed by type and name) and the command (from the file) agree.
ProjectCommunities project_communities(const GraphSnapshot& whole, std::uint64_t seed,
                                       const JobControl& control = {});

// Ranks `members` (snapshot vertices) most central first: PageRank, then degree (relations,
// counted in the multigraph), then the lower entity id.
void rank_most_central_first(const GraphSnapshot& snapshot, const std::vector<double>& pagerank,
                             std::vector<Vertex>& members);

} // namespace dossier::graph
