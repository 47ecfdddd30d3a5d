// dossier eval TEI_FILE [--authority] [--json]: extraction accuracy against a TEI file's own
// persName annotations. The annotations are removed before extraction and only used as gold.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/extract/evaluation.h"
#include "dossier/extract/extraction.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/store/authority_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
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
    }
    std::filesystem::path path_;
};

nlohmann::json scores_json(const extract::MentionScores& s) {
    return {{"gold", s.gold},           {"predicted", s.predicted}, {"matched", s.matched},
            {"precision", s.precision}, {"recall", s.recall},       {"f1", s.f1}};
}

void register_eval(CLI::App& app) {
    struct Options {
        std::string file;
        bool authority = false;
        bool json = false;
        bool show_errors = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "eval", "Score person extraction against the persName annotations of a TEI file");
    command->add_option("TEI_FILE", options->file, "Annotated TEI file")->required();
    command->add_flag("--authority", options->authority,
                      "Load the file's persons list as an authority first");
    command->add_flag("--json", options->json, "Print JSON");
    command->add_flag("--show-errors", options->show_errors,
                      "List missed, spurious and misbounded person mentions with their context");
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
        ScratchProject scratch;
        auto project = store::Project::open(scratch.path(), store::OpenMode::CreateIfMissing);
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
        for (const auto& row : entities.all_mentions()) {
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
        // The gold tags the persons of the volume's list (and a few others): with --authority,
        // also score only the predictions linked to that list, to tell "found a person the gold
        // does not tag" (Meany, Hall) from "found something that is not that person".
        std::vector<extract::ScoredMention> linked;
        std::set<std::string> listed;
        for (const auto& p : volume.persons)
            listed.insert(p.xml_id);
        for (const auto& p : predicted)
            if (listed.count(p.identity))
                linked.push_back(p);
        const auto linked_report = extract::evaluate_mentions(gold, linked);
        if (options->show_errors) {
            auto overlaps = [](const extract::ScoredMention& a,
                               const std::vector<extract::ScoredMention>& list) {
                for (const auto& b : list)
                    if (b.document == a.document && b.span.start < a.span.end &&
                        a.span.start < b.span.end)
                        return true;
                return false;
            };
            auto show = [&](const char* label, const extract::ScoredMention& m) {
                const auto& text = volume.documents[m.document].text;
                const std::size_t from = m.span.start > 30 ? m.span.start - 30 : 0;
                std::string context = text.substr(from, m.span.end + 30 - from);
                for (auto& c : context)
                    if (c == '\n')
                        c = ' ';
                std::cout << label << " [" << volume.documents[m.document].source_key << "] "
                          << text.substr(m.span.start, m.span.size()) << " (" << m.identity
                          << ")   ..." << context << "...\n";
            };
            for (const auto& g : gold)
                if (!overlaps(g, predicted))
                    show("missed  ", g);
            for (const auto& p : predicted)
                if (!overlaps(p, gold))
                    show("spurious", p);
            // Found, but with other boundaries than the gold's (a title or "'s" included, a
            // first name left out): these count for overlap but not for exact scores.
            for (const auto& g : gold)
                for (const auto& p : predicted)
                    if (p.document == g.document && p.span.start < g.span.end &&
                        g.span.start < p.span.end && !(p.span == g.span)) {
                        show("boundary", g);
                        show("   found", p);
                    }
            // Identities the extraction merged that the gold keeps apart, and the reverse.
            std::map<std::string, std::set<std::string>> gold_per_entity, entities_per_gold_id;
            for (const auto& p : predicted)
                for (const auto& g : gold)
                    if (g.document == p.document && g.span.start < p.span.end &&
                        p.span.start < g.span.end) {
                        const std::string gid = g.identity.empty() ? "(no corresp)" : g.identity;
                        gold_per_entity[p.identity].insert(gid);
                        entities_per_gold_id[gid].insert(p.identity);
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
        }
        if (options->json) {
            print_json({{"file", options->file},
                        {"authority", options->authority},
                        {"documents", volume.documents.size()},
                        {"exact", scores_json(report.exact)},
                        {"overlap", scores_json(report.overlap)},
                        {"linked_to_persons_list",
                         {{"exact", scores_json(linked_report.exact)},
                          {"overlap", scores_json(linked_report.overlap)}}},
                        {"bcubed",
                         {{"precision", report.bcubed_precision},
                          {"recall", report.bcubed_recall},
                          {"f1", report.bcubed_f1}}}});
            return kOk;
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
        if (options->authority)
            std::cout << "linked to the persons list only (" << linked_report.overlap.predicted
                      << " predicted): overlap P " << linked_report.overlap.precision << "  R "
                      << linked_report.overlap.recall << "  F1 " << linked_report.overlap.f1
                      << "; exact F1 " << linked_report.exact.f1 << '\n';
        return kOk;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_eval);

} // namespace dossier::cli
