// Entity extraction throughput (per core: CPU time): full extract_document (tokenizer, gazetteer,
// 16,312-person authority, rules, identity resolution) on plain English archival text, with `grep
// -F` matching the same authority names in the same text as the reference ceiling, measured in the
// same run.
//
//   build-extract/bench/extract_bench --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true
#include "dossier/extract/authority_file.h"
#include "dossier/extract/extraction.h"
#include "dossier/extract/name_key.h"

#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

namespace {

using namespace dossier;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::filesystem::path corpus(const char* name) {
    return std::filesystem::path(DOSSIER_SHARED_CORPUS) / name;
}

// English archival prose: the FRUS excerpt without its markup, and the seed cable.
std::string archival_text() {
    const std::string xml = read_file(corpus("frus-1958-60v13-excerpt.xml"));
    std::string text;
    text.reserve(xml.size());
    bool in_tag = false;
    for (char c : xml) {
        if (c == '<')
            in_tag = true;
        else if (c == '>')
            in_tag = false;
        else if (!in_tag)
            text += c;
    }
    return text + "\n\n" + read_file(corpus("cc-cpsu-politburo-p217-57-1980.txt"));
}

std::string repeated(const std::string& unit, std::size_t bytes) {
    std::string out;
    out.reserve(bytes + unit.size());
    while (out.size() < bytes)
        out += unit;
    return out;
}

struct Fixture {
    extract::ExtractionContext context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    std::vector<store::AuthorityEntry> authority;
    std::string text;
    Fixture() {
        authority = extract::read_authority_table(read_file(corpus("hsg-people.tsv")), '\t');
        std::vector<extract::AuthorityName> names;
        for (auto& e : authority)
            names.push_back({e.external_id, e.type, e.name, e.aliases});
        context.add_authority(names);
        text = repeated(archival_text(), 8u << 20);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_ExtractWithAuthority(benchmark::State& state) {
    auto& f = fixture();
    Document doc;
    doc.text = f.text;
    std::size_t mentions = 0;
    for (auto _ : state) {
        auto result = extract::extract_document(doc, f.context);
        mentions = result.mentions.size();
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
    state.counters["mentions"] = static_cast<double>(mentions);
    state.counters["authority_entries"] = static_cast<double>(f.context.authority_size());
}
BENCHMARK(BM_ExtractWithAuthority)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same with the shipped leaders list (data/authorities/leaders-1945-1991.tsv) loaded next to
// hsg-people.tsv: both authorities, as a user who imports both has them.
void BM_ExtractWithBothAuthorities(benchmark::State& state) {
    static const auto context = [] {
        auto c = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
        std::vector<extract::AuthorityName> names;
        for (const auto& e : fixture().authority)
            names.push_back({e.external_id, e.type, e.name, e.aliases});
        for (const auto& e :
             extract::read_authority_table(read_file(std::filesystem::path(DOSSIER_DATA_DIR) /
                                                     "authorities" / "leaders-1945-1991.tsv"),
                                           '\t'))
            names.push_back({e.external_id, e.type, e.name, e.aliases});
        c.add_authority(names);
        return c;
    }();
    Document doc;
    doc.text = fixture().text;
    std::size_t mentions = 0;
    for (auto _ : state) {
        auto result = extract::extract_document(doc, context);
        mentions = result.mentions.size();
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
    state.counters["mentions"] = static_cast<double>(mentions);
    state.counters["authority_entries"] = static_cast<double>(context.authority_size());
}
BENCHMARK(BM_ExtractWithBothAuthorities)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ExtractWithoutAuthority(benchmark::State& state) {
    static const auto context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    Document doc;
    doc.text = fixture().text;
    for (auto _ : state)
        benchmark::DoNotOptimize(extract::extract_document(doc, context));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_ExtractWithoutAuthority)->Unit(benchmark::kMillisecond)->Iterations(3);

// The reference: GNU grep -F with every authority name in natural order ("Andrei A. Gromyko")
// over the same text, counting matching lines; the ceiling for pure name matching.
void BM_GrepFixedStringsReference(benchmark::State& state) {
    auto& f = fixture();
    const auto dir =
        std::filesystem::temp_directory_path() / ("dossier-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream names(dir / "names.txt");
        for (const auto& e : f.authority) {
            names << extract::display_name(extract::parse_person_name(e.name)) << '\n';
            for (const auto& a : e.aliases)
                names << extract::display_name(extract::parse_person_name(a)) << '\n';
        }
        std::ofstream text(dir / "text.txt", std::ios::binary);
        text << f.text;
    }
    const std::string command = "LC_ALL=C grep -F -c -f " + (dir / "names.txt").string() + " " +
                                (dir / "text.txt").string() + " > /dev/null";
    // grep runs in a child process: its CPU time (user + system) is the iteration time, so the
    // figure is per core like the extraction figures (which Google Benchmark takes as CPU time).
    auto child_cpu = [] {
        rusage usage{};
        ::getrusage(RUSAGE_CHILDREN, &usage);
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    };
    double total = 0;
    for (auto _ : state) {
        const double before = child_cpu();
        if (std::system(command.c_str()) < 0)
            state.SkipWithError("grep did not run");
        const double seconds = child_cpu() - before;
        state.SetIterationTime(seconds);
        total += seconds;
    }
    state.counters["grep_MB_per_cpu_s"] =
        total > 0 ? static_cast<double>(state.iterations() * f.text.size()) / total / 1e6 : 0.0;
    std::filesystem::remove_all(dir);
}
BENCHMARK(BM_GrepFixedStringsReference)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(3);

// Scale: a 50 MB single document and a 10 MB line with no punctuation must stay linear.
void BM_Extract50MBDocument(benchmark::State& state) {
    auto& f = fixture();
    Document doc;
    doc.text = repeated(f.text, 50u << 20);
    std::size_t mentions = 0;
    for (auto _ : state) {
        auto result = extract::extract_document(doc, f.context);
        mentions = result.mentions.size();
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
    state.counters["mentions"] = static_cast<double>(mentions);
    // The process's peak so far: the authority-loaded context, the benchmark's 8 MB source text,
    // the 50 MB document and everything extraction held at its peak. Run this benchmark alone
    // (--benchmark_filter=BM_Extract50MB) for the figure to be about this document.
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_Extract50MBDocument)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Extract10MBLineWithoutPunctuation(benchmark::State& state) {
    auto& f = fixture();
    std::string line;
    for (char c : f.text)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ')
            line += c;
    Document doc;
    doc.text = repeated(line, 10u << 20);
    for (auto _ : state)
        benchmark::DoNotOptimize(extract::extract_document(doc, f.context));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_Extract10MBLineWithoutPunctuation)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
