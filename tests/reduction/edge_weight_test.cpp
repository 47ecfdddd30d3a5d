// Weight drawn as width, opacity or both (style.edge_weight), and the caption that carries the
// reduction note after the analyst's own caption (figure_builder.cpp).
#include "dossier/export/figure_builder.h"
#include "dossier/export/view_options.h"
#include "dossier/render/style_mapping.h"

#include <gtest/gtest.h>

namespace dossier::exporting {
namespace {

// Three people, edges of weight 1, 3 and 5.
ExportGraph weighted_graph() {
    ExportGraph g;
    for (const char* name : {"A", "B", "C"})
        g.nodes.push_back({name, name, "person", {}, {}, {}, {}, {}});
    for (auto [s, t, w] : {std::tuple{0, 1, 1.0}, {1, 2, 3.0}, {0, 2, 5.0}}) {
        ExportEdge e;
        e.source = static_cast<std::size_t>(s);
        e.target = static_cast<std::size_t>(t);
        e.weight = w;
        e.type = "met_with";
        g.edges.push_back(e);
    }
    return g;
}

layout::LayoutResult placed(const ExportGraph& g) {
    layout::LayoutResult r;
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        r.nodes.push_back({g.nodes[i].id, {40.0 * static_cast<double>(i), 0}, 12, 12});
    r.bounding_box = {{-10, -10}, {90, 10}};
    r.ok = true;
    return r;
}

render::Figure figure_with(EdgeWeight mode) {
    StyleOptions style;
    style.edge_weight = mode;
    const auto g = weighted_graph();
    return build_figure(g, placed(g), style);
}

TEST(EdgeWeight, WidthModeDrawsHeavierEdgesThickerAndEveryEdgeOpaque) {
    const auto f = figure_with(EdgeWeight::Width);
    EXPECT_LT(f.edges[0].width, f.edges[1].width);
    EXPECT_LT(f.edges[1].width, f.edges[2].width);
    for (const auto& e : f.edges)
        EXPECT_EQ(e.color.alpha(), 255);
}

TEST(EdgeWeight, OpacityModeDrawsOneWidthAndHeavierEdgesDarker) {
    const auto f = figure_with(EdgeWeight::Opacity);
    EXPECT_DOUBLE_EQ(f.edges[0].width, f.edges[2].width);
    EXPECT_NEAR(f.edges[0].color.alphaF(), 0.25, 0.01);
    EXPECT_NEAR(f.edges[1].color.alphaF(), 0.625, 0.01);
    EXPECT_EQ(f.edges[2].color.alpha(), 255);
}

TEST(EdgeWeight, BothModeVariesWidthAndOpacity) {
    const auto f = figure_with(EdgeWeight::Both);
    EXPECT_LT(f.edges[0].width, f.edges[2].width);
    EXPECT_LT(f.edges[0].color.alpha(), f.edges[2].color.alpha());
}

TEST(EdgeWeight, TheViewFileRecordsTheModeAndRefusesAnUnknownOne) {
    ViewOptions options;
    options.style.edge_weight = EdgeWeight::Opacity;
    options.export_options.citations = "refs.bib";
    nlohmann::json view = nlohmann::json::object();
    store_view_options(options, view);
    EXPECT_EQ(view["style"]["edge_weight"], "opacity");
    const auto back = parse_view_options(view);
    EXPECT_EQ(back.style.edge_weight, EdgeWeight::Opacity);
    EXPECT_EQ(back.export_options.citations, "refs.bib");
    EXPECT_THROW(parse_view_options(nlohmann::json::parse(R"({"style": {"edge_weight": "bold"}})")),
                 std::invalid_argument);
}

TEST(ReductionCaption, TheNoteFollowsTheAnalystsCaption) {
    auto g = weighted_graph();
    g.reduction.entities = 30;
    g.reduction.top_nodes = 3;
    g.reduction.top_metric = "pagerank";
    StyleOptions style;
    style.caption = "Contacts, 1980.";
    EXPECT_EQ(build_figure(g, placed(g), style).caption,
              "Contacts, 1980. Showing the 3 most central of 30 entities (PageRank).");
    style.caption.clear();
    EXPECT_EQ(build_figure(g, placed(g), style).caption,
              "Showing the 3 most central of 30 entities (PageRank).");
    g.reduction = {};
    style.caption = "Contacts, 1980.";
    EXPECT_EQ(build_figure(g, placed(g), style).caption, "Contacts, 1980.");
}

} // namespace
} // namespace dossier::exporting
