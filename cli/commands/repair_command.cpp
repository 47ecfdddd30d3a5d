// `dossier repair PROJECT [--strip-foreign]`: shows the schema objects of a project file that no
// Dossier migration made (a trigger or view planted in a file from someone else), and removes
// them once the analyst has looked. Project::open refuses such a file until then.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/store/schema_audit.h"
#include "dossier/store/store_error.h"

#include <iostream>
#include <memory>

namespace dossier::cli {

namespace {

void print_differences(const std::vector<store::SchemaDifference>& differences) {
    for (const auto& d : differences)
        std::cout << describe(d) << (d.sql.empty() ? "" : ":\n    " + d.sql) << '\n';
}

void register_repair_command(CLI::App& app) {
    struct Options {
        std::string project;
        bool strip_foreign = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "repair", "Show schema objects a project holds that Dossier did not make; remove them");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command->add_flag("--strip-foreign", options->strip_foreign,
                      "Drop the foreign objects and put back Dossier's own (after a look)");
    set_action(command, [options] {
        try {
            if (!options->strip_foreign) {
                const auto differences = store::audit_project_schema(options->project);
                if (differences.empty()) {
                    std::cout << options->project << ": schema as Dossier made it\n";
                    return kOk;
                }
                print_differences(differences);
                std::cout << "to remove them: dossier repair " << options->project
                          << " --strip-foreign\n";
                return kFailure;
            }
            const auto stripped = store::strip_foreign_schema(options->project);
            if (stripped.empty())
                std::cout << options->project << ": nothing to strip\n";
            for (const auto& d : stripped)
                std::cout << (d.problem == store::SchemaDifference::Problem::Foreign ? "dropped "
                                                                                     : "restored ")
                          << describe(d) << '\n';
            return kOk;
        } catch (const store::StoreError& e) {
            print_error(std::string("repair: ") + e.what());
            return kFailure;
        }
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_repair_command);

} // namespace dossier::cli
