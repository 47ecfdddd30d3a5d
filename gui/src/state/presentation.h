#pragma once
// What the view draws of what the filter leaves visible: everything, the community overview
// (each community folded into one node unless the analyst unfolded it), or a focus set that
// starts from one entity and grows by its neighbours. A Presentation is a value, so the window's
// Back and Forward keep a list of them (ExplorerState).
#include "state/explorer_filter.h"
#include "state/explorer_graph.h"

#include <vector>

namespace dossier::gui {

enum class ShowMode { Everything, Communities, Focus };

struct Presentation {
    ShowMode mode = ShowMode::Everything;
    std::vector<CommunityIndex> unfolded; // Communities: drawn as their members (sorted)
    std::vector<EntityId> focus;          // Focus: the entities drawn (sorted)
    std::vector<EntityId> hidden;         // any mode: entities the analyst hid (sorted)

    bool operator==(const Presentation&) const = default;
    bool is_unfolded(CommunityIndex community) const;
    bool in_focus(EntityId entity) const;
    bool is_hidden(EntityId entity) const;
};

// Above this many entities a project opens on the community overview (docs/GUI.md).
inline constexpr int kOverviewAbove = 300;

// Turns what the filter leaves visible (`visible`, over entities and relations) into what is
// drawn: folds entities into their community's node and their relations into community edges,
// keeps only the focus set, drops hidden entities; recounts degrees and totals. Communities
// without a built overview (graph.groups) draw everything.
void present(const ExplorerGraph& graph, const Presentation& presentation, VisibleGraph& visible);

// What the view draws, for the status bar: entity nodes, community nodes and the entities those
// stand for.
struct DrawnCounts {
    int entities = 0;
    int communities = 0;
    int folded_entities = 0; // members of the communities drawn
    int edges = 0;
};
DrawnCounts drawn_counts(const ExplorerGraph& graph, const VisibleGraph& visible);

// The entity nodes adjacent to `node` through relations the filter leaves visible in
// `filtered` (the filter's result before presentation), optionally only of `types`.
std::vector<int> filtered_neighbours(const ExplorerGraph& graph, const VisibleGraph& filtered,
                                     int node, const std::vector<EntityType>& types = {});

} // namespace dossier::gui
