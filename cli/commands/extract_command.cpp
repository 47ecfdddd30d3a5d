// dossier extract PROJECT; dossier entities PROJECT; dossier mentions PROJECT.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/curation/replay.h"
#include "dossier/extract/extraction.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/ocr_store.h"

#include <iostream>
#include <memory>

namespace dossier::cli {
namespace {

void register_extract(CLI::App& app) {
    struct Options {
        std::string project;
        bool json = false;
        unsigned jobs = all_cores();
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "extract", "Extract entities and mentions from every document (re-runnable)");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command
        ->add_option("--jobs,-j", options->jobs,
                     "Documents read at once (default: every core); the project is the same for "
                     "any number")
        ->check(CLI::Range(1u, 1024u));
    command->add_flag("--json", options->json, "Print a JSON summary");
    set_action(command, [options] {
        auto project = open_project(options->project, store::OpenMode::ReadWrite);
        const bool show_progress = stderr_is_terminal();
        JobControl control;
        if (show_progress) // a percentage: the total counts both reads of each document
            control.progress = [](const JobProgress& p) {
                if (p.total > 0)
                    std::cerr << "\rextracting: " << (100 * p.done / p.total) << "%" << std::flush;
            };
        auto summary = extract::run_extraction(project, {}, control, options->jobs);
        if (show_progress)
            std::cerr << '\n';
        if (options->json)
            print_json({{"documents", summary.documents},
                        {"mentions", summary.mentions},
                        {"entities", summary.entities},
                        {"documents_read_again", summary.documents_read_again},
                        {"cancelled", summary.cancelled}});
        else
            std::cout << "extracted " << summary.mentions << " mentions of " << summary.entities
                      << " entities from " << summary.documents << " documents\n";
        // run_extraction replayed the analyst's corrections; say which still hold.
        if (const auto line = curation::describe(curation::curation_status(project));
            !options->json && !line.empty())
            std::cout << line << '\n';
        return kOk;
    });
}

void register_entities(CLI::App& app) {
    struct Options {
        std::string project;
        std::string type;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("entities", "List entities with their aliases and counts");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command->add_option("--type", options->type,
                        "person, organization, country, place, document or date");
    command->add_flag("--json", options->json, "Print JSON");
    set_action(command, [options] {
        std::optional<EntityType> type;
        if (!options->type.empty()) {
            type = parse_entity_type(options->type);
            if (!type) {
                print_error(
                    "--type " + options->type +
                    " : unknown type (person, organization, country, place, document, date)");
                return kFailure;
            }
        }
        auto project = open_project(options->project, store::OpenMode::ReadOnly);
        auto entities = store::EntityStore(project).list(type);
        if (options->json) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& e : entities)
                rows.push_back({{"id", e.id.value},
                                {"name", e.canonical_name},
                                {"type", to_string(e.type)},
                                {"aliases", e.aliases},
                                {"mentions", e.mentions},
                                {"documents", e.documents},
                                {"first_date", e.first_date},
                                {"last_date", e.last_date},
                                {"authority_id", e.authority_id}});
            print_json(rows);
            return kOk;
        }
        std::cout << "id\ttype\tname\tmentions\tdocuments\tfirst\tlast\taliases\n";
        for (const auto& e : entities) {
            std::string aliases;
            for (const auto& a : e.aliases)
                aliases += (aliases.empty() ? "" : "|") + a;
            std::cout << e.id.value << '\t' << to_string(e.type) << '\t' << e.canonical_name << '\t'
                      << e.mentions << '\t' << e.documents << '\t' << e.first_date << '\t'
                      << e.last_date << '\t' << aliases << '\n';
        }
        return kOk;
    });
}

nlohmann::json box_json(const PixelBox& box) {
    return {{"left", box.left}, {"top", box.top}, {"right", box.right}, {"bottom", box.bottom}};
}

// Where an OCR'd mention stands on its scanned page (docs/OCR.md): page, the words' box and the
// whole line's box in pixels at `dpi`, and the lowest confidence among its words.
void add_scan_location(nlohmann::json& row, store::OcrStore& ocr, DocumentId document, Span span) {
    const auto where = ocr.locate(document, span);
    if (!where)
        return;
    row["page"] = where->page;
    row["box"] = box_json(where->box);
    row["line_box"] = box_json(where->line_box);
    row["dpi"] = where->dpi;
    row["ocr_confidence"] = where->min_confidence;
}

void register_mentions(CLI::App& app) {
    struct Options {
        std::string project;
        std::int64_t document = 0;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("mentions", "List mentions with their byte spans");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command->add_option("--document", options->document, "Only this document id");
    command->add_flag("--json", options->json, "Print JSON");
    set_action(command, [options] {
        auto project = open_project(options->project, store::OpenMode::ReadOnly);
        store::EntityStore entities(project);
        auto rows = options->document > 0
                        ? entities.mentions_in_document(DocumentId{options->document})
                        : entities.all_mentions();
        if (options->json) {
            store::OcrStore ocr(project);
            const auto scanned = ocr.documents_with_ocr();
            nlohmann::json out = nlohmann::json::array();
            for (const auto& r : rows) {
                nlohmann::json row = {{"document", r.mention.document.value},
                                      {"start", r.mention.span.start},
                                      {"end", r.mention.span.end},
                                      {"text", r.mention.surface},
                                      {"entity", r.mention.entity.value},
                                      {"name", r.canonical_name},
                                      {"type", to_string(r.type)},
                                      {"method", to_string(r.mention.method)},
                                      {"confidence", r.mention.confidence}};
                if (scanned.contains(r.mention.document.value))
                    add_scan_location(row, ocr, r.mention.document, r.mention.span);
                out.push_back(std::move(row));
            }
            print_json(out);
            return kOk;
        }
        std::cout << "document\tstart\tend\ttext\tentity\tname\ttype\tmethod\n";
        for (const auto& r : rows)
            std::cout << r.mention.document.value << '\t' << r.mention.span.start << '\t'
                      << r.mention.span.end << '\t' << r.mention.surface << '\t'
                      << r.mention.entity.value << '\t' << r.canonical_name << '\t'
                      << to_string(r.type) << '\t' << to_string(r.mention.method) << '\n';
        return kOk;
    });
}

void register_extract_commands(CLI::App& app) {
    register_extract(app);
    register_entities(app);
    register_mentions(app);
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_extract_commands);

} // namespace dossier::cli
