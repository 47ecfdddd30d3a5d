#pragma once
// What every subcommand shares: exit codes, error printing, opening a project with a clear message.
#include "dossier/store/project.h"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace dossier::cli {

// 0: everything worked; 2: some inputs failed, the rest went through; 1: nothing could be done.
enum ExitCode : int { kOk = 0, kFailure = 1, kPartial = 2 };

// Subcommands register a callback that returns the exit code; main runs the chosen one.
using CommandAction = std::function<int()>;
void set_action(CLI::App* command, CommandAction action);

// Opens a project, or prints one line saying why not and exits with kFailure.
store::Project open_project(const std::filesystem::path& path, store::OpenMode mode);

void print_error(const std::string& message);
// "512MiB", "20M", "1.5 GB", "1000" (bytes); binary multiples either way, as file managers show
// them. nullopt for anything else.
std::optional<std::uint64_t> parse_size(std::string text);

// The options `import` and `plan` share: which files are taken and how they are read.
struct InputOptions {
    std::string format = "auto";
    std::vector<std::string> include, exclude;
    std::string max_size = "512MiB";
    std::string ocr = "auto";
    std::string ocr_lang = "eng";
};
void add_input_options(CLI::App* command, InputOptions& options);

// --max-size in bytes, after checking it and --ocr-lang; nullopt after printing which option is
// wrong and why.
std::optional<std::uint64_t> checked_size_and_languages(const InputOptions& options);
void print_json(const nlohmann::json& value);
bool stdout_is_terminal();
bool stderr_is_terminal();

} // namespace dossier::cli
