// Relation extraction throughput on an invented 1 MB document (sentences written for this
// benchmark, mentions placed where the invented names are): the tokenizer alone is the floor
// (reference), then pattern matching with the bundled rules, co-occurrence, and the whole
// per-document step. Figures and the command are in docs/PERFORMANCE.md.
#include "dossier/extract/relation_document.h"
#include "dossier/extract/relation_rules.h"
#include "dossier/extract/relation_tokens.h"
#include "dossier/extract/sentences.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cctype>
#include <string>
#include <vector>

using namespace dossier;
using namespace dossier::extract;

namespace {

const std::vector<std::string> kCountries = {"Ruritania", "Osterlich", "Fenwick",  "Graustark",
                                             "Freedonia", "Sylvania",  "Latveria", "Genovia",
                                             "Elbonia",   "Carpania",  "Borduria", "Syldavia",
                                             "Krakozhia", "Molvania",  "Zubrowka"};
const std::vector<std::string> kTemplates = {
    "The partnership between A and B is spreading to the naval sphere.",
    "As A-B military cooperation develops further, tension will grow in the region.",
    "The ministers of A met their colleagues from B to discuss grain prices and railway tariffs.",
    "A has affirmed its readiness to deliver modern rifles and trucks to B, which worries many.",
    "It would be easy to imagine how A will behave once B and its neighbours assist it.",
    "Nobody in the capital expected the weather to turn so cold this early in the autumn.",
    "A is speeding up its preparations along the A-B border, building roads and depots.",
    "The delegation returned on Tuesday and reported to the committee in writing.",
    "There is an entire array of means of pressure against B in the arsenal of A.",
    "Work in coordination with the embassies of A, B (AB), and the C.",
};

struct BenchDocument {
    std::string text;
    RelationDocumentInput input;
};

const BenchDocument& bench_document() {
    static const BenchDocument doc = [] {
        BenchDocument d;
        std::size_t n = 0;
        d.text =
            "MINISTRY OF EXTERNAL AFFAIRS OF RURITANIA\nTO: Ambassador Lind, Minister Berg\n\n";
        while (d.text.size() < (1u << 20)) {
            std::string paragraph;
            for (int s = 0; s < 5; ++s, ++n) {
                std::string sentence = kTemplates[n % kTemplates.size()];
                const std::string a = kCountries[n % kCountries.size()];
                const std::string b = kCountries[(n * 7 + 3) % kCountries.size()];
                const std::string c = kCountries[(n * 11 + 5) % kCountries.size()];
                for (auto [letter, name] :
                     {std::pair{'A', a}, std::pair{'B', b}, std::pair{'C', c}})
                    for (auto at = sentence.find(letter); at != std::string::npos;
                         at = sentence.find(letter, at + name.size()))
                        if ((at == 0 || sentence[at - 1] == ' ' || sentence[at - 1] == '-' ||
                             sentence[at - 1] == '(') &&
                            (at + 1 == sentence.size() ||
                             !std::isalpha(static_cast<unsigned char>(sentence[at + 1]))))
                            sentence.replace(at, 1, name);
                paragraph += sentence + " ";
            }
            d.text += paragraph + "\n\n";
        }
        auto& in = d.input;
        in.id = DocumentId{1};
        in.document_entity = EntityId{1000};
        in.text = d.text;
        in.sentences = split_sentences(d.text);
        in.paragraphs = split_paragraphs(d.text);
        in.header_lines = find_header_lines(d.text);
        // Mentions: every whole-word occurrence of an invented country.
        for (std::size_t i = 0; i < kCountries.size(); ++i)
            for (auto at = d.text.find(kCountries[i]); at != std::string::npos;
                 at = d.text.find(kCountries[i], at + 1))
                in.mentions.push_back({{static_cast<std::uint32_t>(at),
                                        static_cast<std::uint32_t>(at + kCountries[i].size())},
                                       EntityId{static_cast<std::int64_t>(i + 1)},
                                       EntityType::Country});
        std::sort(in.mentions.begin(), in.mentions.end(),
                  [](const auto& x, const auto& y) { return x.span.start < y.span.start; });
        return d;
    }();
    return doc;
}

const RelationRuleSet& rules() {
    static const auto set =
        load_relation_rules(std::string(DOSSIER_DATA_DIR) + "/rules/relations.rules");
    return set;
}

void BM_TokenizeOnly(benchmark::State& state) {
    const auto& doc = bench_document();
    for (auto _ : state)
        benchmark::DoNotOptimize(tokenize_for_relations(doc.text).size());
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
}

void BM_PatternRelations(benchmark::State& state) {
    const auto& doc = bench_document();
    const RelationPatternMatcher matcher(rules());
    for (auto _ : state) {
        RelationAccumulator out;
        extract_pattern_relations(doc.input, matcher, out);
        benchmark::DoNotOptimize(out.size());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
}

void BM_Cooccurrence(benchmark::State& state) {
    const auto& doc = bench_document();
    for (auto _ : state) {
        RelationAccumulator out;
        CooccurrenceStats stats;
        extract_cooccurrence(doc.input, {}, stats, out);
        apply_cooccurrence_specificity(stats, out);
        benchmark::DoNotOptimize(out.size());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
}

void BM_WholeDocumentStep(benchmark::State& state) {
    const auto& doc = bench_document();
    const RelationPatternMatcher matcher(rules());
    for (auto _ : state) {
        RelationAccumulator out;
        CooccurrenceStats stats;
        extract_header_relations(doc.input, out);
        extract_mention_relations(doc.input, out);
        extract_cooccurrence(doc.input, {}, stats, out);
        extract_pattern_relations(doc.input, matcher, out);
        apply_cooccurrence_specificity(stats, out);
        benchmark::DoNotOptimize(out.take().size());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
    state.counters["mentions"] = static_cast<double>(doc.input.mentions.size());
    state.counters["sentences"] = static_cast<double>(doc.input.sentences.size());
}

} // namespace

BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PatternRelations)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Cooccurrence)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WholeDocumentStep)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
