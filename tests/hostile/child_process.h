#pragma once
// Runs work in a child process so a test can bound it and observe it from outside: the real
// `dossier` binary (exit code, stderr, a SIGKILL at a chosen moment) or a function in a fork
// (peak memory through wait4, which counts that child alone and not the whole test process).
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace dossier::testing {

struct ProcessResult {
    bool exited = false; // false: killed by a signal
    int exit_code = -1;
    int signal = 0;
    std::string out;
    std::string err;
    std::uint64_t max_rss_bytes = 0;
};

// Runs argv[0] with the arguments and waits for it; stdout and stderr are captured. With `as_uid`
// >= 0 and root privileges the child drops to that user first (file modes bind root not at all).
ProcessResult run_program(const std::vector<std::string>& argv, int as_uid = -1);

// Starts argv[0] without waiting; stdout and stderr go to /dev/null.
pid_t start_program(const std::vector<std::string>& argv);
// Waits for a child started with start_program.
ProcessResult wait_program(pid_t pid);

// Runs `work` in a forked child. Its return value comes back in `out`; an exception's what() in
// `err` with exit code 3. `limit_file_bytes` > 0 sets RLIMIT_FSIZE in the child (SIGXFSZ ignored,
// so a write past it fails with EFBIG: a full disk without a file system to fill).
ProcessResult run_in_child(const std::function<std::string()>& work,
                           std::uint64_t limit_file_bytes = 0);

// True in builds with AddressSanitizer, whose shadow memory and quarantine inflate peak RSS.
constexpr bool built_with_asan() {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

} // namespace dossier::testing
