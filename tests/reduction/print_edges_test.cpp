// Which links a figure draws (print_edges.h): every link, or the strongest of each node, chosen
// automatically once a figure has more than four links per node.
#include "dossier/export/print_edges.h"
#include "dossier/export/reduction_note.h"
#include "dossier/export/view_options.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <set>

namespace dossier::exporting {
namespace {

ExportEdge link(std::size_t source, std::size_t target, double weight) {
    ExportEdge edge;
    edge.id = std::to_string(source) + "-" + std::to_string(target);
    edge.source = source;
    edge.target = target;
    edge.type = "co_occurs_sentence";
    edge.weight = weight;
    return edge;
}

// Every pair of `count` nodes linked, the weight a different number for each pair.
ExportGraph clique(std::size_t count) {
    ExportGraph graph;
    for (std::size_t i = 0; i < count; ++i) {
        ExportNode node;
        node.id = "c" + std::to_string(i);
        graph.nodes.push_back(node);
    }
    for (std::size_t a = 0; a < count; ++a)
        for (std::size_t b = a + 1; b < count; ++b)
            graph.edges.push_back(link(a, b, static_cast<double>((a * 7 + b * 13) % 29 + 1)));
    return graph;
}

// The `k` heaviest links of each node (ties: the earlier link), computed the slow way.
std::set<std::string> strongest_by_hand(const ExportGraph& graph, std::size_t k) {
    std::set<std::string> out;
    for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
        std::vector<std::size_t> links;
        for (std::size_t e = 0; e < graph.edges.size(); ++e)
            if (graph.edges[e].source == n || graph.edges[e].target == n)
                links.push_back(e);
        std::stable_sort(links.begin(), links.end(), [&](std::size_t a, std::size_t b) {
            return graph.edges[a].weight > graph.edges[b].weight;
        });
        for (std::size_t i = 0; i < k && i < links.size(); ++i)
            out.insert(graph.edges[links[i]].id);
    }
    return out;
}

std::set<std::string> ids(const ExportGraph& graph) {
    std::set<std::string> out;
    for (const auto& edge : graph.edges)
        out.insert(edge.id);
    return out;
}

TEST(PrintEdges, StrongestKeepsExactlyTheHeaviestLinksOfEachNode) {
    auto graph = clique(20); // 190 links, 9.5 per node
    const auto expected = strongest_by_hand(graph, 3);
    keep_links_to_draw(graph, LinkDrawing::Strongest, 3);
    EXPECT_EQ(ids(graph), expected);
    // Every node keeps at least its heaviest link, and none more than it can be the end of.
    std::map<std::size_t, int> degree;
    for (const auto& edge : graph.edges)
        ++degree[edge.source], ++degree[edge.target];
    EXPECT_EQ(degree.size(), 20u);
    EXPECT_EQ(graph.reduction.strongest_per_node, 3u);
    EXPECT_EQ(graph.reduction.links_before, 190u);
    EXPECT_EQ(graph.reduction.links_drawn, graph.edges.size());
    EXPECT_LT(graph.edges.size(), 60u); // at most 3 per node
    EXPECT_NE(reduction_note(graph.reduction)
                  .find("Of co-occurrence links, only each node's 3 strongest are drawn (" +
                        std::to_string(graph.edges.size()) + " of 190 links)."),
              std::string::npos)
        << reduction_note(graph.reduction);
}

// On a figure of communities every link sums relations of all types (its type is only the one
// that weighs most): all of them compete, whatever their type.
TEST(PrintEdges, AFigureOfCommunitiesThinsLinksOfEveryType) {
    auto graph = clique(20);
    graph.reduction.communities = 20;
    for (std::size_t e = 0; e < graph.edges.size(); e += 2)
        graph.edges[e].type = "meets_with";
    const auto expected = strongest_by_hand(graph, 3);
    keep_links_to_draw(graph, LinkDrawing::Auto, 3);
    EXPECT_EQ(ids(graph), expected);
    EXPECT_NE(reduction_note(graph.reduction).find("Only each node's 3 strongest links are drawn"),
              std::string::npos)
        << reduction_note(graph.reduction);
}

// A relation read from a sentence or a header says more than a co-occurrence however light it
// is: it is always drawn, and only co-occurrence links compete for the strongest places.
TEST(PrintEdges, RelationsReadFromTextAreAllDrawnHoweverLight) {
    auto graph = clique(20);
    for (std::size_t e = 0; e < graph.edges.size(); e += 10) {
        graph.edges[e].type = "meets_with";
        graph.edges[e].weight = 0.5;
    }
    auto co_occurrence_only = graph;
    std::erase_if(co_occurrence_only.edges,
                  [](const ExportEdge& edge) { return edge.type == "meets_with"; });
    auto expected = strongest_by_hand(co_occurrence_only, 3);
    for (const auto& edge : graph.edges)
        if (edge.type == "meets_with")
            expected.insert(edge.id);
    keep_links_to_draw(graph, LinkDrawing::Strongest, 3);
    EXPECT_EQ(ids(graph), expected);
    EXPECT_EQ(std::count_if(graph.edges.begin(), graph.edges.end(),
                            [](const ExportEdge& edge) { return edge.type == "meets_with"; }),
              19);
}

TEST(PrintEdges, AutoThinsOnlyAFigureOfMoreThanFourLinksPerNode) {
    auto dense = clique(20);
    keep_links_to_draw(dense, LinkDrawing::Auto, kDefaultLinksPerNode);
    EXPECT_LT(dense.edges.size(), 190u);

    // A ring with chords: 4 links per node exactly, not more.
    ExportGraph sparse;
    for (std::size_t i = 0; i < 10; ++i)
        sparse.nodes.push_back(ExportNode{});
    for (std::size_t i = 0; i < 10; ++i) {
        sparse.edges.push_back(link(i, (i + 1) % 10, 1 + static_cast<double>(i)));
        sparse.edges.push_back(link(i, (i + 3) % 10, 2));
        sparse.edges.push_back(link(i, (i + 5) % 10, 3));
        sparse.edges.push_back(link(i, (i + 7) % 10, 4));
    }
    const auto before = ids(sparse);
    keep_links_to_draw(sparse, LinkDrawing::Auto, kDefaultLinksPerNode);
    EXPECT_EQ(ids(sparse), before);
    EXPECT_EQ(sparse.reduction.strongest_per_node, 0u);
    EXPECT_EQ(reduction_note(sparse.reduction), "");
}

TEST(PrintEdges, AllKeepsEveryLinkAndSaysNothing) {
    auto graph = clique(20);
    keep_links_to_draw(graph, LinkDrawing::All, kDefaultLinksPerNode);
    EXPECT_EQ(graph.edges.size(), 190u);
    EXPECT_EQ(reduction_note(graph.reduction), "");
}

TEST(PrintEdges, ALinkThatIsAmongTheStrongestOfEveryNodeLeavesTheGraphAndTheCaptionAsTheyWere) {
    // A path: each node has at most two links, all among its three strongest.
    ExportGraph path;
    for (std::size_t i = 0; i < 5; ++i)
        path.nodes.push_back(ExportNode{});
    for (std::size_t i = 0; i + 1 < 5; ++i)
        path.edges.push_back(link(i, i + 1, 1));
    keep_links_to_draw(path, LinkDrawing::Strongest, 3);
    EXPECT_EQ(path.edges.size(), 4u);
    EXPECT_EQ(reduction_note(path.reduction), "");
}

TEST(PrintEdges, TheViewFileRecordsTheChoiceAndRefusesAnUnknownOneOrAnAbsurdCount) {
    ViewOptions options;
    options.style.links = LinkDrawing::Strongest;
    options.style.links_per_node = 5;
    nlohmann::json view;
    store_view_options(options, view);
    const auto back = parse_view_options(view);
    EXPECT_EQ(back.style.links, LinkDrawing::Strongest);
    EXPECT_EQ(back.style.links_per_node, 5);
    EXPECT_EQ(parse_view_options(nlohmann::json::object()).style.links, LinkDrawing::Auto);

    view["style"]["links"] = "some";
    EXPECT_THROW(
        {
            try {
                parse_view_options(view);
            } catch (const std::invalid_argument& e) {
                EXPECT_STREQ(e.what(), "style.links: unknown value 'some'");
                throw;
            }
        },
        std::invalid_argument);
    view["style"]["links"] = "all";
    view["style"]["links_per_node"] = 0;
    EXPECT_THROW(parse_view_options(view), std::invalid_argument);
}

} // namespace
} // namespace dossier::exporting
