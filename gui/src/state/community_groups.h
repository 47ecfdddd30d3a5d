#pragma once
// The community overview's nodes and edges, appended to the explorer's graph once communities
// are known, so folding and unfolding a community is a change of what is visible (presentation.h)
// rather than a new graph: no copy, no re-layout, the indices of entities and relations stay.
//
// - One node per community of two or more entities, labelled by its most central members
//   ("Andrei Gromyko, Dean Rusk +40", core's community_label), sized by its member count, given
//   the type most of its members have, placed at its members' centroid until a layout places it.
// - One edge per pair of linked communities, its weight the sum of the relations' weights, its
//   type the one with the largest summed weight. (A relation from an unfolded member to a folded
//   community is drawn itself, to the community's node: no edge is made for it, which keeps the
//   graph at a few thousand extra edges however many relations cross communities.)
#include "state/explorer_graph.h"

#include <cstddef>
#include <cstdint>

namespace dossier::gui {

// What the overview folds, which an export of it writes into its view file (figure_export.cpp),
// so `dossier export --view` folds the same communities (graph/project_communities.h).
inline constexpr std::size_t kSmallestFoldedCommunity = 2; // a community of one is its entity
inline constexpr std::size_t kCommunityLabelMembers = 2;   // names in a community's label
inline constexpr std::uint64_t kCommunitySeed = 1;         // Leiden's seed for the communities

// Appends the overview to `graph` from each entity's `community` (-1: none; such an entity is
// never folded) and ranks members for the labels by PageRank, then degree. Does nothing when the
// overview is there already. Deterministic: the same graph gives the same nodes and edges.
void add_community_groups(ExplorerGraph& graph,
                          int label_members = static_cast<int>(kCommunityLabelMembers));

// Removes the overview (before the communities change).
void remove_community_groups(ExplorerGraph& graph);

// Radius in layout points of the disc a community's members fill when unfolded
// (place_members_around); its node in the overview is drawn at half of it and laid out at the full
// size, so unfolding it covers no other node.
double unfolded_radius(int members);
inline constexpr double kMemberSpacing = 34; // layout points between unfolded members

// Puts the members of `community` on a sunflower around its node, most connected in the centre
// (pinned members stay where the analyst put them). Returns the node indices it moved.
std::vector<int> place_members_around(ExplorerGraph& graph, CommunityIndex community);

} // namespace dossier::gui
