#include "worker_process.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace dossier::layout::detail {
namespace {

constexpr int kPollMilliseconds = 50;

void close_fd(int& fd) {
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

// Owns the posix_spawn file actions, destroyed on every path out of the constructor.
class FileActions {
public:
    FileActions() { ::posix_spawn_file_actions_init(&actions_); }
    ~FileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

private:
    posix_spawn_file_actions_t actions_;
};

} // namespace

WorkerProcess::WorkerProcess(const std::filesystem::path& program,
                             const std::vector<std::string>& arguments) {
    int in_pair[2] = {-1, -1};
    int out_pipe[2] = {-1, -1};
    int err_pipe[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
        fail("cannot create the layout worker's input");
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
        const int saved = errno;
        for (int fd : {in_pair[0], in_pair[1], out_pipe[0], out_pipe[1]})
            if (fd >= 0)
                ::close(fd);
        errno = saved;
        fail("cannot create the layout worker's output");
    }
    FileActions actions;
    // dup2 onto 0, 1 and 2 clears close-on-exec there; every other descriptor closes at exec.
    ::posix_spawn_file_actions_adddup2(actions.get(), in_pair[1], STDIN_FILENO);
    ::posix_spawn_file_actions_adddup2(actions.get(), out_pipe[1], STDOUT_FILENO);
    ::posix_spawn_file_actions_adddup2(actions.get(), err_pipe[1], STDERR_FILENO);

    std::vector<std::string> storage{program.string()};
    storage.insert(storage.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const int rc =
        ::posix_spawn(&pid_, program.c_str(), actions.get(), nullptr, argv.data(), environ);
    ::close(in_pair[1]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    in_ = in_pair[0];
    out_fd_ = out_pipe[0];
    err_fd_ = err_pipe[0];
    if (rc != 0) {
        pid_ = -1;
        close_fd(in_);
        close_fd(out_fd_);
        close_fd(err_fd_);
        errno = rc;
        fail("cannot start the layout worker " + program.string());
    }
}

WorkerProcess::~WorkerProcess() {
    kill();
    close_fd(in_);
    close_fd(out_fd_);
    close_fd(err_fd_);
}

void WorkerProcess::kill() {
    if (pid_ > 0 && !reaped_) {
        ::kill(pid_, SIGKILL);
        reap();
    }
}

void WorkerProcess::reap() {
    while (::waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
}

bool WorkerProcess::send(std::string_view input, const KeepGoing& keep_going) {
    std::size_t sent = 0;
    while (sent < input.size()) {
        if (!keep_going()) {
            kill();
            return false;
        }
        pollfd ready{in_, POLLOUT, 0};
        if (::poll(&ready, 1, kPollMilliseconds) <= 0)
            continue;
        const ssize_t n =
            ::send(in_, input.data() + sent, input.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                continue;
            close_fd(in_); // the worker stopped reading; collect() tells why
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    close_fd(in_); // end of input: the worker starts the layout
    return true;
}

bool WorkerProcess::collect(const KeepGoing& keep_going) {
    char buffer[65536];
    while (out_fd_ >= 0 || err_fd_ >= 0) {
        if (!keep_going()) {
            kill();
            return false;
        }
        pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
        if (::poll(fds, 2, kPollMilliseconds) <= 0)
            continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0)
                (i == 0 ? out_ : err_).append(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || (errno != EINTR && errno != EAGAIN))
                close_fd(i == 0 ? out_fd_ : err_fd_);
        }
    }
    close_fd(in_);
    if (!reaped_)
        reap();
    return true;
}

bool WorkerProcess::exited_cleanly() const {
    return reaped_ && WIFEXITED(status_) && WEXITSTATUS(status_) == 0;
}

std::string WorkerProcess::exit_description() const {
    if (!reaped_)
        return "still running";
    if (WIFEXITED(status_))
        return "exit status " + std::to_string(WEXITSTATUS(status_));
    if (WIFSIGNALED(status_))
        return "killed by signal " + std::to_string(WTERMSIG(status_)) + " (" +
               ::strsignal(WTERMSIG(status_)) + ")";
    return "ended with status " + std::to_string(status_);
}

} // namespace dossier::layout::detail
