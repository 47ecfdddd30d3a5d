// Numbered keys (style.labels): at one journal column a community overview names only a few of
// its nodes beside them; numbers beside (or inside) the nodes with the names in a key under the
// network label most of them. Checked on the exported SVG as a reader would: every number drawn
// once, the key naming exactly the numbers drawn, no text over another text or over a node.
#include "dossier/export/figure_builder.h"
#include "dossier/export/figure_files.h"
#include "dossier/export/page_length.h"
#include "dossier/layout/graphviz_layout.h"
#include "dossier/render/figure_labels.h"
#include "gui_application.h"
#include "svg_geometry.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <random>
#include <set>

namespace dossier::exporting {
namespace {

using dossier::testing::TempDir;

// A community overview as `dossier export --aggregate community` makes one: a few dozen
// communities labelled by two members and a count, nearly every pair linked.
ExportGraph community_overview(std::size_t count) {
    const std::vector<std::string> names{"Leonid Gromyko",     "Cyrus Vance",
                                         "Helmut Schmidt",     "Anatoly Dobrynin",
                                         "Warren Christopher", "Raymond Garthoff"};
    std::mt19937 random(1980);
    ExportGraph graph;
    for (std::size_t i = 0; i < count; ++i) {
        ExportNode node;
        node.id = "c" + std::to_string(i);
        node.type = "community";
        node.label = names[i % names.size()] + ", " + names[(i + 2) % names.size()] + " +" +
                     std::to_string(10 + (i * 7) % 60);
        node.metrics = {{"members", static_cast<double>(80 - 3 * i)}};
        graph.nodes.push_back(std::move(node));
    }
    for (std::size_t a = 0; a < count; ++a)
        for (std::size_t b = a + 1; b < count; ++b)
            if (std::uniform_int_distribution<int>(0, 2)(random) > 0) {
                ExportEdge edge;
                edge.id = graph.nodes[a].id + "-" + graph.nodes[b].id;
                edge.source = a;
                edge.target = b;
                edge.type = "co_occurs_sentence";
                edge.weight = 1 + static_cast<double>((a * 31 + b * 17) % 40);
                graph.edges.push_back(edge);
            }
    return graph;
}

struct Printed {
    render::RenderReport report;
    testing::SvgGeometry svg;
};

Printed print(const ExportGraph& graph, render::LabelMode labels, const char* width,
              const char* height) {
    ViewOptions options;
    options.layout.engine = layout::Engine::Neato;
    options.layout_engine_chosen = true;
    options.style.size_by = "members";
    options.style.legend = true;
    options.style.labels = labels;
    layout::GraphvizLayout graphviz;
    const auto placed = graphviz.run(make_layout_request(graph, options));
    EXPECT_TRUE(placed.ok) << placed.error;
    TempDir dir;
    const PageSetup page{parse_page_length(width), parse_page_length(height), 300};
    Printed out;
    out.report = write_svg(dir / "figure.svg", build_figure(graph, placed, options.style), page);
    out.svg = testing::read_svg_geometry(dir / "figure.svg");
    return out;
}

bool is_number(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// The numbers drawn on the network (not the size legend's values), each as often as drawn.
std::multiset<int> drawn_numbers(const Printed& printed) {
    // Labels may reach half a margin (6 pt) into the sides of the drawing area.
    const QRectF network = printed.report.drawing_area.adjusted(-6, 0, 6, 0);
    std::multiset<int> out;
    for (const auto& text : printed.svg.texts)
        if (is_number(text.text) && network.contains(text.box.center()))
            out.insert(std::stoi(text.text));
    return out;
}

TEST(FigureKeys, AtOneColumnKeysLabelMoreCommunitiesThanNamesAndAutoChoosesThem) {
    dossier::testing::ensure_gui_application();
    const auto graph = community_overview(24);
    const auto names = print(graph, render::LabelMode::Names, "85mm", "110mm");
    const auto keys = print(graph, render::LabelMode::Keys, "85mm", "110mm");
    const auto automatic = print(graph, render::LabelMode::Auto, "85mm", "110mm");
    EXPECT_FALSE(names.report.keyed);
    EXPECT_TRUE(keys.report.keyed);
    EXPECT_GT(keys.report.labels.placed.size(), names.report.labels.placed.size() + 5);
    EXPECT_TRUE(automatic.report.keyed);
    EXPECT_EQ(automatic.report.labels.placed.size(), keys.report.labels.placed.size());
    for (const auto* printed : {&names, &keys, &automatic}) {
        const auto collisions = testing::find_collisions(printed->svg);
        EXPECT_EQ(collisions.text_over_text, 0) << collisions.example;
        EXPECT_EQ(collisions.text_over_ellipse, 0) << collisions.example;
        for (const auto& text : printed->svg.texts)
            EXPECT_GE(text.points, 6.0) << text.text;
    }
}

TEST(FigureKeys, EveryNumberInTheKeyIsDrawnOnceAndNamesItsNode) {
    dossier::testing::ensure_gui_application();
    const auto graph = community_overview(24);
    const auto keys = print(graph, render::LabelMode::Keys, "85mm", "110mm");
    const auto numbers = drawn_numbers(keys);
    const auto keyed = keys.report.labels.placed.size();
    ASSERT_GT(keyed, 0u);
    // 1..k, each once: the key is renumbered when a number found no room.
    ASSERT_EQ(numbers.size(), keyed);
    int expected = 1;
    for (int n : numbers)
        EXPECT_EQ(n, expected++);
    const auto key = keys.report.key.toStdString();
    ASSERT_EQ(key.rfind("Key: ", 0), 0u) << key;
    const std::string nbsp = "\xC2\xA0";
    for (std::size_t k = 1; k <= keyed; ++k) {
        // The entry for k names the node whose label is drawn as k.
        const auto& node =
            graph.nodes[static_cast<std::size_t>(keys.report.labels.placed[k - 1].node)];
        const auto label = render::figure_label(node.type, QString::fromStdString(node.label), {},
                                                render::LabelRule{});
        const auto entry = std::to_string(k) + nbsp + label.toStdString();
        EXPECT_NE(key.find(entry), std::string::npos) << entry << " not in " << key;
    }
    EXPECT_EQ(key.find(std::to_string(keyed + 1) + nbsp), std::string::npos)
        << "the key names a number that is not drawn: " << key;
    // Nodes without a number are counted in the caption, as dropped names are.
    const auto unlabelled = graph.nodes.size() - keyed;
    if (unlabelled > 0) {
        EXPECT_NE(keys.report.caption.toStdString().find(std::to_string(unlabelled) + " of 24"),
                  std::string::npos)
            << keys.report.caption.toStdString();
    }
}

TEST(FigureKeys, OnAWidePageAutoKeepsNames) {
    dossier::testing::ensure_gui_application();
    const auto graph = community_overview(12);
    const auto automatic = print(graph, render::LabelMode::Auto, "180mm", "120mm");
    EXPECT_FALSE(automatic.report.keyed);
    EXPECT_TRUE(automatic.report.key.isEmpty());
    EXPECT_TRUE(drawn_numbers(automatic).empty());
}

TEST(FigureKeys, ACommunityOnlyFigureHasNoOneSwatchColourLegend) {
    dossier::testing::ensure_gui_application();
    const auto graph = community_overview(6);
    ViewOptions options;
    options.style.legend = true;
    layout::GraphvizLayout graphviz;
    const auto placed = graphviz.run(make_layout_request(graph, options));
    ASSERT_TRUE(placed.ok) << placed.error;
    const auto figure = build_figure(graph, placed, options.style);
    EXPECT_TRUE(figure.color_legend.empty());
    EXPECT_FALSE(figure.stroke_legend.empty());
}

} // namespace
} // namespace dossier::exporting
