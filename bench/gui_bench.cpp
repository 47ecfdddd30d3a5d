// dossier-gui rendering, measured through the real GraphView painting into an offscreen image
// (QT_QPA_PLATFORM=offscreen, no GPU): a synthetic 10,000-node, 50,000-edge graph, and a
// 100,000-document project opened through the real MainWindow until its first paint.
// Reference in the same run: QPainter drawing 50,000 plain lines with one drawLines call.
#include "app/main_window.h"
#include "dossier/model/date.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "graph_view/graph_view.h"
#include "panels/documents_model.h"
#include "panels/documents_panel.h"
#include "state/explorer_state.h"

#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cmath>
#include <cstdlib>
#include <numbers>

using namespace dossier;
using namespace dossier::gui;

namespace {
constexpr int kNodes = 10000;
constexpr int kEdges = 50000;
constexpr QSize kViewport{1600, 1000};

// Nodes in 60 Gaussian clusters (what force-directed layouts of archival networks look like);
// 80% of edges inside a cluster, the rest between clusters.
std::shared_ptr<ExplorerGraph> synthetic_graph() {
    auto g = std::make_shared<ExplorerGraph>();
    QRandomGenerator rng(2026);
    constexpr int kClusters = 60;
    std::vector<QPointF> centres;
    for (int c = 0; c < kClusters; ++c)
        centres.emplace_back(rng.bounded(8000.0), rng.bounded(5000.0));
    g->nodes.resize(kNodes);
    for (int i = 0; i < kNodes; ++i) {
        auto& n = g->nodes[static_cast<std::size_t>(i)];
        n.id = EntityId{i + 1};
        n.name = QStringLiteral("Entity %1").arg(i);
        n.type = static_cast<EntityType>(rng.bounded(5));
        n.mentions = 1 + static_cast<int>(rng.bounded(200));
        n.community = CommunityIndex{i % kClusters};
        const double r = 300 * std::sqrt(-2 * std::log(1 - rng.generateDouble()));
        const double a = 2 * std::numbers::pi * rng.generateDouble();
        n.position = centres[static_cast<std::size_t>(i % kClusters)] +
                     QPointF(r * std::cos(a), r * std::sin(a));
    }
    const QStringList types{QStringLiteral("co_occurs_sentence"), QStringLiteral("mentions"),
                            QStringLiteral("addressed_to"), QStringLiteral("cooperates_with")};
    for (int e = 0; e < kEdges; ++e) {
        const int s = static_cast<int>(rng.bounded(kNodes));
        int t = static_cast<int>(rng.bounded(kNodes));
        if (rng.bounded(10) < 8) // same cluster
            t = (t - t % kClusters + s % kClusters) % kNodes;
        if (t == s)
            t = (s + kClusters) % kNodes;
        g->edges.push_back(
            {RelationId{e + 1}, s, t, types[e % types.size()], 1.0 + rng.bounded(5), false, 0, 0});
    }
    g->rebuild_index();
    return g;
}

struct Scene {
    ExplorerState state;
    GraphView view{&state};
    QImage frame{kViewport, QImage::Format_ARGB32_Premultiplied};
    Scene() {
        state.set_graph(synthetic_graph());
        view.resize(kViewport);
        view.fit_view();
        view.render(&frame); // warm the cache and fonts
    }
};

Scene& scene() {
    static Scene s;
    return s;
}

void BM_Reference_DrawLines50k(benchmark::State& st) {
    QRandomGenerator rng(1);
    std::vector<QLineF> lines;
    for (int i = 0; i < kEdges; ++i)
        lines.emplace_back(rng.bounded(1600.0), rng.bounded(1000.0), rng.bounded(1600.0),
                           rng.bounded(1000.0));
    QImage image(kViewport, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : st) {
        image.fill(Qt::white);
        QPainter p(&image);
        p.setPen(QPen(QColor(0, 0, 0, 90), 0));
        p.drawLines(lines.data(), static_cast<int>(lines.size()));
    }
}

// A pan step (arrow key) repainted: the view shifts its cached frame.
void BM_PanFrame(benchmark::State& st) {
    auto& s = scene();
    int k = 0;
    for (auto _ : st) {
        QKeyEvent key(QEvent::KeyPress, (k++ % 2) ? Qt::Key_Left : Qt::Key_Right, Qt::NoModifier);
        QApplication::sendEvent(&s.view, &key);
        s.view.render(&s.frame);
    }
}

// A zoom step (in, then out): the whole scene is drawn again (edges, nodes, labels, overview).
void BM_ZoomStepFullRedraw(benchmark::State& st) {
    auto& s = scene();
    int k = 0;
    for (auto _ : st) {
        if (k++ % 2)
            s.view.zoom_in();
        else
            s.view.zoom_out();
        s.view.render(&s.frame);
    }
    // GUI_BENCH_FRAME=out.png keeps the last zoom frame, to look at what was timed.
    if (const char* out = std::getenv("GUI_BENCH_FRAME"))
        s.frame.save(QString::fromLocal8Bit(out));
}

// A filter change (persons hidden / shown): the visible set is recomputed and redrawn, no layout.
void BM_FilterChangeRedraw(benchmark::State& st) {
    auto& s = scene();
    s.view.fit_view();
    int k = 0;
    for (auto _ : st) {
        GraphFilter f;
        if (k++ % 2)
            f.hidden_types.insert(EntityType::Person);
        s.state.set_filter(f);
        s.view.render(&s.frame);
    }
}

// Every panel filter but the date range (types, relation types, weight, degree, name): core's
// selection with its minimum-degree pass and name matching, then the redraw.
void BM_FilterEveryFieldRedraw(benchmark::State& st) {
    auto& s = scene();
    s.view.fit_view();
    int k = 0;
    for (auto _ : st) {
        GraphFilter f;
        f.hidden_types.insert(EntityType::Place);
        f.hidden_relations.insert(QStringLiteral("mentions"));
        f.min_weight = 2;
        f.min_degree = (k++ % 2) ? 2 : 3;
        f.text = QStringLiteral("entity 1");
        s.state.set_filter(f);
        s.view.render(&s.frame);
    }
}

// The visible set alone, without the redraw: core's selection (the explorer's rule since
// issue 14) against the explorer's own rule before it, kept below as the reference.
VisibleGraph explorer_rule_before_issue_14(const ExplorerGraph& graph, const GraphFilter& filter);

void BM_VisibleSetCoreSelection(benchmark::State& st) {
    const auto graph = synthetic_graph();
    const auto source = make_explorer_source(*graph);
    int k = 0;
    for (auto _ : st) {
        GraphFilter f;
        if (k++ % 2)
            f.hidden_types.insert(EntityType::Person);
        benchmark::DoNotOptimize(apply_filter(*graph, *source, f));
    }
}

void BM_VisibleSetRuleBeforeIssue14(benchmark::State& st) {
    const auto graph = synthetic_graph();
    int k = 0;
    for (auto _ : st) {
        GraphFilter f;
        if (k++ % 2)
            f.hidden_types.insert(EntityType::Person);
        benchmark::DoNotOptimize(explorer_rule_before_issue_14(*graph, f));
    }
}

// The explorer's own filter before issue 14 (gui/src/state/explorer_filter.cpp at 93dd167),
// verbatim, for the comparison above only.
namespace before_issue_14 {

bool overlaps(MonthIndex first, MonthIndex last, const GraphFilter& filter) {
    if (filter.from_month == 0 && filter.to_month == 0)
        return true;
    if (first == 0 && last == 0)
        return false; // undated things leave the graph once a date range is chosen
    const MonthIndex lo = first == 0 ? last : first;
    const MonthIndex hi = last == 0 ? first : last;
    if (filter.from_month != 0 && hi < filter.from_month)
        return false;
    if (filter.to_month != 0 && lo > filter.to_month)
        return false;
    return true;
}

bool matches_text(const ExplorerNode& node, const QString& text) {
    if (text.isEmpty())
        return true;
    if (node.name.contains(text, Qt::CaseInsensitive))
        return true;
    for (const auto& alias : node.aliases)
        if (alias.contains(text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace before_issue_14
using namespace before_issue_14;

VisibleGraph explorer_rule_before_issue_14(const ExplorerGraph& graph, const GraphFilter& filter) {
    VisibleGraph out;
    const auto n = graph.nodes.size();
    out.node_visible.assign(n, 0);
    out.edge_visible.assign(graph.edges.size(), 0);
    out.degree.assign(n, 0);
    const QString text = filter.text.trimmed();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = graph.nodes[i];
        out.node_visible[i] = !filter.hidden_types.contains(node.type) &&
                              overlaps(node.first_month, node.last_month, filter) &&
                              matches_text(node, text);
    }
    // A text query keeps the matches and their direct neighbours, so the answer has context.
    if (!text.isEmpty()) {
        std::vector<char> matched = out.node_visible;
        for (const auto& edge : graph.edges) {
            const auto s = static_cast<std::size_t>(edge.source);
            const auto t = static_cast<std::size_t>(edge.target);
            if (matched[s] && !filter.hidden_types.contains(graph.nodes[t].type))
                out.node_visible[t] = 1;
            if (matched[t] && !filter.hidden_types.contains(graph.nodes[s].type))
                out.node_visible[s] = 1;
        }
    }
    auto edge_passes = [&](const ExplorerEdge& edge) {
        return out.node_visible[static_cast<std::size_t>(edge.source)] &&
               out.node_visible[static_cast<std::size_t>(edge.target)] &&
               edge.weight >= filter.min_weight && !filter.hidden_relations.contains(edge.type) &&
               overlaps(edge.first_month, edge.last_month, filter);
    };
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        const auto& edge = graph.edges[e];
        if (!edge_passes(edge))
            continue;
        out.edge_visible[e] = 1;
        ++out.degree[static_cast<std::size_t>(edge.source)];
        ++out.degree[static_cast<std::size_t>(edge.target)];
    }
    if (filter.min_degree > 0) {
        for (std::size_t i = 0; i < n; ++i)
            if (out.node_visible[i] && out.degree[i] < filter.min_degree)
                out.node_visible[i] = 0;
        // Edges whose ends just left go too; degrees are recounted on what remains.
        std::fill(out.degree.begin(), out.degree.end(), 0);
        for (std::size_t e = 0; e < graph.edges.size(); ++e) {
            if (!out.edge_visible[e])
                continue;
            const auto& edge = graph.edges[e];
            if (!edge_passes(edge)) {
                out.edge_visible[e] = 0;
                continue;
            }
            ++out.degree[static_cast<std::size_t>(edge.source)];
            ++out.degree[static_cast<std::size_t>(edge.target)];
        }
    }
    for (char v : out.node_visible)
        out.node_count += v ? 1 : 0;
    for (char v : out.edge_visible)
        out.edge_count += v ? 1 : 0;
    return out;
}

// A project of 100,000 documents (and 10,000 entities, 50,000 relations), opened through the real
// MainWindow: from open_project() to project_loaded and the first frame painted.
QString big_project(QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("big.dossier"));
    auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
    store::Transaction tx(project);
    store::DocumentStore docs(project);
    store::GraphSourceWriter writer(project);
    QRandomGenerator rng(5);
    std::vector<DocumentId> ids;
    for (int i = 0; i < 100000; ++i) {
        Document d;
        d.sha256 = "bench-" + std::to_string(i);
        d.source_path = "bench/" + std::to_string(i) + ".txt";
        d.format = "text";
        d.title = "Telegram " + std::to_string(i);
        d.date = *parse_iso_date(std::to_string(1950 + i % 40) + "-0" + std::to_string(1 + i % 9));
        d.text = "Telegram " + std::to_string(i) + ": the embassy reports on the talks.";
        d.parties = {{DocumentParty::Role::Sender, "Embassy"},
                     {DocumentParty::Role::Recipient, "Ministry"}};
        ids.push_back(docs.insert(d, d.text.size()));
    }
    std::vector<EntityId> entities;
    for (int i = 0; i < kNodes; ++i) {
        entities.push_back(
            writer.add_entity(static_cast<EntityType>(i % 4), "Entity " + std::to_string(i)));
        writer.add_mention(entities.back(), ids[static_cast<std::size_t>(i * 7 % 100000)], 0, 8);
    }
    for (int e = 0; e < kEdges; ++e)
        writer.add_relation("co_occurs_sentence", entities[rng.bounded(kNodes)],
                            entities[rng.bounded(kNodes)], false, 1.0 + rng.bounded(4), "1960",
                            "1970");
    tx.commit();
    return path;
}

void BM_Open100kDocumentProjectToFirstPaint(benchmark::State& st) {
    static QTemporaryDir dir;
    static const QString path = big_project(dir);
    for (auto _ : st) {
        MainWindow window;
        window.set_interactive(false);
        window.set_auto_layout(false);
        window.resize(kViewport);
        QSignalSpy loaded(&window, &MainWindow::project_loaded);
        window.open_project(path);
        if (!loaded.wait(60000))
            st.SkipWithError("project did not load");
        QImage image(kViewport, QImage::Format_ARGB32_Premultiplied);
        window.render(&image);
        st.counters["documents"] =
            static_cast<double>(window.documents_panel()->model()->rows().size());
        st.PauseTiming();
        QSignalSpy metrics(&window, &MainWindow::metrics_ready); // let the metrics job end
        metrics.wait(120000);
        st.ResumeTiming();
    }
}

} // namespace

BENCHMARK(BM_Reference_DrawLines50k)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_PanFrame)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ZoomStepFullRedraw)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_FilterChangeRedraw)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_FilterEveryFieldRedraw)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_VisibleSetCoreSelection)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_VisibleSetRuleBeforeIssue14)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Open100kDocumentProjectToFirstPaint)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

int main(int argc, char** argv) {
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
