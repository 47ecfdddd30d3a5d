// dossier eval TEI_FILE [--authority] [--errors] [--json]: extraction accuracy against a TEI file's
// own persName annotations. The annotations are removed before extraction and only used as gold.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/extract/authority_file.h"
#include "dossier/extract/entity_gold.h"
#include "dossier/extract/evaluation.h"
#include "dossier/extract/evaluation_errors.h"
#include "dossier/extract/extraction.h"
#include "dossier/extract/gold_additions.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/store/authority_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/extraction_lock.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <unistd.h>
#include <unordered_map>

namespace dossier::cli {
namespace {

// A scratch project file removed at scope exit, so the evaluation runs the real pipeline.
class ScratchProject {
public:
    ScratchProject()
        : path_(std::filesystem::temp_directory_path() /
                ("dossier-eval-" + std::to_string(::getpid()) + ".dossier")) {
        remove();
    }
    ~ScratchProject() { remove(); }
    ScratchProject(const ScratchProject&) = delete;
    ScratchProject& operator=(const ScratchProject&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    void remove() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path_.string() + suffix, ec);
        std::filesystem::remove(store::ExtractionLock::lock_file(path_), ec);
    }
    std::filesystem::path path_;
};

// Misses and spurious mentions of one entity type (exact spans), with the entity key.
void print_entity_errors(EntityType type, const extract::EntityGoldScores& s,
                         const importers::TeiVolume& volume) {
    auto text_of = [&](const extract::ScoredMention& m) {
        return volume.documents[m.document].text.substr(m.span.start, m.span.size());
    };
    auto same_span = [](const extract::ScoredMention& a, const extract::ScoredMention& b) {
        return a.document == b.document && a.span.start == b.span.start && a.span.end == b.span.end;
    };
    for (const auto& g : s.gold)
        if (std::none_of(s.predicted.begin(), s.predicted.end(),
                         [&](const auto& p) { return same_span(g, p); }))
            std::cout << "missed   " << to_string(type) << " ["
                      << volume.documents[g.document].source_key << "] " << text_of(g) << " ("
                      << g.identity << ")\n";
    for (const auto& p : s.predicted)
        if (std::none_of(s.gold.begin(), s.gold.end(),
                         [&](const auto& g) { return same_span(g, p); }))
            std::cout << "spurious " << to_string(type) << " ["
                      << volume.documents[p.document].source_key << "] " << text_of(p) << " ("
                      << p.identity << ")\n";
}

nlohmann::json scores_json(const extract::MentionScores& s) {
    return {{"gold", s.gold},           {"predicted", s.predicted}, {"matched", s.matched},
            {"precision", s.precision}, {"recall", s.recall},       {"f1", s.f1}};
}

void register_eval(CLI::App& app) {
    struct Options {
        std::string file;
        bool authority = false;
        bool json = false;
        bool errors = false;
        std::string keep_project;
        std::string gold_additions;
        std::string authority_file;
        std::string entity_gold;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "eval", "Score person extraction against the persName annotations of a TEI file");
    command->add_option("TEI_FILE", options->file, "Annotated TEI file")->required();
    command->add_flag("--authority", options->authority,
                      "Load the file's persons list as an authority first");
    command->add_flag("--json", options->json, "Print JSON");
    command->add_option("--keep-project", options->keep_project,
                        "Evaluate in this new project file and keep it (gold stripped), to "
                        "inspect its documents and mentions");
    command->add_flag("--errors,--show-errors", options->errors,
                      "List every missed, spurious and misbounded person mention with its "
                      "context and class (a untagged name, b boundary, c not a person, d other)");
    command->add_option("--authority-file", options->authority_file,
                        "Load this authority file (CSV/TSV, as `dossier authority import` reads) "
                        "first, e.g. data/authorities/leaders-1945-1991.tsv");
    command->add_option("--entity-gold", options->entity_gold,
                        "Also score institutions, countries and places against this list of "
                        "our own annotations (TSV: document, name, type:identity, note)");
    command->add_option("--gold-additions", options->gold_additions,
                        "Also score against the gold plus the person mentions this reviewed "
                        "list says it leaves untagged (TSV: document, name, identity, why)");
    set_action(command, [options] {
        std::ifstream in(options->file, std::ios::binary);
        if (!in) {
            print_error(options->file + " : cannot read");
            return kFailure;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        importers::TeiVolume volume;
        try {
            volume = importers::read_tei(bytes.str(), options->file);
        } catch (const std::exception& e) {
            print_error(options->file + " : " + e.what());
            return kFailure;
        }
        std::vector<extract::GoldAddition> additions;
        if (!options->gold_additions.empty()) {
            std::ifstream list(options->gold_additions);
            if (!list) {
                print_error(options->gold_additions + " : cannot read");
                return kFailure;
            }
            try {
                additions = extract::read_gold_additions(list, options->gold_additions);
            } catch (const std::exception& e) {
                print_error(e.what());
                return kFailure;
            }
        }
        std::vector<extract::GoldAddition> entity_entries;
        if (!options->entity_gold.empty()) {
            std::ifstream list(options->entity_gold);
            if (!list) {
                print_error(options->entity_gold + " : cannot read");
                return kFailure;
            }
            try {
                entity_entries = extract::read_gold_additions(list, options->entity_gold);
            } catch (const std::exception& e) {
                print_error(e.what());
                return kFailure;
            }
        }
        std::vector<store::AuthorityEntry> authority_entries;
        if (!options->authority_file.empty()) {
            std::ifstream table(options->authority_file, std::ios::binary);
            if (!table) {
                print_error(options->authority_file + " : cannot read");
                return kFailure;
            }
            std::ostringstream table_bytes;
            table_bytes << table.rdbuf();
            try {
                authority_entries = extract::read_authority_table(
                    table_bytes.str(), options->authority_file.ends_with(".csv") ? ',' : 0,
                    options->authority_file);
            } catch (const std::exception& e) {
                print_error(options->authority_file + " : " + e.what());
                return kFailure;
            }
        }
        ScratchProject scratch;
        if (!options->keep_project.empty() && std::filesystem::exists(options->keep_project)) {
            print_error(options->keep_project + " : exists already; not overwritten");
            return kFailure;
        }
        auto project = store::Project::open(options->keep_project.empty()
                                                ? scratch.path()
                                                : std::filesystem::path(options->keep_project),
                                            store::OpenMode::CreateIfMissing);
        std::vector<extract::ScoredMention> gold;
        std::unordered_map<std::int64_t, std::size_t> document_index;
        {
            store::Transaction tx(project);
            store::DocumentStore documents(project);
            for (std::size_t i = 0; i < volume.documents.size(); ++i) {
                Document doc = volume.documents[i];
                for (const auto& a : doc.annotations) {
                    if (a.kind != "persName")
                        continue;
                    std::string ref = a.ref;
                    if (!ref.empty() && ref[0] == '#')
                        ref.erase(0, 1);
                    gold.push_back({i, a.span, ref});
                }
                doc.annotations.clear(); // extraction never sees the gold
                doc.sha256 = "eval-" + std::to_string(i);
                const auto id = documents.insert(doc, doc.text.size());
                document_index[id.value] = i;
            }
            if (!authority_entries.empty()) {
                store::AuthorityStore authority(project);
                for (const auto& e : authority_entries)
                    authority.upsert(e);
            }
            if (options->authority) {
                store::AuthorityStore authority(project);
                for (const auto& p : volume.persons)
                    authority.upsert({p.xml_id,
                                      EntityType::Person,
                                      p.name,
                                      {},
                                      {},
                                      {},
                                      p.description,
                                      options->file});
            }
            tx.commit();
        }
        extract::run_extraction(project, {});
        store::EntityStore entities(project);
        std::unordered_map<std::int64_t, std::string> identity;
        std::vector<extract::ScoredMention> predicted;
        std::map<EntityType, std::vector<extract::ScoredMention>> predicted_entities;
        for (const auto& row : entities.all_mentions()) {
            if (row.type == EntityType::Organization || row.type == EntityType::Country ||
                row.type == EntityType::Place) {
                auto e = entities.get(row.mention.entity);
                predicted_entities[row.type].push_back({document_index[row.mention.document.value],
                                                        row.mention.span, e ? e->key : ""});
            }
            if (row.type != EntityType::Person)
                continue;
            auto it = identity.find(row.mention.entity.value);
            if (it == identity.end()) {
                auto e = entities.get(row.mention.entity);
                const std::string id = e && !e->authority_id.empty()
                                           ? e->authority_id
                                           : "entity-" + std::to_string(row.mention.entity.value);
                it = identity.emplace(row.mention.entity.value, id).first;
            }
            predicted.push_back(
                {document_index[row.mention.document.value], row.mention.span, it->second});
        }
        const auto report = extract::evaluate_mentions(gold, predicted);
        std::vector<std::string> listed_names;
        for (const auto& p : volume.persons)
            listed_names.push_back(p.name);
        std::vector<std::string_view> texts;
        for (const auto& d : volume.documents)
            texts.push_back(d.text);
        const extract::GoldStandard standard{gold, listed_names, texts};
        // Next to the raw figures: precision within the gold's annotation scope, leaving out
        // only predictions that name no listed person and a surname the gold tags nowhere
        // (evaluation_errors.h, class (a)). Everything else still counts.
        const auto scope = extract::score_within_listed_scope(standard, predicted);
        // Next to the raw figures, never instead of them: the gold as the reviewed list corrects
        // it.
        std::optional<extract::GoldAdditionResult> corrected;
        std::optional<extract::EvaluationReport> corrected_report;
        if (!additions.empty()) {
            std::vector<std::string> keys;
            for (const auto& d : volume.documents)
                keys.push_back(d.source_key);
            try {
                corrected = extract::add_gold_mentions(gold, additions, texts, keys);
            } catch (const std::exception& e) {
                print_error(options->gold_additions + " : " + e.what());
                return kFailure;
            }
            corrected_report = extract::evaluate_mentions(corrected->mentions, predicted);
        }
        std::map<EntityType, extract::EntityGoldScores> entity_scores;
        if (!entity_entries.empty()) {
            std::vector<std::string> keys;
            for (const auto& d : volume.documents)
                keys.push_back(d.source_key);
            try {
                entity_scores = extract::score_entity_gold(entity_entries, texts, keys,
                                                           std::move(predicted_entities));
            } catch (const std::exception& e) {
                print_error(options->entity_gold + " : " + e.what());
                return kFailure;
            }
        }
        const auto errors = options->errors ? extract::classify_errors(standard, predicted)
                                            : std::vector<extract::EvaluationError>{};
        std::map<std::string, std::size_t> error_counts; // "spurious a" -> n
        for (const auto& e : errors)
            ++error_counts[std::string(to_string(e.kind)) + " " + to_string(e.error_class)];
        auto source_key = [&](const extract::ScoredMention& m) {
            return volume.documents[m.document].source_key;
        };
        if (options->json) {
            nlohmann::json excluded = nlohmann::json::object();
            for (const auto& [name, n] : scope.excluded)
                excluded[name] = n;
            nlohmann::json out{{"file", options->file},
                               {"authority", options->authority},
                               {"documents", volume.documents.size()},
                               {"exact", scores_json(report.exact)},
                               {"overlap", scores_json(report.overlap)},
                               {"within_scope",
                                {{"scope", "listed persons"},
                                 {"excluded", excluded},
                                 {"exact", scores_json(scope.exact)},
                                 {"overlap", scores_json(scope.overlap)}}},
                               {"bcubed",
                                {{"precision", report.bcubed_precision},
                                 {"recall", report.bcubed_recall},
                                 {"f1", report.bcubed_f1}}}};
            if (!options->authority_file.empty())
                out["authority_file"] = options->authority_file;
            for (const auto& [type, s] : entity_scores)
                out["entities"][std::string(to_string(type))] = {
                    {"file", options->entity_gold},
                    {"exact", scores_json(s.report.exact)},
                    {"overlap", scores_json(s.report.overlap)},
                    {"bcubed",
                     {{"precision", s.report.bcubed_precision},
                      {"recall", s.report.bcubed_recall},
                      {"f1", s.report.bcubed_f1}}}};
            if (corrected_report)
                out["with_gold_additions"] = {{"file", options->gold_additions},
                                              {"added", corrected->added},
                                              {"exact", scores_json(corrected_report->exact)},
                                              {"overlap", scores_json(corrected_report->overlap)},
                                              {"bcubed",
                                               {{"precision", corrected_report->bcubed_precision},
                                                {"recall", corrected_report->bcubed_recall},
                                                {"f1", corrected_report->bcubed_f1}}}};
            if (options->errors) {
                nlohmann::json list = nlohmann::json::array();
                for (const auto& e : errors) {
                    nlohmann::json item{{"kind", to_string(e.kind)},
                                        {"class", to_string(e.error_class)},
                                        {"document", source_key(e.mention)},
                                        {"start", e.mention.span.start},
                                        {"end", e.mention.span.end},
                                        {"text", e.surface},
                                        {"identity", e.mention.identity},
                                        {"reason", e.reason},
                                        {"context", e.context}};
                    list.push_back(std::move(item));
                }
                out["errors"] = std::move(list);
                out["error_counts"] = error_counts;
            }
            print_json(out);
            return kOk;
        }
        if (options->errors) {
            for (const auto& e : errors)
                std::cout << to_string(e.kind) << " (" << to_string(e.error_class) << ") ["
                          << source_key(e.mention) << "] " << e.surface << " ("
                          << (e.mention.identity.empty() ? "-" : e.mention.identity)
                          << "): " << e.reason << "   ..." << e.context << "...\n";
            // Identities the extraction merged that the gold keeps apart, and the reverse
            // (what B-cubed measures).
            std::map<std::string, std::set<std::string>> gold_per_entity, entities_per_gold_id;
            for (const auto& [g, p] : extract::match_overlapping(gold, predicted)) {
                const std::string gid =
                    gold[g].identity.empty() ? "(no corresp)" : gold[g].identity;
                gold_per_entity[predicted[p].identity].insert(gid);
                entities_per_gold_id[gid].insert(predicted[p].identity);
            }
            auto join = [](const std::set<std::string>& items) {
                std::string out;
                for (const auto& item : items)
                    out += (out.empty() ? "" : ", ") + item;
                return out;
            };
            for (const auto& [entity, ids] : gold_per_entity)
                if (ids.size() > 1)
                    std::cout << "merged   " << entity << " holds " << join(ids) << '\n';
            for (const auto& [gid, holders] : entities_per_gold_id)
                if (holders.size() > 1 && gid != "(no corresp)")
                    std::cout << "split    " << gid << " over " << join(holders) << '\n';
            std::cout << "errors by kind and class (a untagged name, b boundary, c not a "
                         "person, d other):";
            for (const auto& [key, n] : error_counts)
                std::cout << "  " << key << " " << n;
            std::cout << '\n';
        }
        std::cout << std::fixed << std::setprecision(3) << "documents: " << volume.documents.size()
                  << "  gold person mentions: " << report.exact.gold
                  << "  predicted: " << report.exact.predicted << '\n'
                  << "exact    P " << report.exact.precision << "  R " << report.exact.recall
                  << "  F1 " << report.exact.f1 << '\n'
                  << "overlap  P " << report.overlap.precision << "  R " << report.overlap.recall
                  << "  F1 " << report.overlap.f1 << '\n'
                  << "B-cubed  P " << report.bcubed_precision << "  R " << report.bcubed_recall
                  << "  F1 " << report.bcubed_f1 << '\n';
        std::size_t excluded = 0;
        for (const auto& [name, n] : scope.excluded)
            excluded += n;
        std::cout << "scope: listed persons (" << excluded
                  << " predictions naming no listed person and a surname the gold tags nowhere "
                     "left out): exact P "
                  << scope.exact.precision << "  F1 " << scope.exact.f1 << "; overlap P "
                  << scope.overlap.precision << "  R " << scope.overlap.recall << "  F1 "
                  << scope.overlap.f1 << '\n';
        if (corrected_report)
            std::cout << "with gold additions (" << corrected->added << " mentions the gold leaves "
                      << "untagged, from " << options->gold_additions << "): exact P "
                      << corrected_report->exact.precision << "  R "
                      << corrected_report->exact.recall << "  F1 " << corrected_report->exact.f1
                      << "; overlap P " << corrected_report->overlap.precision << "  R "
                      << corrected_report->overlap.recall << "  F1 " << corrected_report->overlap.f1
                      << "; B-cubed F1 " << corrected_report->bcubed_f1 << '\n';
        for (const auto& [type, s] : entity_scores) {
            if (options->errors)
                print_entity_errors(type, s, volume);
            std::cout << to_string(type) << " (our annotations, " << options->entity_gold
                      << "): gold " << s.report.exact.gold << "  predicted "
                      << s.report.exact.predicted << "; exact P " << s.report.exact.precision
                      << "  R " << s.report.exact.recall << "  F1 " << s.report.exact.f1
                      << "; overlap F1 " << s.report.overlap.f1 << "; B-cubed F1 "
                      << s.report.bcubed_f1 << '\n';
        }
        return kOk;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_eval);

} // namespace dossier::cli
