#include "dossier/export/figure_builder.h"
#include "dossier/render/style_mapping.h"
#include "sample_graph.h"

#include <gtest/gtest.h>
#include <set>

namespace dossier::exporting {
namespace {

layout::LayoutResult placed_like_visuals(const ExportGraph& graph) {
    layout::LayoutResult result;
    const auto visuals = testing::sample_visuals();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        result.nodes.push_back({graph.nodes[i].id,
                                {visuals[i].x, visuals[i].y},
                                visuals[i].diameter,
                                visuals[i].diameter});
    result.bounding_box = {{-120, -90}, {100, 80}};
    result.ok = true;
    return result;
}

TEST(FigureBuilder, ColoursByTypeWithOkabeItoSoEveryPersonLooksTheSame) {
    const auto graph = testing::sample_graph();
    const auto figure = build_figure(graph, placed_like_visuals(graph), StyleOptions{});
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        if (graph.nodes[i].type == "person") {
            EXPECT_EQ(figure.nodes[i].fill, QColor(0xE6, 0x9F, 0x00)) << graph.nodes[i].label;
        }
    ASSERT_EQ(figure.color_legend.size(), 4u); // person, organization, country, place
    EXPECT_EQ(figure.color_legend.front().label, "person");
}

TEST(FigureBuilder, ColoursByCommunityGiveOneLegendEntryPerCommunity) {
    const auto graph = testing::sample_graph();
    StyleOptions style;
    style.color_by = ColorBy::Community;
    const auto figure = build_figure(graph, placed_like_visuals(graph), style);
    EXPECT_EQ(figure.color_legend.size(), 3u); // communities 1, 2 and "none"
    EXPECT_EQ(figure.color_legend_title, "Community");
}

TEST(FigureBuilder, NodeDiametersGrowWithTheSizeMetric) {
    auto graph = testing::sample_graph();
    ViewOptions options;
    options.style.size_by = "pagerank";
    const auto request = make_layout_request(graph, options);
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        for (std::size_t j = 0; j < graph.nodes.size(); ++j)
            if (*graph.nodes[i].metric("pagerank") > *graph.nodes[j].metric("pagerank")) {
                EXPECT_GT(request.nodes[i].width, request.nodes[j].width);
            }
    EXPECT_DOUBLE_EQ(request.nodes[1].width,
                     options.style.max_diameter); // Gromyko has the top PageRank
}

TEST(FigureBuilder, EdgeWidthFollowsWeightAndStrokeFollowsRelationType) {
    const auto graph = testing::sample_graph();
    const auto figure = build_figure(graph, placed_like_visuals(graph), StyleOptions{});
    for (std::size_t i = 0; i < graph.edges.size(); ++i)
        for (std::size_t j = 0; j < graph.edges.size(); ++j) {
            if (graph.edges[i].weight > graph.edges[j].weight) {
                EXPECT_GT(figure.edges[i].width, figure.edges[j].width);
            }
            if (graph.edges[i].type == graph.edges[j].type) {
                EXPECT_EQ(figure.edges[i].stroke, figure.edges[j].stroke);
            }
        }
    // One legend row per stroke in use, each stroke once, whatever the number of types.
    std::set<render::EdgeStroke> strokes;
    for (const auto& edge : figure.edges)
        strokes.insert(edge.stroke);
    EXPECT_EQ(figure.stroke_legend.size(), strokes.size());
    EXPECT_LE(figure.stroke_legend.size(), 4u);
}

TEST(FigureBuilder, FilesDrawTheGraphViewsStrokesAndArrowheads) {
    auto graph = testing::sample_graph();
    ASSERT_GE(graph.edges.size(), 2u);
    graph.edges[0].directed = true;
    graph.edges[1].directed = false;
    const auto figure = build_figure(graph, placed_like_visuals(graph), StyleOptions{});
    EXPECT_TRUE(figure.edges[0].directed);
    EXPECT_FALSE(figure.edges[1].directed);
    // One rule for screen and file: the stroke comes from render/style_mapping.h.
    for (std::size_t i = 0; i < graph.edges.size(); ++i)
        EXPECT_EQ(figure.edges[i].stroke, render::relation_stroke(graph.edges[i].type))
            << graph.edges[i].type;
}

TEST(FigureBuilder, LargeGraphsGetSfdpUnlessTheViewChoseAnEngine) {
    ExportGraph big;
    for (int i = 0; i < 1000; ++i)
        big.nodes.push_back({std::to_string(i), "n", "person", {}, {}, std::nullopt, "", ""});
    ViewOptions options;
    EXPECT_EQ(make_layout_request(big, options).options.engine, layout::Engine::Sfdp);
    options.layout.engine = layout::Engine::Dot;
    options.layout_engine_chosen = true;
    EXPECT_EQ(make_layout_request(big, options).options.engine, layout::Engine::Dot);
}

} // namespace
} // namespace dossier::exporting
