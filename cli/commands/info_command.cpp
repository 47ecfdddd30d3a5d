#include "cli_support.h"
#include "command_registry.h"
#include "dossier/store/project_stats.h"

#include <iostream>
#include <memory>

namespace dossier::cli {

namespace {
void register_info_command(CLI::App& app) {
    struct Options {
        std::string project;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("info", "Print what a project holds and its schema version");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command->add_flag("--json", options->json, "Print JSON");
    set_action(command, [options] {
        auto project = open_project(options->project, store::OpenMode::ReadOnly);
        auto stats = store::project_stats(project);
        if (options->json) {
            print_json({{"project", options->project},
                        {"schema_version", stats.schema_version},
                        {"documents", stats.documents},
                        {"text_bytes", stats.text_bytes},
                        {"entities", stats.entities},
                        {"entities_by_type", stats.entities_by_type},
                        {"mentions", stats.mentions},
                        {"relations", stats.relations},
                        {"relations_by_type", stats.relations_by_type},
                        {"evidence", stats.evidence},
                        {"authority_entries", stats.authority_entries},
                        {"curation_records", stats.curation_records},
                        {"extraction_incomplete", stats.extraction_incomplete},
                        {"documents_not_extracted", stats.documents_not_extracted}});
            return kOk;
        }
        std::cout << "project:           " << options->project << '\n'
                  << "schema version:    " << stats.schema_version << '\n'
                  << "documents:         " << stats.documents << " (" << stats.text_bytes
                  << " bytes of text)\n"
                  << "entities:          " << stats.entities << '\n';
        for (const auto& [type, n] : stats.entities_by_type)
            std::cout << "  " << type << ": " << n << '\n';
        std::cout << "mentions:          " << stats.mentions << '\n'
                  << "relations:         " << stats.relations << " (" << stats.evidence
                  << " evidence spans)\n";
        for (const auto& [type, n] : stats.relations_by_type)
            std::cout << "  " << type << ": " << n << '\n';
        std::cout << "authority entries: " << stats.authority_entries << '\n'
                  << "curation records:  " << stats.curation_records << '\n';
        if (stats.extraction_incomplete)
            std::cout << "extraction:        incomplete (interrupted or cancelled)\n";
        if (stats.documents_not_extracted > 0)
            std::cout << "not extracted:     " << stats.documents_not_extracted
                      << (stats.documents_not_extracted == 1 ? " document" : " documents")
                      << " (imported with --no-extract, or stopped before extraction)\n";
        if (stats.needs_extraction())
            std::cout << "to finish it, run: dossier extract " << options->project << '\n';
        return kOk;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_info_command);

} // namespace dossier::cli
