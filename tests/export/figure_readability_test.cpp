// Figures for print, checked as a reader would check them: the exported SVG is read back
// (svg_geometry.h) and no text may lie over another text or over a node, no text is under 6 pt
// and no line under 0.25 pt at the page size, for every Graphviz engine at one journal column
// (85 mm), two columns (180 mm) and A4 landscape, on the sample corpus, the seed cable and a
// generated 1,000-node network (120 nodes for circo). Dropped labels are counted in the caption.
#include "dossier/export/figure_builder.h"
#include "dossier/export/figure_files.h"
#include "dossier/export/page_length.h"
#include "dossier/export/snapshot_export.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/layout/graphviz_layout.h"
#include "dossier/store/project.h"
#include "gui_application.h"
#include "process.h"
#include "svg_geometry.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <map>
#include <random>

namespace dossier::exporting {
namespace {

using dossier::testing::TempDir;
using testing::read_svg_geometry;

constexpr const char* kSeedCable = "cc-cpsu-politburo-p217-57-1980.txt";

// A project made by the real command, read back through the graph core as `dossier export`
// reads it.
ExportGraph project_graph(const std::string& inputs) {
    TempDir dir;
    const std::string project = (dir / "figure.dossier").string();
    const auto imported = dossier::testing::run_cli("import " + project + " " + inputs);
    EXPECT_EQ(imported.exit_code, 0) << imported.out;
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    const auto snapshot = graph::GraphSnapshot::build(opened, {});
    const auto metrics =
        graph::compute_metrics(snapshot, {graph::Metric::Degree, graph::Metric::PageRank});
    return export_graph_from_snapshot(opened, snapshot, metrics, false);
}

// A Barabási-Albert network of officials, agencies, countries and documents with names of
// realistic lengths, some of them long (document titles, institutions).
ExportGraph generated_graph(std::size_t count) {
    const std::vector<std::string> given{"Andrei",  "Cyrus",  "Helmut",        "Zbigniew", "Leonid",
                                         "Anatoly", "Warren", "Hans-Dietrich", "Raymond"};
    const std::vector<std::string> family{"Gromyko",   "Vance",       "Schmidt",  "Brzezinski",
                                          "Dobrynin",  "Christopher", "Genscher", "Garthoff",
                                          "Kornienko", "Shulman",     "Ustinov",  "Aleksandrov"};
    const std::vector<std::string> relation_types{"co_occurs_sentence", "meets_with",
                                                  "addressed_to", "mentions", "negotiates_with"};
    std::mt19937 random(1980);
    ExportGraph graph;
    std::vector<std::size_t> ends; // each node once per edge end: preferential attachment
    for (std::size_t i = 0; i < count; ++i) {
        ExportNode node;
        node.id = std::to_string(i + 1);
        switch (i % 10) {
        case 0:
            node.type = "document";
            node.label = "Telegram " + std::to_string(1000 + i) +
                         " From the Embassy in the Soviet Union to the Department of State";
            node.first_date = "1980-03-20";
            break;
        case 1:
            node.type = "organization";
            node.label =
                "Presidium of the Supreme Soviet of the USSR, section " + std::to_string(i);
            break;
        case 2:
            node.type = "country";
            node.label = "Country " + std::to_string(i);
            break;
        default:
            node.type = "person";
            node.label = given[i % given.size()] + " " + family[(i / 3) % family.size()] + " " +
                         std::to_string(i);
        }
        graph.nodes.push_back(std::move(node));
        const std::size_t links = i < 3 ? i : 2;
        for (std::size_t k = 0; k < links; ++k) {
            const std::size_t other =
                ends.empty()
                    ? 0
                    : ends[std::uniform_int_distribution<std::size_t>(0, ends.size() - 1)(random)];
            if (other == i)
                continue;
            ExportEdge edge;
            edge.id = "r" + std::to_string(graph.edges.size() + 1);
            edge.source = i;
            edge.target = other;
            edge.type = relation_types[graph.edges.size() % relation_types.size()];
            edge.directed = edge.type != "co_occurs_sentence";
            edge.weight = 1 + static_cast<double>(graph.edges.size() % 7);
            graph.edges.push_back(edge);
            ends.push_back(i);
            ends.push_back(other);
        }
    }
    std::vector<double> degree(count, 0);
    for (const auto& edge : graph.edges) {
        degree[edge.source] += 1;
        degree[edge.target] += 1;
    }
    for (std::size_t i = 0; i < count; ++i)
        graph.nodes[i].metrics = {{"degree", degree[i]}};
    return graph;
}

const ExportGraph& graph_named(const std::string& name) {
    static std::map<std::string, ExportGraph> made;
    auto found = made.find(name);
    if (found != made.end())
        return found->second;
    ExportGraph graph;
    if (name == "sample")
        graph = project_graph(std::string(DOSSIER_DATA_DIR) + "/samples --exclude README.md");
    else if (name == "seed")
        graph = project_graph(dossier::testing::shared_corpus(kSeedCable).string());
    else if (name == "generated120")
        graph = generated_graph(120);
    else
        graph = generated_graph(1000);
    return made.emplace(name, std::move(graph)).first->second;
}

struct Page {
    const char* name;
    const char* width;
    const char* height;
};
constexpr Page kPages[] = {{"one column", "85mm", "100mm"},
                           {"two columns", "180mm", "120mm"},
                           {"A4 landscape", "297mm", "210mm"}};

using Case = std::tuple<std::string, layout::Engine>;

class FigureReadability : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override { dossier::testing::ensure_gui_application(); }
};

TEST_P(FigureReadability, NoTextCollidesAndNothingPrintsTooSmallAtAnyPageSize) {
    const auto& [graph_name, engine] = GetParam();
    if (graph_name == "seed")
        DOSSIER_REQUIRE_SHARED_CORPUS(kSeedCable);
    const ExportGraph& graph = graph_named(graph_name);
    ASSERT_GT(graph.nodes.size(), 5u);
    ViewOptions options;
    options.layout.engine = engine;
    options.layout_engine_chosen = true;
    options.style.size_by = graph_name.starts_with("generated") ? "degree" : "pagerank";
    options.style.legend = true;
    options.style.title = "Officials and institutions, 1980";
    options.style.caption = "Relations read by Dossier.";
    layout::GraphvizLayout graphviz;
    const auto placed = graphviz.run(make_layout_request(graph, options));
    ASSERT_TRUE(placed.ok) << placed.error;
    const auto figure = build_figure(graph, placed, options.style);
    TempDir dir;
    for (const auto& page : kPages) {
        SCOPED_TRACE(page.name);
        const PageSetup setup{parse_page_length(page.width), parse_page_length(page.height), 300};
        const auto path = dir / "figure.svg";
        const auto report = write_svg(path, figure, setup);
        const auto svg = read_svg_geometry(path);
        EXPECT_NEAR(svg.width_points, setup.width_points, 1.0);

        const auto collisions = testing::find_collisions(svg);
        EXPECT_EQ(collisions.text_over_text, 0) << collisions.example;
        EXPECT_EQ(collisions.text_over_ellipse, 0) << collisions.example;
        EXPECT_FALSE(report.labels.placed.empty()) << "a figure with no label at all";

        double smallest_text = 1e9;
        for (const auto& text : svg.texts)
            smallest_text = std::min(smallest_text, text.points);
        EXPECT_GE(smallest_text, 6.0);
        double thinnest = 1e9;
        for (const auto& stroke : svg.strokes)
            thinnest = std::min(thinnest, stroke.points);
        EXPECT_GE(thinnest, 0.25);

        // Every dropped label is counted where the reader sees it.
        std::string printed;
        for (const auto& text : svg.texts)
            printed += text.text + " ";
        if (report.unlabelled > 0)
            EXPECT_NE(printed.find(std::to_string(report.unlabelled) + " of "), std::string::npos)
                << printed;
        else
            EXPECT_EQ(printed.find("nodes unlabelled"), std::string::npos);
    }
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
    return std::get<0>(info.param) + "_" + std::string(layout::to_string(std::get<1>(info.param)));
}

constexpr layout::Engine kEngines[] = {layout::Engine::Dot,   layout::Engine::Neato,
                                       layout::Engine::Fdp,   layout::Engine::Sfdp,
                                       layout::Engine::Circo, layout::Engine::Twopi};

INSTANTIATE_TEST_SUITE_P(SampleCorpus, FigureReadability,
                         ::testing::Combine(::testing::Values("sample"),
                                            ::testing::ValuesIn(kEngines)),
                         case_name);
INSTANTIATE_TEST_SUITE_P(SeedCable, FigureReadability,
                         ::testing::Combine(::testing::Values("seed"),
                                            ::testing::ValuesIn(kEngines)),
                         case_name);
// circo lays out 1,000 nodes in minutes (Graphviz's own circo program takes as long, see
// docs/EXPORTS.md), so circo is checked on 120 generated nodes.
constexpr layout::Engine kEnginesAt1000[] = {layout::Engine::Dot, layout::Engine::Neato,
                                             layout::Engine::Fdp, layout::Engine::Sfdp,
                                             layout::Engine::Twopi};
INSTANTIATE_TEST_SUITE_P(Generated1000, FigureReadability,
                         ::testing::Combine(::testing::Values("generated"),
                                            ::testing::ValuesIn(kEnginesAt1000)),
                         case_name);
INSTANTIATE_TEST_SUITE_P(Generated120, FigureReadability,
                         ::testing::Combine(::testing::Values("generated120"),
                                            ::testing::Values(layout::Engine::Circo)),
                         case_name);

} // namespace
} // namespace dossier::exporting
