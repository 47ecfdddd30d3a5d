// dossier: the command-line twin of dossier-gui, on the same core.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/graph/entity_lookup.h"
#include "dossier/importers/openmp_limit.h"

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace dossier::cli {
namespace {
std::optional<CommandAction>& chosen_action() {
    static std::optional<CommandAction> action;
    return action;
}

// CLI11 handles --help before it notices that the first word names no command, so
// `dossier frobnicate --help` would print the general help and exit 0; a script must see the
// mistake. Returns the message for an unknown command name, or nothing.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-')
        return std::nullopt;
    const std::string word = argv[1];
    std::vector<std::string> close;
    for (const auto* command : app.get_subcommands([](CLI::App*) { return true; })) {
        if (command->check_name(word))
            return std::nullopt;
        if (graph::edit_distance(word, command->get_name()) <= 2)
            close.push_back(command->get_name());
    }
    std::string message = "unknown command '" + word + "'";
    for (std::size_t i = 0; i < close.size(); ++i)
        message += (i == 0 ? "; did you mean " : " or ") + close[i];
    return message + (close.empty() ? "" : "?") + " (dossier --help lists the commands)";
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
    dossier::importers::restart_with_single_threaded_openmp(argv);
    using namespace dossier::cli;
    CLI::App app{"Dossier: read archival documents, extract who and what they name, and explore "
                 "the network."};
    app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
    app.require_subcommand(1);
    for (auto registrar : command_registrars())
        registrar(app);
    if (const auto mistake = unknown_command(app, argc, argv)) {
        print_error(*mistake);
        return kFailure;
    }
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
