// Graph core benchmarks (issue 4): a synthetic project of 50,000 entities and 500,000 relations
// with dates and evidence, generated once into a project file and reused by later runs
// ($DOSSIER_BENCH_DIR, default /tmp). See docs/PERFORMANCE.md for the figures and commands.
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/model/document.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "synthetic_network.h"

#include <array>
#include <benchmark/benchmark.h>
#include <boost/graph/betweenness_centrality.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>
#include <sqlite3.h>
#include <sys/resource.h>

namespace {

using namespace dossier;
using graph::GraphSnapshot;

constexpr std::size_t kEntities = 50'000;
constexpr std::size_t kLinksPerEntity = 10; // preferential attachment: ~500,000 relations
constexpr std::size_t kDocuments = 5'000;

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

using bench::preferential_attachment;

std::filesystem::path bench_project() {
    const char* dir = std::getenv("DOSSIER_BENCH_DIR");
    const auto path =
        std::filesystem::path(dir ? dir : "/tmp") / "dossier-graph-bench-50k-500k-v1.dossier";
    if (std::filesystem::exists(path))
        return path;
    std::cerr << "generating " << path << " (once; later runs reuse it)\n";
    const auto partial = std::filesystem::path(path.string() + ".partial");
    std::filesystem::remove(partial);
    {
        auto project = store::Project::open(partial, store::OpenMode::CreateIfMissing);
        store::Transaction tx(project);
        std::mt19937_64 rng(20261128);
        store::DocumentStore docs(project);
        std::vector<DocumentId> doc_ids;
        std::vector<std::string> doc_dates;
        for (std::size_t d = 0; d < kDocuments; ++d) {
            Document doc;
            doc.sha256 = "bench-" + std::to_string(d);
            doc.source_path = "synthetic/" + std::to_string(d) + ".txt";
            doc.format = "text";
            doc.title = "Synthetic cable " + std::to_string(d);
            const int year = 1945 + static_cast<int>(d * 47 / kDocuments);
            const int month = 1 + static_cast<int>(d % 12), day = 1 + static_cast<int>(d % 28);
            doc.date = PartialDate{year, month, day, DatePrecision::Day};
            doc.text = "Synthetic cable number " + std::to_string(d) +
                       ". It reports a meeting on " + doc.date.iso() +
                       ". The parties discussed cooperation and supplies.";
            doc_ids.push_back(docs.insert(doc, doc.text.size()));
            doc_dates.push_back(doc.date.iso());
        }
        store::GraphSourceWriter w(project);
        constexpr std::array<EntityType, 4> kTypes{EntityType::Person, EntityType::Organization,
                                                   EntityType::Country, EntityType::Place};
        std::vector<EntityId> entities;
        for (std::size_t i = 0; i < kEntities; ++i) {
            const auto type = kTypes[i % 10 < 5 ? 0 : i % 10 < 7 ? 1 : i % 10 < 8 ? 2 : 3];
            entities.push_back(w.add_entity(type, "Entity " + std::to_string(i)));
        }
        // Relation types with the mix extraction gives: mostly co-occurrence, some typed.
        struct TypeMix {
            const char* name;
            bool directed;
        };
        constexpr std::array<TypeMix, 8> kRelationTypes{{{"co_occurs_sentence", false},
                                                         {"co_occurs_sentence", false},
                                                         {"co_occurs_paragraph", false},
                                                         {"co_occurs_paragraph", false},
                                                         {"cooperates_with", false},
                                                         {"opposes", true},
                                                         {"supplies", true},
                                                         {"member_of", true}}};
        std::geometric_distribution<int> extra_weight(0.5);
        std::uniform_int_distribution<std::size_t> pick_doc(0, kDocuments - 1);
        const auto sentence_end =
            static_cast<std::uint32_t>(std::string("Synthetic cable number ").size());
        for (const auto& [a, b] : preferential_attachment(kEntities, kLinksPerEntity, rng)) {
            const auto& type = kRelationTypes[rng() % kRelationTypes.size()];
            const auto doc = pick_doc(rng);
            const auto id = w.add_relation(type.name, entities[a], entities[b], type.directed,
                                           1.0 + extra_weight(rng), doc_dates[doc], doc_dates[doc]);
            w.add_evidence(id, doc_ids[doc], 0, sentence_end);
        }
        tx.commit();
    }
    std::filesystem::rename(partial, path);
    return path;
}

store::Project& project() {
    // Read-write so that a file generated by an older schema is migrated forward on open.
    static store::Project p = store::Project::open(bench_project(), store::OpenMode::ReadWrite);
    return p;
}

const GraphSnapshot& full_snapshot() {
    static const GraphSnapshot s = GraphSnapshot::build(project(), {});
    return s;
}

// 10,000 nodes, 5 links per new node: 49,985 edges.
const GraphSnapshot& betweenness_graph() {
    static const GraphSnapshot s = [] {
        std::mt19937_64 rng(7);
        std::vector<graph::NodeInfo> nodes(10'000);
        for (std::size_t i = 0; i < nodes.size(); ++i)
            nodes[i].entity = EntityId{static_cast<std::int64_t>(i + 1)};
        std::vector<GraphSnapshot::PlainEdge> edges;
        for (const auto& [a, b] : preferential_attachment(nodes.size(), 5, rng))
            edges.push_back({a, b});
        return GraphSnapshot::from_edges(std::move(nodes), edges);
    }();
    return s;
}

// The load benchmarks report wall time (what the analyst waits for) and the CPU time of the whole
// process (both threads of the split relation scan), not only the benchmark thread's.
void BM_LoadSnapshot(benchmark::State& state) {
    auto& p = project();
    std::size_t nodes = 0, edges = 0;
    for (auto _ : state) {
        auto s = GraphSnapshot::build(p, {});
        nodes = s.node_count();
        edges = s.edge_count();
        benchmark::DoNotOptimize(s);
    }
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["relations"] = static_cast<double>(edges);
    state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_LoadSnapshot)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// The store half of BM_LoadSnapshot: the SQL reads alone.
void BM_LoadGraphSource(benchmark::State& state) {
    auto& p = project();
    for (auto _ : state)
        benchmark::DoNotOptimize(store::load_graph_source(p, {}));
}
BENCHMARK(BM_LoadGraphSource)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// The reference for BM_LoadSnapshot, measured in the same run: SQLite alone scanning the four
// columns every edge needs, through the C API on its own read-only connection.
void BM_SqliteRelationScanReference(benchmark::State& state) {
    const auto path = bench_project();
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    sqlite3_exec(db, "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT source_id, target_id, type, weight FROM relations", -1, &stmt,
                       nullptr);
    std::size_t rows = 0;
    for (auto _ : state) {
        rows = 0;
        std::int64_t ends = 0;
        double weights = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            ends += sqlite3_column_int64(stmt, 0) + sqlite3_column_int64(stmt, 1);
            ends += sqlite3_column_bytes(stmt, 2) + (sqlite3_column_text(stmt, 2) ? 1 : 0);
            weights += sqlite3_column_double(stmt, 3);
            ++rows;
        }
        sqlite3_reset(stmt);
        benchmark::DoNotOptimize(ends);
        benchmark::DoNotOptimize(weights);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    state.counters["relations"] = static_cast<double>(rows);
}
BENCHMARK(BM_SqliteRelationScanReference)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_LoadSnapshotFiltered(benchmark::State& state) {
    // A typical analyst view: two entity types, a date range (through the evidence documents),
    // weight >= 2, at least two neighbours.
    graph::GraphFilter f;
    f.entity_types = {EntityType::Person, EntityType::Country};
    f.date_from = "1960";
    f.date_to = "1979-12";
    f.min_weight = 2.0;
    f.min_degree = 2;
    auto& p = project();
    std::size_t nodes = 0, edges = 0;
    for (auto _ : state) {
        auto s = GraphSnapshot::build(p, f);
        nodes = s.node_count();
        edges = s.edge_count();
        benchmark::DoNotOptimize(s);
    }
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["relations"] = static_cast<double>(edges);
}
BENCHMARK(BM_LoadSnapshotFiltered)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_PageRank(benchmark::State& state) {
    const auto& g = full_snapshot().simple();
    for (auto _ : state)
        benchmark::DoNotOptimize(graph::pagerank(g));
    state.counters["nodes"] = static_cast<double>(g.node_count());
    state.counters["pairs"] = static_cast<double>(g.edge_count());
}
BENCHMARK(BM_PageRank)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_Communities(benchmark::State& state) {
    const auto& g = full_snapshot().simple();
    const auto algorithm = static_cast<graph::CommunityAlgorithm>(state.range(0));
    state.SetLabel(algorithm == graph::CommunityAlgorithm::Leiden         ? "leiden (ours)"
                   : algorithm == graph::CommunityAlgorithm::LeidenIgraph ? "leiden (igraph)"
                                                                          : "louvain (igraph)");
    double modularity = 0;
    for (auto _ : state) {
        auto c = graph::modularity_communities(g, algorithm);
        modularity = c.modularity;
        benchmark::DoNotOptimize(c);
    }
    state.counters["modularity"] = modularity;
}
BENCHMARK(BM_Communities)
    ->Arg(static_cast<int>(graph::CommunityAlgorithm::Leiden))
    ->Arg(static_cast<int>(graph::CommunityAlgorithm::LeidenIgraph))
    ->Arg(static_cast<int>(graph::CommunityAlgorithm::Louvain))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

void BM_BetweennessExactTwoThreads(benchmark::State& state) {
    const auto& g = betweenness_graph().simple();
    for (auto _ : state)
        benchmark::DoNotOptimize(graph::betweenness_exact(g, 2));
    state.counters["nodes"] = static_cast<double>(g.node_count());
    state.counters["edges"] = static_cast<double>(g.edge_count());
}
BENCHMARK(BM_BetweennessExactTwoThreads)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

void BM_BetweennessExactOneThread(benchmark::State& state) {
    const auto& g = betweenness_graph().simple();
    for (auto _ : state)
        benchmark::DoNotOptimize(graph::betweenness_exact(g, 1));
}
BENCHMARK(BM_BetweennessExactOneThread)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

// The reference: Boost's sequential Brandes on an undirected adjacency_list of the same graph.
void BM_BoostBrandesReference(benchmark::State& state) {
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    const auto& g = betweenness_graph().simple();
    Undirected u(g.node_count());
    for (std::uint32_t v = 0; v < g.node_count(); ++v)
        for (auto w : g.neighbours(v))
            if (v < w)
                boost::add_edge(v, w, u);
    std::vector<double> scores(g.node_count());
    for (auto _ : state) {
        boost::brandes_betweenness_centrality(
            u,
            boost::make_iterator_property_map(scores.begin(), boost::get(boost::vertex_index, u)));
        benchmark::DoNotOptimize(scores);
    }
}
BENCHMARK(BM_BoostBrandesReference)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

void BM_BetweennessSampledFull(benchmark::State& state) {
    const auto& g = full_snapshot().simple();
    const auto pivots = static_cast<std::size_t>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(graph::betweenness_sampled(g, pivots, 1, 2));
    state.counters["nodes"] = static_cast<double>(g.node_count());
    state.counters["pivots"] = static_cast<double>(pivots);
}
BENCHMARK(BM_BetweennessSampledFull)
    ->Arg(500)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
