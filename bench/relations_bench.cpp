// Relation extraction throughput on an invented 1 MB document (sentences written for this
// benchmark, mentions placed where the invented names are): the tokenizer alone is the floor
// (reference), then pattern matching with the bundled rules, co-occurrence, and the whole
// per-document step. Then the whole relation pass of `dossier extract` (store reads, extraction,
// relation writes) on a project of generated FRUS-like documents, against SQLite alone inserting
// the same rows. Figures and the commands are in docs/PERFORMANCE.md.
//
// `relations_bench --write_corpus=DIR [--documents=N]` only writes the generated corpus (TEI
// volumes of 100 documents) to DIR, for timing `dossier import` + `dossier extract` on it.
#include "dossier/extract/extraction.h"
#include "dossier/extract/relation_document.h"
#include "dossier/extract/relation_pipeline.h"
#include "dossier/extract/relation_rules.h"
#include "dossier/extract/relation_tokens.h"
#include "dossier/extract/sentences.h"
#include "dossier/ingest/import_job.h"
#include "dossier/store/project.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sqlite3.h>
#include <string>
#include <string_view>
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

// --- The whole relation pass on a project ----------------------------------------------------

namespace fs = std::filesystem;

// Deterministic choices (a fixed LCG, so every platform writes the same corpus).
class Chooser {
public:
    explicit Chooser(std::uint64_t seed) : state_(seed) {}
    std::size_t below(std::size_t n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state_ >> 33) % n);
    }
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::size_t>(high - low + 1)));
    }
    const std::string& pick(const std::vector<std::string>& items) {
        return items[below(items.size())];
    }

private:
    std::uint64_t state_;
};

// Real country and institution names (the gazetteer knows them), invented persons, and sentences
// written for this benchmark in the manner of diplomatic telegrams and memoranda.
const std::vector<std::string> kFrusCountries = {
    "United States",  "Soviet Union", "China",  "India",   "Pakistan",    "Egypt",
    "Israel",         "Jordan",       "Iraq",   "Syria",   "Lebanon",     "France",
    "United Kingdom", "Turkey",       "Iran",   "Morocco", "Tunisia",     "Libya",
    "Sudan",          "Ethiopia",     "Greece", "Italy",   "Saudi Arabia"};
const std::vector<std::string> kFrusCities = {"Cairo",  "Baghdad", "Amman",  "Beirut",
                                              "Tehran", "Ankara",  "Rabat",  "Tunis",
                                              "Athens", "Rome",    "London", "Paris"};
const std::vector<std::string> kFrusOrganizations = {"Department of State",
                                                     "United Nations",
                                                     "Arab League",
                                                     "Security Council",
                                                     "NATO",
                                                     "Foreign Office",
                                                     "Department of Defense",
                                                     "National Security Council"};
const std::vector<std::string> kGivenNames = {"Harold",  "Edmund", "Walter",  "Raymond", "Gordon",
                                              "Herbert", "Ahmed",  "Mahmoud", "Kamal",   "Yusuf",
                                              "Leonid",  "Sergei", "Moshe",   "Anwar",   "Philip"};
const std::vector<std::string> kSurnames = {
    "Ashcombe",  "Brindley", "Calloway",   "Dunmore",   "Ellery",  "Fairholm",  "Garrow",
    "Hesketh",   "Ingleby",  "Jardine",    "Kettering", "Lydgate", "Marwood",   "Northey",
    "Ottley",    "Penrose",  "Quarles",    "Radcliffe", "Selwyn",  "Tremlett",  "Umfreville",
    "Vellacott", "Wetherby", "Yarborough", "Zouche",    "Haddad",  "Nasrallah", "Qasimi",
    "Sabri",     "Tawfiq",   "Volkonov",   "Zharkov"};
const std::vector<std::string> kOffices = {"Ambassador", "Foreign Minister", "Prime Minister",
                                           "Secretary",  "Minister",         "General"};
