// SIGKILL at random moments of a batch of corrections: a script of 30 real `dossier` curation
// commands (merge, rename, note, relate) run one after another, the way an analyst's
// script does. Each command is one transaction (the record and its effect), so after a kill the
// log holds either the commands before it or those plus the killed one, never half of one; the
// project passes integrity_check; running the rest of the script gives exactly the project an
// uninterrupted script gives.
#include "child_process.h"
#include "fault_project.h"
#include "hostile_support.h"
#include "test_support.h"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <random>
#include <thread>

namespace dossier::testing {
namespace {

// The batch: every command changes the project and adds one record to the log.
std::vector<std::vector<std::string>> correction_script(const std::filesystem::path& project) {
    const auto p = project.string();
    std::vector<std::vector<std::string>> script{
        {"merge", p, "Carl Lindqvist", "Karl Lindqvist"},
        {"note", p, "--entity", "Poland", "grain deliveries"},
    };
    std::string rusk = "Dean Rusk";
    for (int i = 0; i < 28; ++i) {
        switch (i % 4) {
        case 0: {
            const auto renamed = "Dean Rusk (" + std::to_string(i) + ")";
            script.push_back({"rename", p, rusk, renamed});
            rusk = renamed;
            break;
        }
        case 1:
            script.push_back({"note", p, "--entity", "Sweden", "note " + std::to_string(i)});
            break;
        case 2:
            script.push_back({"relate", p, rusk, "Andrei Gromyko", "--type", "cooperates_with",
                              "--note", "talks " + std::to_string(i)});
            break;
        default:
            script.push_back({"note", p, "--entity", rusk, "seen in file " + std::to_string(i)});
            break;
        }
    }
    return script;
}

ProcessResult run_step(const std::vector<std::string>& step) {
    std::vector<std::string> argv{DOSSIER_CLI};
    argv.insert(argv.end(), step.begin(), step.end());
    return run_program(argv);
}

std::int64_t curation_records(const std::filesystem::path& project, std::string& integrity) {
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    integrity = opened.integrity_check();
    return store::project_stats(opened).curation_records;
}

TEST(Faults, FiftySigkillsDuringABatchOfCorrectionsLoseNoCommittedCorrection) {
    TempDir dir;
    write_cables(dir / "corpus", 60, 7);
    const auto base = dir / "base.dossier";
    ASSERT_EQ(run_step({"import", "--quiet", base.string(), (dir / "corpus").string()}).exit_code,
              0);

    // The reference: the whole script without faults, timed per command.
    const auto reference = dir / "reference.dossier";
    copy_project(base, reference);
    const auto started = std::chrono::steady_clock::now();
    const auto reference_script = correction_script(reference);
    for (const auto& step : reference_script) {
        const auto result = run_step(step);
        ASSERT_EQ(result.exit_code, 0) << step[0] << ": " << result.err;
    }
    const auto per_command_us =
        std::max<long long>(1000, std::chrono::duration_cast<std::chrono::microseconds>(
                                      std::chrono::steady_clock::now() - started)
                                          .count() /
                                      static_cast<long long>(reference_script.size()));
    const auto expected = snapshot_of(reference);
    ASSERT_NE(expected.find("integrity ok\n"), std::string::npos);

    const auto project = dir / "p.dossier";
    copy_project(base, project);
    const auto script = correction_script(project);
    const unsigned seed = 20261129;
    std::mt19937 random(seed);
    std::size_t done = 0;     // commands of the script committed so far
    int kills = 0;            // kills that hit a running command
    int scripts_finished = 0; // whole scripts checked against the reference
    const int wanted_kills = fault_kill_rounds();
    RecordProperty("kills", wanted_kills);
    for (int round = 0; kills < wanted_kills && round < 40 * wanted_kills; ++round) {
        SCOPED_TRACE("round " + std::to_string(round) + ", command " + std::to_string(done) +
                     " (seed " + std::to_string(seed) + ")");
        std::vector<std::string> argv{DOSSIER_CLI};
        argv.insert(argv.end(), script[done].begin(), script[done].end());
        const pid_t pid = start_program(argv);
        // Up to 1.5 commands' time: some kills land mid-command, some after it finished.
        std::this_thread::sleep_for(std::chrono::microseconds(
            random() % static_cast<unsigned long long>(per_command_us + per_command_us / 2)));
        ::kill(pid, SIGKILL);
        const auto result = wait_program(pid);
        std::string integrity;
        const auto records = curation_records(project, integrity);
        ASSERT_EQ(integrity, "ok");
        if (result.signal == SIGKILL) {
            ++kills;
            ASSERT_TRUE(records == static_cast<std::int64_t>(done) ||
                        records == static_cast<std::int64_t>(done + 1))
                << records << " records after killing command " << done
                << ": a correction was lost or half-written";
            done = static_cast<std::size_t>(records); // the analyst reruns from the first missing
        } else {
            ASSERT_EQ(result.exit_code, 0) << script[done][0] << ": " << result.err;
            ASSERT_EQ(records, static_cast<std::int64_t>(done + 1));
            ++done;
        }
        if (done == script.size()) {
            EXPECT_EQ(snapshot_of(project), expected) << "after " << kills << " kills";
            ++scripts_finished;
            copy_project(base, project);
            done = 0;
        }
    }
    EXPECT_EQ(kills, wanted_kills);
    RecordProperty("scripts_finished", scripts_finished);

    // The rest of the script completes the work.
    for (; done < script.size(); ++done) {
        const auto result = run_step(script[done]);
        ASSERT_EQ(result.exit_code, 0) << script[done][0] << ": " << result.err;
    }
    EXPECT_EQ(snapshot_of(project), expected);
}

} // namespace
} // namespace dossier::testing
