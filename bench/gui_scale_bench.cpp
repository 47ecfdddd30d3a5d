// The explorer at real size (issue 20, docs/PERFORMANCE.md): a synthetic project of 50,000
// entities and 499,900 relations (bench/synthetic_network.h), opened through the real MainWindow
// to its community overview laid out and painted; unfolding and folding a community; adding an
// entity's neighbours to a focus; a pan frame on the overview. Reference in the same run: SQLite
// alone reading the relations' ends and weights, the floor of any open.
#include "app/main_window.h"
#include "graph_view/graph_view.h"
#include "jobs/layout_controller.h"
#include "state/explorer_state.h"
#include "synthetic_network.h"

#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <sqlite3.h>

using namespace dossier;
using namespace dossier::gui;

namespace {

constexpr QSize kViewport{1600, 1000};

const QString& project_path() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString p = dir.filePath(QStringLiteral("scale.dossier"));
        bench::SyntheticProject spec;
        spec.entities = 50'000;
        spec.links_per_entity = 10;
        spec.documents = 5'000;
        bench::write_synthetic_project(spec, p.toStdString());
        return p;
    }();
    return path;
}

void BM_Reference_SqliteReadsRelations(benchmark::State& st) {
    for (auto _ : st) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(project_path().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, "SELECT source_id, target_id, weight FROM relations", -1, &stmt,
                           nullptr);
        double sum = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW)
            sum += sqlite3_column_double(stmt, 2) + static_cast<double>(sqlite3_column_int64(stmt, 0));
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        benchmark::DoNotOptimize(sum);
    }
}

// A window with the project open on its overview, laid out (the first layout of the overview).
struct OpenWindow {
    MainWindow window;
    QImage frame{kViewport, QImage::Format_ARGB32_Premultiplied};
    bool ok = false;
    OpenWindow() {
        window.set_interactive(false);
        window.resize(kViewport);
        QSignalSpy laid_out(&window, &MainWindow::layout_finished);
        window.open_project(project_path());
        ok = laid_out.wait(120000);
        window.render(&frame);
    }
};

void BM_OpenToLaidOutOverview(benchmark::State& st) {
    project_path();
    for (auto _ : st) {
        OpenWindow open;
        if (!open.ok)
            st.SkipWithError("the overview was not laid out");
        st.counters["nodes_drawn"] = open.window.state()->visible().node_count;
        st.PauseTiming();
        QSignalSpy metrics(&open.window, &MainWindow::metrics_ready); // let the metrics job end
        metrics.wait(240000);
        st.ResumeTiming();
    }
}

// The open window once its background metrics (sampled betweenness: seconds of CPU at this
// size) are done, so the steps below are timed on their own.
OpenWindow& open_window() {
    static OpenWindow w;
    static const bool settled = [] {
        QSignalSpy metrics(&w.window, &MainWindow::metrics_ready);
        const bool ok = metrics.wait(240000);
        // The steps are timed without the community layout that follows an unfold on a worker
        // (its result arrives later, as any layout's).
        w.window.set_auto_layout(false);
        return ok;
    }();
    (void)settled;
    return w;
}

CommunityIndex largest_community(const ExplorerGraph& graph) {
    CommunityIndex best;
    int members = 0;
    for (std::size_t i = graph.entity_count(); i < graph.nodes.size(); ++i)
        if (graph.nodes[i].members > members) {
            members = graph.nodes[i].members;
            best = graph.nodes[i].community;
        }
    return best;
}

// Unfold the largest community (iteration 1), fold it (iteration 2), ...: the step and the frame.
void BM_UnfoldOrFoldLargestCommunity(benchmark::State& st) {
    auto& w = open_window();
    auto& state = *w.window.state();
    const CommunityIndex community = largest_community(*state.graph());
    st.counters["members"] =
        state.graph()
            ->nodes[static_cast<std::size_t>(state.graph()->group_node(community))]
            .members;
    int k = 0;
    for (auto _ : st) {
        if (k++ % 2 == 0)
            state.unfold(community);
        else
            state.go_back();
        w.window.graph_view()->render(&w.frame);
    }
    if (k % 2 == 1)
        state.go_back();
}

// Focus on the most connected entity, then add a neighbour's neighbours and take it back.
void BM_AddNeighboursStep(benchmark::State& st) {
    auto& w = open_window();
    auto& state = *w.window.state();
    const auto& graph = *state.graph();
    std::size_t hub = 0;
    for (std::size_t i = 0; i < graph.entity_count(); ++i)
        if (graph.nodes[i].degree > graph.nodes[hub].degree)
            hub = i;
    state.focus_on(graph.nodes[hub].id);
    const auto neighbours = filtered_neighbours(graph, state.filtered(), static_cast<int>(hub));
    const EntityId grown = graph.nodes[static_cast<std::size_t>(neighbours.back())].id;
    int k = 0;
    for (auto _ : st) {
        if (k++ % 2 == 0)
            state.add_neighbours(grown);
        else
            state.go_back();
        w.window.graph_view()->render(&w.frame);
    }
    st.counters["focus"] = state.visible().node_count;
    state.go_back();
    if (k % 2 == 1)
        state.go_back();
}

// A pan step on the overview (arrow key): the view shifts its cached frame.
void BM_PanFrameOverview(benchmark::State& st) {
    auto& w = open_window();
    auto* view = w.window.graph_view();
    int k = 0;
    for (auto _ : st) {
        QKeyEvent key(QEvent::KeyPress, (k++ % 2) ? Qt::Key_Left : Qt::Key_Right, Qt::NoModifier);
        QApplication::sendEvent(view, &key);
        view->render(&w.frame);
    }
    // GUI_BENCH_FRAME=out.png keeps the last frame, to look at what was timed.
    if (const char* out = std::getenv("GUI_BENCH_FRAME"))
        w.frame.save(QString::fromLocal8Bit(out));
}

} // namespace

BENCHMARK(BM_Reference_SqliteReadsRelations)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_OpenToLaidOutOverview)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_UnfoldOrFoldLargestCommunity)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_AddNeighboursStep)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_PanFrameOverview)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

int main(int argc, char** argv) {
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
