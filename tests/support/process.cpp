#include "process.h"

#include "test_support.h"

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace dossier::testing {
namespace {

// A fresh empty file for stderr, removed when done.
class ScratchFile {
public:
    ScratchFile() {
        std::string name = (std::filesystem::temp_directory_path() / "dossier-err-XXXXXX").string();
        const int fd = ::mkstemp(name.data());
        if (fd >= 0) {
            ::close(fd);
            path_ = name;
        }
    }
    ~ScratchFile() {
        std::error_code ignored;
        if (!path_.empty())
            std::filesystem::remove(path_, ignored);
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace

std::string shell_quoted(std::string_view text) {
    std::string quoted(1, '\'');
    for (const char c : text) {
        if (c == '\'')
            quoted.append("'\\''");
        else
            quoted.push_back(c);
    }
    quoted.push_back('\'');
    return quoted;
}

CommandResult run_shell(const std::string& command, const RunOptions& options) {
    CommandResult result;
    ScratchFile err;
    std::string shell = command;
    if (!options.cwd.empty())
        shell = "cd " + shell_quoted(options.cwd.string()) + " && " + shell;
    shell = "{ " + shell + "; }";
    if (options.stderr_to == Stderr::IntoOut)
        shell += " 2>&1";
    else if (!err.path().empty())
        shell += " 2>" + shell_quoted(err.path().string());
    FILE* pipe = ::popen(shell.c_str(), "r");
    if (pipe == nullptr)
        return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (options.stderr_to == Stderr::Apart && !err.path().empty())
        result.err = read_file(err.path());
    return result;
}

CommandResult run_cli(const std::string& arguments, const RunOptions& options) {
    return run_shell(shell_quoted(DOSSIER_CLI) + " " + arguments, options);
}

CommandResult run_cli(const std::vector<std::string>& arguments, const RunOptions& options) {
    std::string command;
    for (const auto& argument : arguments)
        command += (command.empty() ? "" : " ") + shell_quoted(argument);
    return run_cli(command, options);
}

} // namespace dossier::testing
