// dossier: the command-line twin of dossier-gui, on the same core.
#include "cli_support.h"
#include "command_registry.h"

#include <iostream>
#include <optional>

namespace dossier::cli {
namespace {
std::optional<CommandAction>& chosen_action() {
    static std::optional<CommandAction> action;
    return action;
}
} // namespace

std::vector<CommandRegistrar>& command_registrars() {
    static std::vector<CommandRegistrar> registrars;
    return registrars;
}

void set_action(CLI::App* command, CommandAction action) {
    command->callback([action = std::move(action)] { chosen_action() = action; });
}

} // namespace dossier::cli

int main(int argc, char** argv) {
    using namespace dossier::cli;
    CLI::App app{"Dossier: read archival documents, extract who and what they name, and explore the network."};
    app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
    app.require_subcommand(1);
    for (auto registrar : command_registrars())
        registrar(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? kOk : kFailure;
    }
    try {
        return chosen_action() ? (*chosen_action())() : kFailure;
    } catch (const std::exception& e) {
        print_error(e.what());
        return kFailure;
    }
}
