// Two real `dossier` processes writing one project at once: an import (with its extraction, the
// longest write Dossier makes) while an analyst's second process runs corrections (merge, rename,
// note, relate), and corrections while `dossier extract` runs. No "database is locked" may reach
// the user and no write of either side may be lost; with the import both sides succeed.
#include "child_process.h"
#include "dossier/store/extraction_lock.h"
#include "fault_project.h"
#include "test_support.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

namespace dossier::testing {
namespace {

ProcessResult run_dossier(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{DOSSIER_CLI};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return run_program(argv);
}

// A project of `count` generated cables (tests/hostile/fault_project.h) imported with extraction,
// or an empty path when the import failed.
std::filesystem::path imported_cables(const TempDir& dir, int count, unsigned seed) {
    write_cables(dir / "corpus", count, seed);
    const auto project = dir / "p.dossier";
    const auto imported =
        run_dossier({"import", "--quiet", project.string(), (dir / "corpus").string()});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    return imported.exit_code == 0 ? project : std::filesystem::path();
}

// Twenty corrections that each add one record: a merge, renames, notes and relations.
std::vector<std::vector<std::string>> corrections(const std::string& project) {
    std::vector<std::vector<std::string>> steps{
        {"merge", project, "Carl Lindqvist", "Karl Lindqvist"}};
    std::string rusk = "Dean Rusk";
    for (int i = 1; i < 20; ++i) {
        if (i % 3 == 0) {
            const auto renamed = "Dean Rusk [" + std::to_string(i) + "]";
            steps.push_back({"rename", project, rusk, renamed});
            rusk = renamed;
        } else if (i % 3 == 1) {
            steps.push_back({"note", project, "--entity", "Sweden", "note " + std::to_string(i)});
        } else {
            steps.push_back({"relate", project, rusk, "Andrei Gromyko", "--type", "cooperates_with",
                             "--note", "talks " + std::to_string(i)});
        }
    }
    return steps;
}

struct Outcome {
    ProcessResult writer;                 // the import or extraction
    std::vector<ProcessResult> curations; // each correction, in order
};

// Runs `long_writer` and, while it runs, the corrections one after another.
Outcome run_side_by_side(const std::vector<std::string>& long_writer, const std::string& project) {
    Outcome outcome;
    std::atomic<bool> started{false};
    std::thread writer([&] {
        started = true;
        outcome.writer = run_dossier(long_writer);
    });
    while (!started)
        std::this_thread::yield();
    for (const auto& step : corrections(project))
        outcome.curations.push_back(run_dossier(step));
    writer.join();
    return outcome;
}

void expect_all_succeeded(const Outcome& outcome) {
    EXPECT_EQ(outcome.writer.exit_code, 0) << outcome.writer.err;
    EXPECT_EQ(outcome.writer.err.find("locked"), std::string::npos) << outcome.writer.err;
    for (std::size_t i = 0; i < outcome.curations.size(); ++i) {
        const auto& c = outcome.curations[i];
        EXPECT_EQ(c.exit_code, 0) << "correction " << i << ": " << c.err;
        EXPECT_EQ(c.err.find("locked"), std::string::npos) << "correction " << i << ": " << c.err;
    }
}

void expect_every_correction_kept(const std::filesystem::path& project) {
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(opened.integrity_check(), "ok");
    const auto records = store::CurationStore(opened).records();
    ASSERT_EQ(records.size(), 20u) << "corrections were lost";
    for (const auto& record : records)
        EXPECT_EQ(record.status, "applied")
            << record.op << " " << record.payload << ": " << record.message;
    // The renames and the merge still show after the other side's extraction replayed them.
    const auto names = snapshot_of(project);
    EXPECT_NE(names.find("entity person Dean Rusk [18]\n"), std::string::npos) << names;
    EXPECT_EQ(names.find("entity person Carl Lindqvist\n"), std::string::npos) << names;
}

TEST(Faults, CorrectionsWhileAnotherProcessImportsBothSucceedAndNothingIsLost) {
    TempDir dir;
    write_cables(dir / "first", 40, 11);
    write_cables(dir / "second", 300, 12);
    const auto project = dir / "p.dossier";
    ASSERT_EQ(
        run_dossier({"import", "--quiet", project.string(), (dir / "first").string()}).exit_code,
        0);
    std::int64_t first_documents = 0;
    {
        auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
        first_documents = store::project_stats(opened).documents;
    }

    const auto outcome = run_side_by_side(
        {"import", "--quiet", project.string(), (dir / "second").string()}, project.string());
    expect_all_succeeded(outcome);
    expect_every_correction_kept(project);
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(store::project_stats(opened).documents, first_documents + 300)
        << "imported documents were lost";
}

// `dossier extract` clears the extracted entities and recreates them over many transactions.
// Corrections from another process take turns with it (store::ExtractionLock): one that arrives
// mid-extraction waits for it and then finds the recreated entity, so every correction succeeds
// and stays applied. (Before the lock, a correction landing in the window was refused with
// "no entity named 'X'".)
TEST(Faults, CorrectionsWhileAnotherProcessExtractsWaitTheirTurnAndAllSucceed) {
    TempDir dir;
    const auto project = imported_cables(dir, 300, 13);
    ASSERT_FALSE(project.empty());
    const auto outcome = run_side_by_side({"extract", project.string()}, project.string());
    expect_all_succeeded(outcome);
    expect_every_correction_kept(project);
    EXPECT_TRUE(std::filesystem::exists(store::ExtractionLock::lock_file(project)))
        << "the extraction did not take its turn through the lock file";
}

// What the lock does, each side seen from the other: the test process holds one side of
// store::ExtractionLock for a while and a real `dossier` process must wait for it, say why on
// stderr, and succeed once the turn is released.
struct WhileHeld {
    ProcessResult result;
    bool finished_while_held = false;
    std::chrono::steady_clock::duration took{};
};
WhileHeld run_while_held(const std::filesystem::path& project, store::ExtractionLock::Mode held,
                         const std::vector<std::string>& command) {
    constexpr auto kHold = std::chrono::milliseconds(2500);
    WhileHeld out;
    std::atomic<bool> done{false};
    std::thread runner;
    // Outside the lock's scope: the runner reads it after the lock is released.
    const auto start = std::chrono::steady_clock::now();
    {
        const store::ExtractionLock lock(project, held);
        EXPECT_TRUE(lock.held());
        runner = std::thread([&] {
            out.result = run_dossier(command);
            out.took = std::chrono::steady_clock::now() - start;
            done = true;
        });
        std::this_thread::sleep_for(kHold);
        out.finished_while_held = done;
    }
    runner.join();
    return out;
}

TEST(Faults, ACorrectionWaitsForARunningExtractionAndThenSucceeds) {
    TempDir dir;
    const auto project = imported_cables(dir, 20, 14);
    ASSERT_FALSE(project.empty());
    const auto run = run_while_held(project, store::ExtractionLock::Mode::Extraction,
                                    {"note", project.string(), "--entity", "Sweden", "waited"});
    EXPECT_FALSE(run.finished_while_held) << run.result.err;
    EXPECT_GE(run.took, std::chrono::milliseconds(2500));
    EXPECT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_NE(run.result.err.find("an extraction is running on"), std::string::npos)
        << run.result.err;
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(store::CurationStore(opened).records().size(), 1u);
}

TEST(Faults, AnExtractionWaitsForACorrectionInFlightAndThenRuns) {
    TempDir dir;
    const auto project = imported_cables(dir, 20, 15);
    ASSERT_FALSE(project.empty());
    const auto run = run_while_held(project, store::ExtractionLock::Mode::Correction,
                                    {"extract", project.string()});
    EXPECT_FALSE(run.finished_while_held) << run.result.err;
    EXPECT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_NE(run.result.err.find("waiting for a correction"), std::string::npos) << run.result.err;
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_GT(store::project_stats(opened).entities, 0);
}

} // namespace
} // namespace dossier::testing
