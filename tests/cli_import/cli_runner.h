#pragma once
// Runs the real `dossier` binary through the shell and captures exit code, stdout and stderr.
#include "test_support.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <string>
#include <sys/wait.h>

namespace dossier::testing {

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// `arguments` is appended to the binary's path as shell text; `cwd` is where it runs.
inline CliRun run_dossier(const std::string& arguments, const std::filesystem::path& cwd,
                          const std::filesystem::path& scratch) {
    const auto out = scratch / "stdout.txt";
    const auto err = scratch / "stderr.txt";
    const std::string command = "cd '" + cwd.string() + "' && '" + std::string(DOSSIER_CLI) + "' " +
                                arguments + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(out);
    run.err = read_file(err);
    return run;
}

// Compares with tests/fixtures/import/golden/NAME; DOSSIER_UPDATE_GOLDEN=1 rewrites it instead
// (after an intended change: review the diff).
inline void expect_golden(const std::string& actual, const std::string& golden_name) {
    const auto golden = fixture("import/golden/" + golden_name);
    if (std::getenv("DOSSIER_UPDATE_GOLDEN")) {
        write_file(golden, actual);
        return;
    }
    ASSERT_TRUE(std::filesystem::exists(golden)) << golden;
    EXPECT_EQ(actual, read_file(golden)) << "differs from " << golden;
}

} // namespace dossier::testing
