// Another process holds SQLite's write lock on a project (an import, an extraction's relation
// pass, the explorer saving a correction) while a real `dossier` command that writes starts: the
// command must wait for it through the busy handler, say so, and succeed once the lock is free.
// Under concurrent load about 2% of `dossier extract` runs failed instead with "executing a
// statement: database is locked" (scripts/soak.sh, issue 19): a single-row lookup of a cached
// statement (Project::setting) was left stepped, so the connection still had a read transaction
// open when it began its write transaction, and SQLite does not wait for a write lock from inside
// a read transaction (it could deadlock): it returned SQLITE_BUSY at once. Holding the lock here
// makes that window certain instead of a 2% chance.
#include "child_process.h"
#include "dossier/store/project.h"
#include "fault_project.h"
#include "test_support.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

namespace dossier::testing {
namespace {

constexpr auto kHold = std::chrono::milliseconds(1500);

struct RunWhileLocked {
    ProcessResult result;
    bool finished_while_locked = false;
};

// Starts `command` while this process holds the project's write lock (a write transaction of its
// own connection), keeps holding it for kHold, then commits and waits for the command.
RunWhileLocked run_while_write_locked(const std::filesystem::path& project,
                                      const std::vector<std::string>& command) {
    RunWhileLocked out;
    std::atomic<bool> done{false};
    std::thread runner;
    {
        auto holder = store::Project::open(project, store::OpenMode::ReadWrite);
        store::Transaction lock(holder);
        runner = std::thread([&] {
            std::vector<std::string> argv{DOSSIER_CLI};
            argv.insert(argv.end(), command.begin(), command.end());
            out.result = run_program(argv);
            done = true;
        });
        std::this_thread::sleep_for(kHold);
        out.finished_while_locked = done;
        lock.commit();
    }
    runner.join();
    return out;
}

TEST(Faults, EveryWritingCommandWaitsForAnotherProcessesWriteLockAndThenSucceeds) {
    TempDir dir;
    write_cables(dir / "corpus", 20, 21);
    write_cables(dir / "more", 5, 22);
    const auto project = dir / "p.dossier";
    const auto p = project.string();
    const auto imported =
        run_program({DOSSIER_CLI, "import", "--quiet", p, (dir / "corpus").string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    write_file(dir / "people.csv", "p1,person,Andrei Gromyko,Gromyko\n");

    const std::vector<std::vector<std::string>> commands{
        {"extract", p},
        {"import", "--quiet", p, (dir / "more").string()},
        {"note", p, "--entity", "Sweden", "waited for the lock"},
        {"rename", p, "Dean Rusk", "David Dean Rusk"},
        {"relate", p, "David Dean Rusk", "Andrei Gromyko", "--type", "cooperates_with"},
        {"undo", p},
        {"authority", "import", p, (dir / "people.csv").string()},
        {"extract", p},
    };
    for (const auto& command : commands) {
        const auto run = run_while_write_locked(project, command);
        const auto& name = command.front();
        EXPECT_FALSE(run.finished_while_locked) << name << " did not wait: " << run.result.err;
        EXPECT_EQ(run.result.exit_code, 0) << name << ": " << run.result.err;
        EXPECT_EQ(run.result.err.find("locked"), std::string::npos)
            << name << ": " << run.result.err;
        EXPECT_NE(run.result.err.find("another process is writing to"), std::string::npos)
            << name << " never waited for the write lock: " << run.result.err;
    }
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(opened.integrity_check(), "ok");
    EXPECT_EQ(store::project_stats(opened).documents, 25);
}

} // namespace
} // namespace dossier::testing