// A = country, B = country, P = person, Q = person, O = organization, C = city.
const std::vector<std::string> kFrusTemplates = {
    "Ambassador P called on Foreign Minister Q this morning to discuss the situation in B.",
    "The partnership between A and B has grown since the spring, according to P.",
    "A-B military cooperation worries the government of B more than it admits.",
    "P said that A would deliver tanks and aircraft to B before the end of the year.",
    "There is no doubt that A is exerting pressure on B through the O.",
    "Q remarked that the weather in C had been unusually hot for the season.",
    "The Embassy of A in C reported that B had rejected the proposal of the O.",
    "P expressed concern about the threat to B from the forces massed near the border.",
    "A's support for B in the O was noted with satisfaction by Q.",
    "In coordination with the embassies of A and B, the Department will prepare a reply.",
    "Q observed that A had no intention of entering talks with B while P remained in C.",
    "The conversation then turned to the price of cotton and the harvest in B.",
    "P, the A ambassador, told Q that his government would consult the O before acting.",
    "Secretary P asked whether A intended to raise the question in the O.",
    "A-B border incidents were reported twice last week, and Q promised an inquiry.",
    "The alliance between A and B is viewed in C as a counterweight to the O.",
    "Q stated that the A government regarded the conflict between B and A as regrettable.",
    "P will return to C on Thursday and report to the O in writing.",
};

std::string fill(std::string text, Chooser& choose, const std::vector<std::string>& persons) {
    // A placeholder is a capital letter standing alone ("A-B" holds two).
    auto replace_word = [&](char letter, const std::string& by) {
        std::size_t at = 0;
        while ((at = text.find(letter, at)) != std::string::npos) {
            const bool starts = at == 0 || text[at - 1] == ' ' || text[at - 1] == '-';
            const bool ends =
                at + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[at + 1]));
            if (starts && ends) {
                text.replace(at, 1, by);
                at += by.size();
            } else {
                ++at;
            }
        }
    };
    const auto& a = choose.pick(kFrusCountries);
    auto b = choose.pick(kFrusCountries);
    if (b == a)
        b = kFrusCountries[(choose.below(kFrusCountries.size() - 1) + 1) % kFrusCountries.size()];
    replace_word('A', a);
    replace_word('B', b);
    replace_word('P', choose.pick(persons));
    replace_word('Q', choose.pick(persons));
    replace_word('O', choose.pick(kFrusOrganizations));
    replace_word('C', choose.pick(kFrusCities));
    return text;
}

std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else
            out += c;
    return out;
}

