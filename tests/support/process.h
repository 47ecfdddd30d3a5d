#pragma once
// Runs programs through the shell for the tests: the real `dossier` binary the way a user would,
// and the outside tools that read what it wrote (python3, rsvg-convert, pdftotext, ...).
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier::testing {

struct CommandResult {
    int exit_code = -1; // -1: the command could not be run or did not exit normally
    std::string out;    // stdout, and stderr too with Stderr::IntoOut
    std::string err;    // stderr with Stderr::Apart
};

enum class Stderr {
    IntoOut, // merged into `out`, as a terminal shows it
    Apart,   // captured in `err`
};

struct RunOptions {
    RunOptions() = default;
    RunOptions(Stderr to, std::filesystem::path in = {}) // NOLINT(google-explicit-constructor)
        : stderr_to(to), cwd(std::move(in)) {}

    Stderr stderr_to = Stderr::IntoOut;
    std::filesystem::path cwd; // where the command runs; empty: the test's own folder
};

// `text` as one shell word, safe whatever it holds.
std::string shell_quoted(std::string_view text);

// Runs `command` as shell text.
CommandResult run_shell(const std::string& command, const RunOptions& options = {});

// Runs `dossier ARGUMENTS`; `arguments` is shell text appended to the binary's path.
CommandResult run_cli(const std::string& arguments, const RunOptions& options = {});

// Runs `dossier` with these arguments, each quoted.
CommandResult run_cli(const std::vector<std::string>& arguments, const RunOptions& options = {});

} // namespace dossier::testing
