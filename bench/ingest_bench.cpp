// Ingest speed: plain-text import of a ~200 MB generated corpus through ImportJob (hashing,
// storage, FTS5 index, one transaction per file) against SQLite FTS5 alone indexing the same texts
// in one transaction; and TEI throughput. See docs/PERFORMANCE.md for the command and the figures.
//
// DOSSIER_BENCH_CORPUS_MB (default 200) sets the corpus size, e.g. 20 for a quick run.
#include "archival_corpus.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/ingest/import_job.h"
#include "dossier/store/document_store.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace dossier;
using namespace dossier::bench;

namespace {

struct Corpus {
    fs::path folder;
    std::vector<fs::path> files;
    std::uint64_t bytes = 0;
};

std::size_t corpus_megabytes() {
    if (const char* mb = std::getenv("DOSSIER_BENCH_CORPUS_MB"))
        return static_cast<std::size_t>(std::max(1, std::atoi(mb)));
    return 200;
}

// Scratch folder of this process, removed at exit.
const fs::path& bench_folder() {
    static const fs::path folder = [] {
        auto f = fs::temp_directory_path() / ("dossier-ingest-bench-" + std::to_string(::getpid()));
        fs::create_directories(f);
        return f;
    }();
    return folder;
}

bool text_corpus_made = false;

// Written once per process into the scratch folder; files of 10-200 KB.
const Corpus& text_corpus() {
    static const Corpus corpus = [] {
        Corpus c;
        c.folder = bench_folder();
        text_corpus_made = true;
        fs::create_directories(c.folder / "text");
        CorpusWriter writer(19620514);
        const std::uint64_t target = static_cast<std::uint64_t>(corpus_megabytes()) * 1000 * 1000;
        for (int i = 0; c.bytes < target; ++i) {
            const auto text =
                writer.cable(static_cast<std::size_t>(writer.number(10, 200)) * 1024, i);
            char name[32];
            std::snprintf(name, sizeof name, "cable_%05d.txt", i);
            const auto path = c.folder / "text" / name;
            std::ofstream(path, std::ios::binary) << text;
            c.files.push_back(path);
            c.bytes += text.size();
        }
        return c;
    }();
    return corpus;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

fs::path fresh_file(const std::string& name) {
    const auto path = bench_folder() / name;
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path.string() + suffix);
    return path;
}

// Seconds per repetition, by benchmark, for the side-by-side ratio printed at the end.
std::map<std::string, std::vector<double>>& timings() {
    static std::map<std::string, std::vector<double>> t;
    return t;
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::cerr << what << ": " << sqlite3_errmsg(db) << '\n';
        std::exit(1);
    }
}

// (a) The baseline: SQLite FTS5 alone, one transaction, texts already in memory, the same
// journal settings as a project (WAL, synchronous=NORMAL).
void BM_Fts5AloneOneTransaction(benchmark::State& state) {
    const auto& corpus = text_corpus();
    std::vector<std::string> texts;
    for (const auto& f : corpus.files)
        texts.push_back(read_all(f));
    for (auto _ : state) {
        const auto path = fresh_file("fts5_only.sqlite");
        const auto start = std::chrono::steady_clock::now();
        sqlite3* db = nullptr;
        check(sqlite3_open(path.c_str(), &db), db, "open");
        check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr,
                           nullptr, nullptr),
              db, "pragma");
        check(
            sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(text)", nullptr, nullptr, nullptr),
            db, "create");
        check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
        sqlite3_stmt* insert = nullptr;
        check(sqlite3_prepare_v2(db, "INSERT INTO t(text) VALUES (?1)", -1, &insert, nullptr), db,
              "prepare");
        for (const auto& text : texts) {
            sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
            check(sqlite3_step(insert), db, "insert");
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
        check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
        sqlite3_close(db);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        state.SetIterationTime(seconds);
        timings()["fts5"].push_back(seconds);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
    state.counters["files"] = static_cast<double>(corpus.files.size());
}

