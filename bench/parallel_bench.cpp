// All cores: `dossier import` with N workers and one writer (ImportJob::jobs, run_extraction's
// jobs), against one worker and against SQLite FTS5 alone, measured in the same run:
//  - cables: generated plain-text cables whose sizes follow real cables (log-normal, median
//    about 4 KB), imported without extraction, against FTS5 alone indexing the same texts in one
//    transaction (the reference of bench/ingest_bench.cpp);
//  - FRUS-like prose: copies of the FRUS excerpt of ../shared/corpus (each file made distinct by
//    a trailing comment), imported with extraction (entities, second read, relations).
// See docs/PERFORMANCE.md for the command and the figures.
//
// DOSSIER_BENCH_CABLES_MB (default 40) and DOSSIER_BENCH_FRUS_COPIES (default 40) set the sizes.
#include "archival_corpus.h"
#include "dossier/extract/extraction.h"
#include "dossier/ingest/import_job.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sqlite3.h>
#include <sstream>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace dossier;

namespace {

struct Corpus {
    fs::path folder;
    std::vector<std::string> texts;
    std::uint64_t bytes = 0;
};

int env_int(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value ? std::max(1, std::atoi(value)) : fallback;
}

const fs::path& bench_folder() {
    static const fs::path folder = [] {
        auto f =
            fs::temp_directory_path() / ("dossier-parallel-bench-" + std::to_string(::getpid()));
        fs::create_directories(f);
        return f;
    }();
    return folder;
}

// Cable sizes: log-normal around a 4 KB median (sigma 0.8: most between 1.5 and 11 KB), as the
// State Department's cables of the 1970s run.
const Corpus& cables() {
    static const Corpus corpus = [] {
        Corpus c;
        c.folder = bench_folder() / "cables";
        fs::create_directories(c.folder);
        bench::CorpusWriter writer(19730101);
        std::mt19937 rng(4096);
        std::lognormal_distribution<double> size(std::log(4096.0), 0.8);
        const std::uint64_t target =
            static_cast<std::uint64_t>(env_int("DOSSIER_BENCH_CABLES_MB", 40)) * 1000 * 1000;
        for (int i = 0; c.bytes < target; ++i) {
            const auto bytes = std::clamp(size(rng), 600.0, 200000.0);
            auto text = writer.cable(static_cast<std::size_t>(bytes), i);
            char name[32];
            std::snprintf(name, sizeof name, "cable_%06d.txt", i);
            std::ofstream(c.folder / name, std::ios::binary) << text;
            c.bytes += text.size();
            c.texts.push_back(std::move(text));
        }
        return c;
    }();
    return corpus;
}

const Corpus& frus_copies() {
    static const Corpus corpus = [] {
        Corpus c;
        c.folder = bench_folder() / "frus";
        const fs::path frus = fs::path(DOSSIER_SHARED_CORPUS) / "frus-1958-60v13-excerpt.xml";
        if (!fs::exists(frus))
            return c;
        fs::create_directories(c.folder);
        std::ifstream in(frus, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        for (int i = 0; i < env_int("DOSSIER_BENCH_FRUS_COPIES", 40); ++i) {
            const auto copy = text.str() + "<!-- copy " + std::to_string(i) + " -->\n";
            std::ofstream(c.folder / ("frus-" + std::to_string(i) + ".xml"), std::ios::binary)
                << copy;
            c.bytes += copy.size();
        }
        return c;
    }();
    return corpus;
}

fs::path fresh_file(const std::string& name) {
    const auto path = bench_folder() / name;
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path.string() + suffix);
    return path;
}

// One run: wall time, CPU time of the whole process and of the calling thread (the writer). The
// CPU times do not depend on what else the machine runs: with them the speed-up two idle cores
// would give is bounded by total CPU / max(writer CPU, total CPU / 2).
struct Sample {
    double wall = 0, process_cpu = 0, writer_cpu = 0;
};

std::map<std::string, std::vector<Sample>>& timings() {
    static std::map<std::string, std::vector<Sample>> t;
    return t;
}

double process_cpu_seconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double thread_cpu_seconds() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

class Stopwatch {
public:
    Stopwatch()
        : wall_(std::chrono::steady_clock::now()), process_(process_cpu_seconds()),
          thread_(thread_cpu_seconds()) {}
    Sample sample() const {
        return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count(),
                process_cpu_seconds() - process_, thread_cpu_seconds() - thread_};
    }

private:
    std::chrono::steady_clock::time_point wall_;
    double process_, thread_;
};

void record(benchmark::State& state, const std::string& name, const Sample& sample) {
    state.SetIterationTime(sample.wall);
    timings()[name].push_back(sample);
}

void check(int rc, sqlite3* db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::cerr << sqlite3_errmsg(db) << '\n';
        std::exit(1);
    }
}

