// Layout + SVG through Dossier against Graphviz's own command-line programs on the same graph,
// and the SVG export of a 10,000-node figure after layout. Run with:
//   build-layout/bench/layout_bench --benchmark_repetitions=3
//   --benchmark_report_aggregates_only=true
// Figures in docs/PERFORMANCE.md.
#include "dossier/export/figure_builder.h"
#include "dossier/export/figure_files.h"
#include "dossier/layout/graphviz_layout.h"
#include "dossier/layout/layout_service.h"

#include <QGuiApplication>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/resource.h>

namespace {

using namespace dossier;

// A connected random graph: a chain through every node plus random extra edges, fixed seed.
exporting::ExportGraph random_graph(std::size_t nodes, std::size_t edges) {
    exporting::ExportGraph graph;
    std::mt19937 random(42);
    const char* types[] = {"person", "organization", "country", "place"};
    for (std::size_t i = 0; i < nodes; ++i)
        graph.nodes.push_back({std::to_string(i),
                               "Entity " + std::to_string(i),
                               types[i % 4],
                               {},
                               {{"degree", static_cast<double>(i % 17)}},
                               std::nullopt,
                               "",
                               ""});
    std::uniform_int_distribution<std::size_t> pick(0, nodes - 1);
    for (std::size_t i = 0; i < edges; ++i) {
        const std::size_t a = i < nodes - 1 ? i : pick(random);
        const std::size_t b = i < nodes - 1 ? i + 1 : pick(random);
        graph.edges.push_back({"r" + std::to_string(i),
                               a,
                               b,
                               i % 3 == 0 ? "met_with" : "refers_to",
                               1.0,
                               true,
                               "",
                               "",
                               {}});
    }
    return graph;
}

exporting::ViewOptions options_for(layout::Engine engine) {
    exporting::ViewOptions options;
    options.layout.engine = engine;
    options.layout_engine_chosen = true;
    options.style.size_by = "degree";
    return options;
}

// The same request as a DOT file for the command-line programs: same sizes, seed and options.
std::filesystem::path write_dot_input(const exporting::ExportGraph& graph,
                                      const exporting::ViewOptions& options,
                                      const std::string& name) {
    const auto request = exporting::make_layout_request(graph, options);
    const auto path = std::filesystem::temp_directory_path() / (name + ".gv");
    std::ofstream out(path);
    out << "graph G {\n  start=\"random" << options.layout.seed
        << "\"; overlap=" << options.layout.overlap << "; splines=" << options.layout.splines
        << ";\n  node [shape=ellipse, fixedsize=true, label=\"\"];\n";
    for (std::size_t i = 0; i < request.nodes.size(); ++i)
        out << "  n" << i << " [width=" << request.nodes[i].width / 72.0
            << ", height=" << request.nodes[i].height / 72.0 << "];\n";
    for (const auto& edge : request.edges)
        out << "  n" << edge.source << " -- n" << edge.target << ";\n";
    out << "}\n";
    return path;
}

// CPU seconds of this process and of its reaped children (the layout worker, the Graphviz
// programs): on a shared machine wall time mostly measures the other users.
double cpu_seconds_with_children() {
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    rusage self{}, children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return seconds(self.ru_utime) + seconds(self.ru_stime) + seconds(children.ru_utime) +
           seconds(children.ru_stime);
}

// What `dossier export` does: the layout in a dossier-layout-worker process (LayoutService),
// then the figure through the one renderer into an SVG file.
void dossier_layout_and_svg(benchmark::State& state, layout::Engine engine) {
    const auto graph = random_graph(static_cast<std::size_t>(state.range(0)),
                                    static_cast<std::size_t>(state.range(1)));
    const auto options = options_for(engine);
    const auto svg = std::filesystem::temp_directory_path() / "dossier-layout-bench.svg";
    layout::LayoutService service;
    double cpu = 0;
    for (auto _ : state) {
        const double before = cpu_seconds_with_children();
        const auto placed = service.submit(exporting::make_layout_request(graph, options)).wait();
        if (!placed.ok)
            state.SkipWithError(placed.error.c_str());
        exporting::write_svg(svg, exporting::build_figure(graph, placed, options.style),
                             {510.24, 340.16, 300});
        cpu += cpu_seconds_with_children() - before;
    }
    state.counters["nodes"] = static_cast<double>(graph.nodes.size());
    state.counters["cpu_with_children_s"] =
        benchmark::Counter(cpu, benchmark::Counter::kAvgIterations);
}

void command_line_layout_and_svg(benchmark::State& state, const char* program,
                                 layout::Engine engine) {
    const auto graph = random_graph(static_cast<std::size_t>(state.range(0)),
                                    static_cast<std::size_t>(state.range(1)));
    const auto input =
        write_dot_input(graph, options_for(engine), std::string("dossier-bench-") + program);
    const auto svg = std::filesystem::temp_directory_path() / "dossier-bench-cli.svg";
    const std::string command =
        std::string(program) + " -Tsvg " + input.string() + " -o " + svg.string();
    double cpu = 0;
    for (auto _ : state) {
        const double before = cpu_seconds_with_children();
        if (std::system(command.c_str()) != 0)
            state.SkipWithError("the Graphviz program failed");
        cpu += cpu_seconds_with_children() - before;
    }
    state.counters["nodes"] = static_cast<double>(graph.nodes.size());
    state.counters["cpu_with_children_s"] =
        benchmark::Counter(cpu, benchmark::Counter::kAvgIterations);
}

void BM_DossierSfdpLayoutAndSvg(benchmark::State& state) {
    dossier_layout_and_svg(state, layout::Engine::Sfdp);
}
void BM_SfdpCommandLine(benchmark::State& state) {
    command_line_layout_and_svg(state, "sfdp", layout::Engine::Sfdp);
}
void BM_DossierNeatoLayoutAndSvg(benchmark::State& state) {
    dossier_layout_and_svg(state, layout::Engine::Neato);
}
void BM_NeatoCommandLine(benchmark::State& state) {
    command_line_layout_and_svg(state, "neato", layout::Engine::Neato);
}

BENCHMARK(BM_DossierSfdpLayoutAndSvg)
    ->Args({5000, 20000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_SfdpCommandLine)->Args({5000, 20000})->Unit(benchmark::kMillisecond)->Iterations(1);
// neato is quadratic: about 100-140 s of CPU per run at 5,000 nodes (the size), so a
// full run of this file takes 15 minutes or more; --benchmark_filter='Neato.*/1000' skips it.
BENCHMARK(BM_DossierNeatoLayoutAndSvg)
    ->Args({1000, 4000})
    ->Args({5000, 20000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_NeatoCommandLine)
    ->Args({1000, 4000})
    ->Args({5000, 20000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The SVG export alone (figure building, label placement, drawing, writing) after one layout.
// The sfdp layout of 10,000 nodes takes a minute or two: done once, shared by the repetitions.
struct LaidOutGraph {
    exporting::ExportGraph graph;
    layout::LayoutResult placed;
};
const LaidOutGraph& ten_thousand_nodes_laid_out() {
    static const LaidOutGraph laid_out = [] {
        LaidOutGraph result{random_graph(10000, 40000), {}};
        layout::GraphvizLayout graphviz;
        result.placed = graphviz.run(
            exporting::make_layout_request(result.graph, options_for(layout::Engine::Sfdp)));
        return result;
    }();
    return laid_out;
}

void BM_Svg10000NodesAfterLayout(benchmark::State& state) {
    const auto& [graph, placed] = ten_thousand_nodes_laid_out();
    const auto options = options_for(layout::Engine::Sfdp);
    const auto svg = std::filesystem::temp_directory_path() / "dossier-bench-10k.svg";
    for (auto _ : state)
        exporting::write_svg(svg, exporting::build_figure(graph, placed, options.style),
                             {510.24, 340.16, 300});
    state.counters["layout_s"] = placed.seconds;
}
BENCHMARK(BM_Svg10000NodesAfterLayout)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    if (std::getenv("QT_QPA_PLATFORM") == nullptr)
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
