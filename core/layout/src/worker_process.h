#pragma once
// One child process with its stdin, stdout and stderr connected to us, started with posix_spawn.
// stdin is a socket (so writing to a worker that died gives EPIPE, never SIGPIPE, without touching
// the process-wide signal disposition); stdout and stderr are pipes. All our descriptors are
// close-on-exec, so other processes this program starts never inherit them.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace dossier::layout::detail {

class WorkerProcess {
public:
    // Throws std::runtime_error when the program cannot be started (the message names it).
    WorkerProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments);
    ~WorkerProcess(); // kills the process (SIGKILL) and reaps it when it is still running
    WorkerProcess(const WorkerProcess&) = delete;
    WorkerProcess& operator=(const WorkerProcess&) = delete;

    // `keep_going` is asked about every 50 ms while waiting; false kills the worker.
    using KeepGoing = std::function<bool()>;

    // Writes all of `input` to the worker's stdin and closes it. False when the worker was killed
    // because keep_going said so, or when it stopped reading (it exited: see collect()).
    bool send(std::string_view input, const KeepGoing& keep_going);
    // Reads stdout and stderr until both close, then reaps the worker. False when it was killed
    // because keep_going said so.
    bool collect(const KeepGoing& keep_going);
    void kill();

    const std::string& output() const { return out_; }
    const std::string& errors() const { return err_; }
    bool exited_cleanly() const;          // exit status 0
    std::string exit_description() const; // "exit status 1", "killed by signal 11"

private:
    void reap();
    pid_t pid_ = -1;
    int in_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    int status_ = 0;
    bool reaped_ = false;
    std::string out_;
    std::string err_;
};

} // namespace dossier::layout::detail