// Writes `documents` FRUS-like documents as TEI volumes of 100 documents each; returns the bytes.
std::uint64_t write_frus_like_corpus(const fs::path& folder, int documents) {
    fs::create_directories(folder);
    Chooser choose(19590101);
    std::vector<std::string> persons; // full names, used with and without the given name
    for (const auto& surname : kSurnames)
        persons.push_back(choose.pick(kGivenNames) + " " + surname);
    std::uint64_t bytes = 0;
    for (int first = 0, volume = 0; first < documents; first += 100, ++volume) {
        std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" "
                          "xmlns:frus=\"http://history.state.gov/ns/1.0\"><teiHeader><fileDesc>"
                          "<titleStmt><title type=\"complete\">Generated volume " +
                          std::to_string(volume) +
                          " (invented for the relations benchmark)</title></titleStmt>"
                          "</fileDesc></teiHeader><text><body>\n";
        for (int d = first; d < std::min(documents, first + 100); ++d) {
            const auto n = std::to_string(d + 1);
            const auto month = std::to_string(choose.between(1, 9));
            const auto day = std::to_string(choose.between(10, 28));
            const auto& city = choose.pick(kFrusCities);
            const auto& sender = choose.pick(persons);
            const auto& recipient = choose.pick(persons);
            xml += "<div type=\"document\" xml:id=\"d" + n + "\" n=\"" + n +
                   "\" frus:doc-dateTime-min=\"1959-0" + month + "-" + day +
                   "T12:00:00Z\" frus:doc-dateTime-max=\"1959-0" + month + "-" + day +
                   "T12:00:00Z\">";
            if (d % 3 == 0)
                xml += "<head>" + n + ". Telegram From the <gloss type=\"from\">Embassy in " +
                       city + "</gloss> to the <gloss type=\"to\">Department of State</gloss>" +
                       "</head>\n";
            else if (d % 3 == 1)
                xml += "<head>" + n + ". Memorandum From <persName type=\"from\">" + sender +
                       "</persName> to Secretary of State <persName type=\"to\">" + recipient +
                       "</persName></head>\n";
            else
                xml += "<head>" + n + ". Memorandum of a Conversation, " + city + ", 1959</head>\n";
            xml += "<dateline><placeName>" + city + "</placeName>, <date when=\"1959-0" + month +
                   "-" + day + "\">1959</date></dateline>\n";
            for (int p = choose.between(3, 10); p > 0; --p) {
                xml += "<p>";
                for (int s = choose.between(2, 6); s > 0; --s) {
                    xml += xml_escaped(fill(choose.pick(kFrusTemplates), choose, persons));
                    xml += ' ';
                }
                xml += "</p>\n";
            }
            if (d % 3 != 2)
                xml += "<closer><signed>" + choose.pick(kSurnames) + "</signed></closer>\n";
            xml += "</div>\n";
        }
        xml += "</body></text></TEI>\n";
        std::ofstream(folder / ("volume_" + std::to_string(volume) + ".xml"), std::ios::binary)
            << xml;
        bytes += xml.size();
    }
    return bytes;
}

constexpr int kPassDocuments = 600;

fs::path bench_folder() {
    return fs::temp_directory_path() / "dossier-relations-bench";
}

// A project with the generated documents imported and their entities extracted, and no
// relations: the state the relation pass of a first `dossier extract` starts from.
const fs::path& project_without_relations() {
    static const fs::path path = [] {
        const auto folder = bench_folder();
        fs::remove_all(folder);
        write_frus_like_corpus(folder / "corpus", kPassDocuments);
        const auto project_path = folder / "template.dossier";
        {
            auto project = store::Project::open(project_path, store::OpenMode::CreateIfMissing);
            ingest::ImportOptions options;
            options.inputs = {folder / "corpus"};
            ingest::ImportJob(options).run(project);
            extract::run_extraction(project, {});
        }
        sqlite3* db = nullptr;
        sqlite3_open(project_path.c_str(), &db);
        // Foreign keys are off on this bare connection: the evidence rows go by hand.
        sqlite3_exec(db,
                     "DELETE FROM relation_evidence; DELETE FROM relations;"
                     " PRAGMA wal_checkpoint(TRUNCATE);",
                     nullptr, nullptr, nullptr);
        sqlite3_close(db);
        return project_path;
    }();
    return path;
}

fs::path fresh_copy(const fs::path& from, const std::string& name) {
    const auto to = bench_folder() / name;
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(to.string() + suffix);
    fs::copy_file(from, to);
    return to;
}

void BM_RelationPassOnProject(benchmark::State& state) {
    const auto& template_path = project_without_relations();
    const auto rules_set = rules();
    extract::RelationExtractionSummary summary;
    for (auto _ : state) {
        state.PauseTiming();
        auto project = store::Project::open(fresh_copy(template_path, "pass.dossier"));
        state.ResumeTiming();
        summary = extract::run_relation_extraction(project, rules_set, {});
    }
    state.counters["documents"] = static_cast<double>(summary.documents);
    state.counters["relations"] = static_cast<double>(summary.relations);
    state.counters["evidence"] = static_cast<double>(summary.evidence);
}

// One stored row of either relation table, every column as SQLite returned it.
using StoredRow = std::vector<sqlite3_value*>;

struct StoredTables {
    std::vector<StoredRow> relations;
    std::vector<StoredRow> evidence;
    ~StoredTables() {
        for (auto* rows : {&relations, &evidence})
            for (auto& row : *rows)
                for (auto* value : row)
                    sqlite3_value_free(value);
    }
};

