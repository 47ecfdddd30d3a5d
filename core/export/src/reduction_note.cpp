#include "dossier/export/reduction_note.h"

#include "dossier/export/text_format.h"

#include <array>
#include <cctype>
#include <utility>

namespace dossier::exporting {

std::string with_thousands(std::size_t count) {
    auto digits = std::to_string(count);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

std::string metric_display_name(const std::string& metric) {
    static constexpr std::array<std::pair<const char*, const char*>, 11> kNames{{
        {"degree", "degree"},
        {"weighted_degree", "weighted degree"},
        {"in_degree", "in-degree"},
        {"out_degree", "out-degree"},
        {"betweenness", "betweenness"},
        {"closeness", "closeness"},
        {"pagerank", "PageRank"},
        {"eigenvector", "eigenvector centrality"},
        {"component", "component"},
        {"core_number", "k-core number"},
        {"community", "community"},
    }};
    for (const auto& [name, shown] : kNames)
        if (metric == name)
            return shown;
    return metric;
}

std::string reduction_note(const ExportReduction& r) {
    std::string note;
    const bool top_cut = !r.top_metric.empty() && r.top_nodes < r.entities;
    const auto entities = [](std::size_t n) {
        return with_thousands(n) + (n == 1 ? " entity" : " entities");
    };
    // "37 communities", or "20 communities and 50 entities drawn singly" (an overview with
    // communities unfolded).
    std::string communities =
        with_thousands(r.communities) + (r.communities == 1 ? " community" : " communities");
    if (r.single_entities > 0)
        communities += " and " + entities(r.single_entities) + " drawn singly";
    if (top_cut && r.communities > 0)
        note = "The " + with_thousands(r.top_nodes) + " most central of " + entities(r.entities) +
               " (" + metric_display_name(r.top_metric) + "), shown as " + communities + ".";
    else if (top_cut)
        note = "Showing the " + with_thousands(r.top_nodes) + " most central of " +
               entities(r.entities) + " (" + metric_display_name(r.top_metric) + ").";
    else if (r.communities > 0)
        note = entities(r.entities) + " shown as " + communities + ".";
    if (!note.empty())
        note[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(note[0])));
    if (r.communities > 0 && r.single_entities > 0)
        note += " A community node is labelled by its most central members and sized by members.";
    else if (r.communities > 0)
        note += " Each node is a community, labelled by its most central members and sized by "
                "members.";
    if (r.min_weight > 0)
        note += std::string(note.empty() ? "" : " ") + "Relations of weight below " +
                format_number(r.min_weight) + " are left out.";
    if (r.strongest_per_node > 0) {
        // An aggregate's links are sums of relations, all thinned; otherwise only co-occurrence
        // (print_edges.h).
        const auto per_node = with_thousands(r.strongest_per_node);
        const auto counts = with_thousands(r.links_drawn) + " of " + with_thousands(r.links_before);
        note += std::string(note.empty() ? "" : " ") +
                (r.communities > 0 ? "Only each node's " + per_node +
                                         " strongest links are drawn (" + counts + ")."
                                   : "Of co-occurrence links, only each node's " + per_node +
                                         " strongest are drawn (" + counts + " links).");
    }
    return note;
}

} // namespace dossier::exporting
