#include "child_process.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dossier::testing {
namespace {

std::vector<char*> c_argv(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& a : argv)
        out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

// Reads both pipes to the end (alternating with poll-free blocking reads would deadlock when
// one fills up, so the child writes stderr into a temporary file instead).
std::string read_all(int fd) {
    std::string data;
    char buffer[65536];
    for (;;) {
        const auto n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    return data;
}

ProcessResult collect(pid_t pid) {
    ProcessResult result;
    int status = 0;
    struct rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR)
            throw std::runtime_error("wait4 failed");
    }
    result.exited = WIFEXITED(status);
    result.exit_code = result.exited ? WEXITSTATUS(status) : -1;
    result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    result.max_rss_bytes = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024; // Linux: KiB
    return result;
}

} // namespace

ProcessResult run_program(const std::vector<std::string>& argv, int as_uid) {
    int out_pipe[2];
    if (::pipe(out_pipe) != 0)
        throw std::runtime_error("pipe failed");
    std::FILE* err_file = std::tmpfile();
    if (!err_file)
        throw std::runtime_error("tmpfile failed");
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(::fileno(err_file), STDERR_FILENO);
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        if (as_uid >= 0 && ::geteuid() == 0) {
            if (::setgid(static_cast<gid_t>(as_uid)) != 0 ||
                ::setuid(static_cast<uid_t>(as_uid)) != 0)
                ::_exit(126);
        }
        auto args = c_argv(argv);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    std::string out = read_all(out_pipe[0]);
    ::close(out_pipe[0]);
    auto result = collect(pid);
    result.out = std::move(out);
    std::rewind(err_file);
    result.err = read_all(::fileno(err_file));
    std::fclose(err_file);
    return result;
}

pid_t start_program(const std::vector<std::string>& argv) {
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        auto args = c_argv(argv);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

ProcessResult wait_program(pid_t pid) {
    return collect(pid);
}

ProcessResult run_in_child(const std::function<std::string()>& work,
                           std::uint64_t limit_file_bytes) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::close(pipe_fds[0]);
        if (limit_file_bytes > 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            struct rlimit limit {};
            limit.rlim_cur = limit.rlim_max = limit_file_bytes;
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        int code = 0;
        std::string message;
        try {
            message = work();
        } catch (const std::exception& e) {
            message = e.what();
            code = 3;
        }
        std::size_t done = 0;
        while (done < message.size()) {
            const auto n = ::write(pipe_fds[1], message.data() + done, message.size() - done);
            if (n <= 0)
                break;
            done += static_cast<std::size_t>(n);
        }
        ::close(pipe_fds[1]);
        // _exit: no atexit handlers or gtest teardown in the child. LeakSanitizer would not run
        // either, which is fine: the parent's own run covers leaks in the same code.
        ::_exit(code);
    }
    ::close(pipe_fds[1]);
    std::string message = read_all(pipe_fds[0]);
    ::close(pipe_fds[0]);
    auto result = collect(pid);
    (result.exit_code == 0 ? result.out : result.err) = std::move(message);
    return result;
}

} // namespace dossier::testing