// (b) Dossier: ImportJob from the files on disk into a fresh project, no extraction: reading,
// encoding check, sha256, documents table, FTS5 index, one transaction per file.
void BM_ImportJobPlainText(benchmark::State& state) {
    const auto& corpus = text_corpus();
    for (auto _ : state) {
        const auto path = fresh_file("import.dossier");
        const auto start = std::chrono::steady_clock::now();
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        ingest::ImportOptions options;
        options.inputs = {corpus.folder / "text"};
        const auto result = ingest::ImportJob(options).run(project);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (result.imported.size() != corpus.files.size()) {
            state.SkipWithError("not every file was imported");
            return;
        }
        state.SetIterationTime(seconds);
        timings()["import"].push_back(seconds);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

// TEI: the FRUS excerpt parsed into documents, persons and terms (in memory, no store).
void BM_TeiReadFrusExcerpt(benchmark::State& state) {
    const fs::path frus = fs::path(DOSSIER_SHARED_CORPUS) / "frus-1958-60v13-excerpt.xml";
    if (!fs::exists(frus)) {
        state.SkipWithError("shared corpus absent");
        return;
    }
    const auto bytes = read_all(frus);
    for (auto _ : state) {
        auto volume = importers::read_tei(bytes, frus.string());
        benchmark::DoNotOptimize(volume.documents.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

// TEI through ImportJob into a project: generated FRUS-style volumes of 100 documents each.
void BM_TeiImportJob(benchmark::State& state) {
    const auto folder = bench_folder() / "tei";
    std::uint64_t total = 0;
    if (!fs::exists(folder)) {
        fs::create_directories(folder);
        CorpusWriter writer(19580101);
        for (int v = 0; v < 10; ++v) {
            std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI "
                              "xmlns=\"http://www.tei-c.org/ns/1.0\" "
                              "xmlns:frus=\"http://history.state.gov/ns/"
                              "1.0\"><teiHeader><fileDesc><titleStmt><title "
                              "type=\"complete\">Generated volume " +
                              std::to_string(v) +
                              "</title></titleStmt></fileDesc></teiHeader><text><body>\n";
            for (int d = 0; d < 100; ++d) {
                const auto id = "d" + std::to_string(d + 1);
                xml += "<div type=\"document\" xml:id=\"" + id + "\" n=\"" + std::to_string(d + 1) +
                       "\" frus:doc-dateTime-min=\"1959-0" + std::to_string(writer.number(1, 9)) +
                       "-1" + std::to_string(writer.number(0, 9)) + "T00:00:00Z\"><head>" +
                       std::to_string(d + 1) +
                       ". Telegram From the <gloss type=\"from\">Embassy in " +
                       writer.pick(kCities) +
                       "</gloss> to the <gloss type=\"to\">Department of State</gloss><note "
                       "n=\"1\">Source: "
                       "generated.</note></head>\n<dateline><placeName>" +
                       writer.pick(kCities) + "</placeName></dateline>\n";
                for (int p = writer.number(3, 12); p > 0; --p) {
                    xml += "<p>";
                    for (int s = writer.number(2, 5); s > 0; --s)
                        xml += writer.sentence() + " <persName corresp=\"#p_" +
                               writer.pick(kSurnames) + "\">" + writer.person() +
                               "</persName> agreed. ";
                    xml += "</p>\n";
                }
                xml += "</div>\n";
            }
            xml += "</body></text></TEI>\n";
            std::ofstream(folder / ("volume_" + std::to_string(v) + ".xml"), std::ios::binary)
                << xml;
        }
    }
    for (const auto& entry : fs::directory_iterator(folder))
        total += entry.file_size();
    for (auto _ : state) {
        const auto path = fresh_file("tei.dossier");
        const auto start = std::chrono::steady_clock::now();
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        ingest::ImportOptions options;
        options.inputs = {fs::path(folder)};
        const auto result = ingest::ImportJob(options).run(project);
        if (result.imported.size() != 1000) {
            state.SkipWithError("not every TEI document was imported");
            return;
        }
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total));
    state.counters["documents"] = 1000;
}

BENCHMARK(BM_Fts5AloneOneTransaction)
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK(BM_ImportJobPlainText)
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK(BM_TeiReadFrusExcerpt)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TeiImportJob)
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(3);

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    const auto& t = timings();
    if (text_corpus_made && t.count("fts5") && t.count("import")) {
        const double mb = static_cast<double>(text_corpus().bytes) / 1e6;
        const double fts5 = median(t.at("fts5")), import = median(t.at("import"));
        std::printf("\ncorpus: %zu files, %.1f MB\n", text_corpus().files.size(), mb);
        std::printf("FTS5 alone, one transaction: median %.2f s = %.1f MB/s (%zu runs)\n", fts5,
                    mb / fts5, t.at("fts5").size());
        std::printf("ImportJob, --no-extract:      median %.2f s = %.1f MB/s (%zu runs)\n", import,
                    mb / import, t.at("import").size());
        std::printf("import rate / FTS5 rate = %.0f%% (target >= 80%%)\n", 100.0 * fts5 / import);
    }
    std::error_code ec;
    fs::remove_all(bench_folder(), ec);
    return 0;
}
