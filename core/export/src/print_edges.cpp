#include "dossier/export/print_edges.h"

#include "dossier/model/relation.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace dossier::exporting {

std::string_view to_string(LinkDrawing mode) {
    switch (mode) {
    case LinkDrawing::All:
        return "all";
    case LinkDrawing::Strongest:
        return "strongest";
    case LinkDrawing::Auto:
        break;
    }
    return "auto";
}

std::optional<LinkDrawing> parse_link_drawing(std::string_view text) {
    for (auto mode : {LinkDrawing::All, LinkDrawing::Strongest, LinkDrawing::Auto})
        if (text == to_string(mode))
            return mode;
    return std::nullopt;
}

namespace {

bool dense(const ExportGraph& graph) {
    return !graph.nodes.empty() && static_cast<double>(graph.edges.size()) >
                                       kDenseLinksPerNode * static_cast<double>(graph.nodes.size());
}

bool co_occurrence(const ExportEdge& edge) {
    return edge.type == relation_types::kCoOccursSentence ||
           edge.type == relation_types::kCoOccursParagraph;
}

// Per link, whether it is drawn: every link that is no co-occurrence, and a co-occurrence link
// among the `per_node` heaviest co-occurrence links of one of its ends. Ties go to the link that
// comes first in the graph's canonical order, so the same graph draws the same links.
std::vector<char> strongest_links(const ExportGraph& graph, std::size_t per_node) {
    // A community's link sums its members' relations of every type, its own type only the one
    // that weighs most: every such link competes.
    const bool aggregate = graph.reduction.communities > 0;
    std::vector<std::vector<std::size_t>> links_of(graph.nodes.size());
    std::vector<char> keep(graph.edges.size(), 0);
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        if (!aggregate && !co_occurrence(graph.edges[e])) {
            keep[e] = 1;
            continue;
        }
        links_of[graph.edges[e].source].push_back(e);
        if (graph.edges[e].target != graph.edges[e].source)
            links_of[graph.edges[e].target].push_back(e);
    }
    for (auto& links : links_of) {
        const auto heavier = [&](std::size_t a, std::size_t b) {
            if (graph.edges[a].weight != graph.edges[b].weight)
                return graph.edges[a].weight > graph.edges[b].weight;
            return a < b;
        };
        const auto count = std::min(per_node, links.size());
        std::partial_sort(links.begin(), links.begin() + static_cast<std::ptrdiff_t>(count),
                          links.end(), heavier);
        for (std::size_t k = 0; k < count; ++k)
            keep[links[k]] = 1;
    }
    return keep;
}

} // namespace

void keep_links_to_draw(ExportGraph& graph, LinkDrawing mode, std::size_t per_node) {
    if (mode == LinkDrawing::All || (mode == LinkDrawing::Auto && !dense(graph)) || per_node == 0)
        return;
    const auto keep = strongest_links(graph, per_node);
    const auto before = graph.edges.size();
    std::vector<ExportEdge> kept;
    kept.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1)));
    for (std::size_t e = 0; e < before; ++e)
        if (keep[e])
            kept.push_back(std::move(graph.edges[e]));
    if (kept.size() == before)
        return; // every link is among the strongest of an end: nothing to say
    graph.edges = std::move(kept);
    graph.reduction.strongest_per_node = per_node;
    graph.reduction.links_drawn = graph.edges.size();
    graph.reduction.links_before = before;
}

} // namespace dossier::exporting