// The reference: SQLite FTS5 alone, texts in memory, one transaction, a project's journal
// settings (WAL, synchronous=NORMAL).
void BM_CablesFts5Alone(benchmark::State& state) {
    const auto& corpus = cables();
    for (auto _ : state) {
        const auto path = fresh_file("fts5.sqlite");
        const Stopwatch watch;
        sqlite3* db = nullptr;
        check(sqlite3_open(path.c_str(), &db), db);
        check(sqlite3_exec(db,
                           "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                           "CREATE VIRTUAL TABLE t USING fts5(text); BEGIN",
                           nullptr, nullptr, nullptr),
              db);
        sqlite3_stmt* insert = nullptr;
        check(sqlite3_prepare_v2(db, "INSERT INTO t(text) VALUES (?1)", -1, &insert, nullptr), db);
        for (const auto& text : corpus.texts) {
            sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
            check(sqlite3_step(insert), db);
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
        check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db);
        sqlite3_close(db);
        record(state, "cables fts5", watch.sample());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

// `dossier import --no-extract --jobs N` of the cables.
void BM_CablesImport(benchmark::State& state) {
    const auto& corpus = cables();
    const auto jobs = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        const auto path = fresh_file("cables.dossier");
        const Stopwatch watch;
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        ingest::ImportOptions options;
        options.inputs = {corpus.folder};
        options.jobs = jobs;
        const auto result = ingest::ImportJob(options).run(project);
        const auto sample = watch.sample();
        if (result.imported.size() != corpus.texts.size()) {
            state.SkipWithError("not every cable was imported");
            return;
        }
        record(state, "cables import jobs " + std::to_string(jobs), sample);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

// `dossier import --jobs N` of the FRUS copies: import, entities, second read, relations.
void BM_FrusImportAndExtract(benchmark::State& state) {
    const auto& corpus = frus_copies();
    if (corpus.bytes == 0) {
        state.SkipWithError("shared corpus absent");
        return;
    }
    const auto jobs = static_cast<unsigned>(state.range(0));
    auto context = extract::ExtractionContext::load(extract::ExtractionContext::default_data_dir());
    for (auto _ : state) {
        const auto path = fresh_file("frus.dossier");
        const Stopwatch watch;
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        ingest::ImportOptions options;
        options.inputs = {corpus.folder};
        options.jobs = jobs;
        const auto result = ingest::ImportJob(options).run(project);
        extract::run_extraction(project, context, result.imported, {},
                                extract::SecondRead::Incremental, jobs);
        record(state, "frus import+extract jobs " + std::to_string(jobs), watch.sample());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

BENCHMARK(BM_CablesFts5Alone)
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK(BM_CablesImport)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK(BM_FrusImportAndExtract)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(3);

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Medians of one benchmark's runs, printed with its rate; zeros when it did not run.
Sample summarize(const std::string& name, std::uint64_t bytes) {
    const auto it = timings().find(name);
    if (it == timings().end())
        return {};
    std::vector<double> wall, process, writer;
    for (const auto& s : it->second) {
        wall.push_back(s.wall);
        process.push_back(s.process_cpu);
        writer.push_back(s.writer_cpu);
    }
    const Sample m{median(wall), median(process), median(writer)};
    std::printf("%-28s wall %6.2f s = %5.1f MB/s | CPU %6.2f s, writer thread %6.2f s (%zu runs)\n",
                name.c_str(), m.wall, static_cast<double>(bytes) / 1e6 / m.wall, m.process_cpu,
                m.writer_cpu, wall.size());
    return m;
}

void print_summary() {
    const auto cable_bytes = cables().bytes, frus_bytes = frus_copies().bytes;
    std::printf("\ncables: %zu files, %.1f MB; FRUS copies: %.1f MB\n", cables().texts.size(),
                static_cast<double>(cable_bytes) / 1e6, static_cast<double>(frus_bytes) / 1e6);
    const auto fts5 = summarize("cables fts5", cable_bytes);
    const auto c1 = summarize("cables import jobs 1", cable_bytes);
    const auto c2 = summarize("cables import jobs 2", cable_bytes);
    const auto f1 = summarize("frus import+extract jobs 1", frus_bytes);
    const auto f2 = summarize("frus import+extract jobs 2", frus_bytes);
    // What two idle cores allow: the writer cannot go faster than its own CPU time.
    auto bound = [](const Sample& one, const Sample& two) {
        return one.process_cpu / std::max(two.writer_cpu, two.process_cpu / 2);
    };
    if (fts5.wall > 0 && c1.wall > 0 && c2.wall > 0)
        std::printf("cables import / FTS5 alone (wall): jobs 1 %.2fx, jobs 2 %.2fx (target >= "
                    "0.9x); by CPU: jobs 1 %.2fx\n",
                    fts5.wall / c1.wall, fts5.wall / c2.wall, fts5.process_cpu / c1.process_cpu);
    if (c1.wall > 0 && c2.wall > 0)
        std::printf("cables import, jobs 2 / jobs 1: %.2fx wall; two idle cores at most %.2fx\n",
                    c1.wall / c2.wall, bound(c1, c2));
    if (f1.wall > 0 && f2.wall > 0)
        std::printf("FRUS import+extract, jobs 2 / jobs 1: %.2fx wall (target >= 1.7x); two idle "
                    "cores at most %.2fx = %.1f MB/s\n",
                    f1.wall / f2.wall, bound(f1, f2),
                    static_cast<double>(frus_bytes) / 1e6 /
                        std::max(f2.writer_cpu, f2.process_cpu / 2));
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    print_summary();
    std::error_code ec;
    fs::remove_all(bench_folder(), ec);
    return 0;
}
