#pragma once
// Runs the real `dossier` binary the way a user would, for the CLI tests.
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace dossier::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;
};

// Runs `dossier ARGUMENTS` through the shell with stdout captured and stderr merged into it.
inline CommandResult run_cli(const std::string& arguments) {
    const std::string command = std::string(DOSSIER_CLI) + " " + arguments + " 2>&1";
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace dossier::testing
