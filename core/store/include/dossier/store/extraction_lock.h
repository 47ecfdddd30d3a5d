#pragma once
// Corrections and a re-extraction of one project take turns across processes.
//
// A re-extraction clears the extracted entities and recreates them over many transactions, so a
// correction from another process that looked an entity up in between found no entity of that
// name (or, worse, an id about to vanish). Instead, an extraction holds an exclusive lock and
// every correction (command line or explorer: curation::CorrectionSession) a shared one, on a small
// lock file beside the project
// ("P.dossier-extraction-lock", flock(2)): a correction waits for a running extraction to finish
// and then sees the new entities; an extraction waits for the corrections in flight (they take
// milliseconds). After a second of waiting, one line says why (store::set_busy_notice). The lock
// file is left in place (removing it would race with a process about to lock it); if it cannot
// be created (a read-only directory) or the project file does not exist, there is no lock.
#include <chrono>
#include <filesystem>

namespace dossier::store {

class ExtractionLock {
public:
    enum class Mode {
        Extraction, // exclusive: one extraction, no correction in flight
        Correction, // shared: corrections together, no extraction
    };
    enum class Wait {
        UpToTenMinutes, // a command line tool: say why after a second, give up after ten minutes
        No,             // the explorer's GUI thread: refuse at once, saying why
    };
    static constexpr auto kGiveUpAfter = std::chrono::minutes(10);

    // Waits for the turn as `wait` says; throws StoreError when it gives up.
    ExtractionLock(const std::filesystem::path& project, Mode mode,
                   Wait wait = Wait::UpToTenMinutes);
    ~ExtractionLock();
    ExtractionLock(const ExtractionLock&) = delete;
    ExtractionLock& operator=(const ExtractionLock&) = delete;

    bool held() const { return fd_ >= 0; } // false when the lock file could not be made
    static std::filesystem::path lock_file(const std::filesystem::path& project);

private:
    int fd_ = -1;
};

} // namespace dossier::store
