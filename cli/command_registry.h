#pragma once
// Command families register themselves at static-initialisation time, so adding a command is
// adding one file: DOSSIER_REGISTER_COMMANDS(register_import_commands) at the end of it.
#include <CLI/CLI.hpp>

#include <vector>

namespace dossier::cli {

using CommandRegistrar = void (*)(CLI::App& app);
std::vector<CommandRegistrar>& command_registrars();

struct RegisterCommands {
    explicit RegisterCommands(CommandRegistrar registrar) { command_registrars().push_back(registrar); }
};

} // namespace dossier::cli

#define DOSSIER_REGISTER_COMMANDS(fn)                                                              \
    static const ::dossier::cli::RegisterCommands dossier_register_##fn{fn}
