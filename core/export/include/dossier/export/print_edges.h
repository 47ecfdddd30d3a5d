#pragma once
// Which links a figure draws. A dense graph printed whole is a grey mass: 36 communities of a
// 3,000-entity project have 623 links between them, and at one column the discs and their
// numbers disappear under the lines. Like Graphia's edge reduction, a figure can draw only the
// strongest co-occurrence links of each node: such a link stays when it is among the `per_node`
// heaviest co-occurrence links of either of its ends, so every node keeps its heaviest one. Only
// co-occurrence is thinned: it is most of the mass (1,303 of the sample corpus's 1,427 links),
// and its weights (how often two names share a sentence) outweigh any relation read from a
// sentence or a header, which would lose every comparison though it says more; those are all
// drawn. On a figure of communities (aggregate.h) every link is a sum of relations of all types
// and all of them compete. The caption says how many of how many are drawn (reduction_note.h); the
// data files (CSV, GraphML, ...) always keep every link.
#include "dossier/export/export_graph.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace dossier::exporting {

// "all": every link; "strongest": the strongest of each node; "auto": the strongest once the
// figure has more than kDenseLinksPerNode links per node.
enum class LinkDrawing { All, Strongest, Auto };
std::string_view to_string(LinkDrawing mode);
std::optional<LinkDrawing> parse_link_drawing(std::string_view text);

// Above this many links per node the network is mostly ink: a Barabasi-Albert graph of degree 3
// (what the figure tests print, and most entity networks look like) stays below it, a
// community overview goes far above (17 per node in the example above).
constexpr double kDenseLinksPerNode = 4;
constexpr std::size_t kDefaultLinksPerNode = 3;

// Removes the links the mode leaves out (keeping the others in order) and records what it did
// in graph.reduction; a figure's edges then follow graph.edges as before.
void keep_links_to_draw(ExportGraph& graph, LinkDrawing mode, std::size_t per_node);

} // namespace dossier::exporting
