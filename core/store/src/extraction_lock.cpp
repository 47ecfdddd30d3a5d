#include "dossier/store/extraction_lock.h"

#include "dossier/store/store_error.h"
#include "sqlite_connection.h"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace dossier::store {
namespace {
constexpr auto kNoticeAfter = std::chrono::seconds(1);
constexpr auto kPollEvery = std::chrono::milliseconds(20);
} // namespace

std::filesystem::path ExtractionLock::lock_file(const std::filesystem::path& project) {
    return std::filesystem::path(project.string() + "-extraction-lock");
}

ExtractionLock::ExtractionLock(const std::filesystem::path& project, Mode mode, Wait wait) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(project, ec))
        return; // no project (yet): nothing to take turns on, and no stray lock file
    const auto path = lock_file(project);
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); // another user's lock file
    if (fd_ < 0)
        return; // no lock file possible here: no turns, as before
    const int operation = (mode == Mode::Extraction ? LOCK_EX : LOCK_SH) | LOCK_NB;
    const auto started = std::chrono::steady_clock::now();
    bool noticed = false;
    const std::string name = "'" + project.string() + "'";
    // The turn was not given: no lock is left held, and the reason goes to the caller.
    auto give_up = [this, mode](const std::string& correction_waits,
                                const std::string& extraction_waits) {
        ::close(fd_);
        fd_ = -1;
        throw StoreError(StoreError::Kind::Other,
                         mode == Mode::Correction ? correction_waits : extraction_waits);
    };
    while (::flock(fd_, operation) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            ::close(fd_); // a file system without flock: no turns, as before
            fd_ = -1;
            return;
        }
        if (wait == Wait::No)
            give_up("an extraction is running on " + name +
                        " (dossier extract, or Extract Again in another window); make the "
                        "correction when it has finished",
                    "a correction to " + name + " is being saved; try again in a moment");
        const auto waited = std::chrono::steady_clock::now() - started;
        if (waited > kGiveUpAfter)
            give_up("an extraction of " + name +
                        " has run for 10 minutes; try the correction again when it ends",
                    "corrections to " + name + " kept it busy for 10 minutes; try again");
        if (waited > kNoticeAfter && !noticed) {
            noticed = true;
            detail::notify_waiting(mode == Mode::Correction
                                       ? "an extraction is running on " + name +
                                             "; the correction waits for it to finish"
                                       : "waiting for a correction to " + name + " to finish");
        }
        std::this_thread::sleep_for(kPollEvery);
    }
}

ExtractionLock::~ExtractionLock() {
    if (fd_ >= 0)
        ::close(fd_); // closing releases the flock
}

} // namespace dossier::store