void read_rows(sqlite3* db, const char* sql, std::vector<StoredRow>& rows) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        StoredRow row;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            row.push_back(sqlite3_value_dup(sqlite3_column_value(stmt, c)));
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
}

void insert_rows(sqlite3* db, const char* sql, const std::vector<StoredRow>& rows) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            sqlite3_bind_value(stmt, static_cast<int>(c + 1), row[c]);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            std::cerr << "reference insert failed: " << sqlite3_errmsg(db) << "\n";
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
}

// The reference: SQLite alone writing the very rows the pass stores (read back from a project
// the pass wrote), into the same project, on a connection set up as Dossier's is (WAL, foreign
// keys on, 64 MiB cache): one transaction, one prepared INSERT per table, one row per step.
// With the argument 1, the five indexes of the two tables are dropped first and created again
// after the rows (in the same transaction): what deferring index maintenance would save. The
// store does not do that (its schema is the lead's); the figure is there to decide.
void BM_SqliteAloneSameRows(benchmark::State& state) {
    const bool indexes_after = state.range(0) == 1;
    const auto& template_path = project_without_relations();
    StoredTables rows;
    {
        {
            auto project = store::Project::open(fresh_copy(template_path, "rows.dossier"));
            extract::run_relation_extraction(project, rules(), {});
        }
        sqlite3* db = nullptr;
        sqlite3_open((bench_folder() / "rows.dossier").c_str(), &db);
        read_rows(db, "SELECT * FROM relations ORDER BY id", rows.relations);
        read_rows(db, "SELECT * FROM relation_evidence ORDER BY id", rows.evidence);
        sqlite3_close(db);
    }
    for (auto _ : state) {
        state.PauseTiming();
        const auto path = fresh_copy(template_path, "sqlite.dossier");
        state.ResumeTiming();
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db,
                     "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;"
                     " PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;",
                     nullptr, nullptr, nullptr);
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        std::vector<std::string> index_sql;
        if (indexes_after) {
            sqlite3_stmt* stmt = nullptr;
            sqlite3_prepare_v2(
                db,
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND"
                " tbl_name IN ('relations', 'relation_evidence') AND sql IS NOT NULL",
                -1, &stmt, nullptr);
            std::vector<std::string> names;
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
                index_sql.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
            }
            sqlite3_finalize(stmt);
            for (const auto& name : names)
                sqlite3_exec(db, ("DROP INDEX " + name).c_str(), nullptr, nullptr, nullptr);
        }
        insert_rows(db,
                    "INSERT INTO relations(id, type, source_id, target_id, directed, weight,"
                    " specificity, first_date, last_date, confidence, method, origin, note)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    rows.relations);
        insert_rows(db,
                    "INSERT INTO relation_evidence(id, relation_id, document_id, sentence_start,"
                    " sentence_end, source_start, source_end, target_start, target_end)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    rows.evidence);
        for (const auto& sql : index_sql)
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    state.counters["relations"] = static_cast<double>(rows.relations.size());
    state.counters["evidence"] = static_cast<double>(rows.evidence.size());
    state.counters["indexes_after"] = indexes_after ? 1 : 0;
}

} // namespace

BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PatternRelations)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Cooccurrence)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WholeDocumentStep)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RelationPassOnProject)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_SqliteAloneSameRows)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv) {
    std::string corpus_folder;
    int documents = kPassDocuments;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("--write_corpus="))
            corpus_folder = arg.substr(std::strlen("--write_corpus="));
        else if (arg.starts_with("--documents="))
            documents = std::stoi(std::string(arg.substr(std::strlen("--documents="))));
    }
    if (!corpus_folder.empty()) {
        const auto bytes = write_frus_like_corpus(corpus_folder, documents);
        std::cout << documents << " documents, " << bytes << " bytes in " << corpus_folder << "\n";
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
