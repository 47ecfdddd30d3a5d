// A sharded run (dossier plan, extract-shard, merge) makes the project a serial `dossier import`
// of the same inputs makes, row for row and id for id, for any number of shards; an incomplete
// run is refused, a killed merge leaves no project, and the shard index comes from an array job's
// environment.
#include "process.h"
#include "project_rows.h"
#include "test_support.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(DOSSIER_DATA_DIR) + "/samples";

std::string path_word(const fs::path& path) {
    return shell_quoted(path.string());
}

// `dossier ARGUMENTS` after `prefix` (such as "env VAR=1"), stderr merged into the output.
CommandResult run_cli_prefixed(const std::string& prefix, const std::string& arguments) {
    return run_shell(prefix + " " + path_word(DOSSIER_CLI) + " " + arguments);
}

fs::path serial_import(const TempDir& dir, const std::string& inputs) {
    const auto project = dir / "serial.dossier";
    const auto run = run_cli("import " + path_word(project) + " " + inputs +
                             " --exclude README.md --quiet --jobs 1");
    EXPECT_EQ(run.exit_code, 0) << run.out;
    return project;
}

fs::path planned(const TempDir& dir, const std::string& inputs, int shards) {
    const auto run_dir = dir / ("run" + std::to_string(shards));
    const auto run = run_cli("plan " + inputs + " --exclude README.md --shards " +
                             std::to_string(shards) + " -o " + path_word(run_dir));
    EXPECT_EQ(run.exit_code, 0) << run.out;
    return run_dir;
}

void extract_shard(const fs::path& run_dir, int index, int expected_exit = 0) {
    const auto run = run_cli("extract-shard " + path_word(run_dir / "plan.tsv") + " --shard " +
                             std::to_string(index) + " --jobs 2 --quiet");
    EXPECT_EQ(run.exit_code, expected_exit) << run.out;
}

// Plans, runs every shard and merges; returns the merged project.
fs::path sharded_run(const TempDir& dir, const std::string& inputs, int shards) {
    const auto run_dir = planned(dir, inputs, shards);
    for (int i = 0; i < shards; ++i)
        extract_shard(run_dir, i);
    const auto merged = dir / ("merged" + std::to_string(shards) + ".dossier");
    const auto run =
        run_cli("merge " + path_word(run_dir) + " -o " + path_word(merged) + " --quiet");
    EXPECT_EQ(run.exit_code, 0) << run.out;
    return merged;
}

// The planned files with their shards, in plan order.
std::vector<std::pair<int, std::string>> planned_files(const fs::path& run_dir) {
    std::istringstream lines(read_file(run_dir / "plan.tsv"));
    std::vector<std::pair<int, std::string>> files;
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line[0] != '#')
            files.emplace_back(std::stoi(line.substr(0, line.find('\t'))),
                               line.substr(line.rfind('\t') + 1));
    return files;
}

// The shard each planned file went to, in plan order.
std::vector<int> shards_of_rows(const fs::path& run_dir) {
    std::vector<int> shards;
    for (const auto& [shard, path] : planned_files(run_dir))
        shards.push_back(shard);
    return shards;
}

// `dossier ARGUMENTS` run with a prefix such as "env VAR=1" (stderr merged into the output).
CommandResult run_cli_with_environment(const std::string& environment,
                                       const std::string& arguments) {
    const bool has_env = environment.rfind("env ", 0) == 0;
    return run_cli_prefixed((has_env ? environment : "env " + environment), arguments);
}

} // namespace

TEST(ShardedRun, OneThreeAndSevenShardsOfTheSamplesMergeIntoTheSerialProject) {
    TempDir dir;
    const auto serial = project_rows(serial_import(dir, path_word(kSamples)));
    ASSERT_GT(serial.at("documents").size(), 5u);
    ASSERT_GT(serial.at("mentions").size(), 100u);
    ASSERT_GT(serial.at("relation_evidence").size(), 50u);
    for (int shards : {1, 3, 7}) {
        SCOPED_TRACE(std::to_string(shards) + " shards");
        const auto merged = sharded_run(dir, path_word(kSamples), shards);
        // Seven shards of ten files: every shard but none empty holds files.
        if (shards == 7) {
            const auto rows = shards_of_rows(dir / "run7");
            EXPECT_GE(std::set<int>(rows.begin(), rows.end()).size(), 3u);
        }
        expect_same_rows(serial, project_rows(merged));
    }
}

TEST(ShardedRun, ShardsOfTheFrusExcerptWithTheSamplesMergeIntoTheSerialProject) {
    DOSSIER_REQUIRE_SHARED_CORPUS("frus-1958-60v13-excerpt.xml");
    TempDir dir;
    // The samples and the excerpt in one run: persons named in one shard are resolved against
    // those of another, and relations span documents of different shards.
    const auto inputs =
        path_word(kSamples) + " " + path_word(shared_corpus("frus-1958-60v13-excerpt.xml"));
    const auto serial = project_rows(serial_import(dir, inputs));
    ASSERT_GT(serial.at("documents").size(), 25u);
    ASSERT_GT(serial.at("relations").size(), 100u);
    for (int shards : {1, 3, 7}) {
        SCOPED_TRACE(std::to_string(shards) + " shards");
        expect_same_rows(serial, project_rows(sharded_run(dir, inputs, shards)));
    }
}

TEST(ShardedRun, AFileInTwoShardsIsMergedOnceAsASerialImportSkipsTheCopy) {
    TempDir dir;
    const auto input = dir / "in";
    for (const auto& entry : fs::directory_iterator(kSamples))
        if (entry.path().extension() == ".txt")
            write_file(input / "a" / entry.path().filename(), read_file(entry.path()));
    // The copies sort last, into the last shard, with a new document after them.
    const auto memcon = read_file(input / "a" / "memcon-1980-05-12-vienna.txt");
    write_file(input / "z" / "copy-of-memcon.txt", memcon);
    auto changed = memcon;
    for (auto at = changed.find("Vienna"); at != std::string::npos; at = changed.find("Vienna"))
        changed.replace(at, 6, "Geneva");
    write_file(input / "z" / "zz-geneva.txt", changed);
    const auto serial = project_rows(serial_import(dir, path_word(input)));
    ASSERT_GT(serial.at("mentions").size(), 100u);
    const auto merged = sharded_run(dir, path_word(input), 3);
    const auto rows = shards_of_rows(dir / "run3");
    ASSERT_EQ(rows.size(), 8u);
    ASSERT_EQ(rows.back(), 2); // the copy and the new document share the last shard
    ASSERT_NE(rows.front(), 2);
    expect_same_rows(serial, project_rows(merged));
}

TEST(ShardedRun, MergeRefusesARunWithAMissingShardAndNamesIt) {
    TempDir dir;
    const auto run_dir = planned(dir, path_word(kSamples), 3);
    extract_shard(run_dir, 0);
    extract_shard(run_dir, 2);
    const auto missing = run_cli("plan --missing " + path_word(run_dir));
    EXPECT_EQ(missing.exit_code, 0) << missing.out;
    EXPECT_EQ(missing.out, "1\n");
    const auto merged = dir / "p.dossier";
    const auto run = run_cli("merge " + path_word(run_dir) + " -o " + path_word(merged));
    EXPECT_EQ(run.exit_code, 1) << run.out;
    EXPECT_NE(run.out.find("1 (missing)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("--allow-missing"), std::string::npos) << run.out;
    EXPECT_FALSE(fs::exists(merged));
    // Once the shard has run, nothing is missing and the merge goes through.
    extract_shard(run_dir, 1);
    const auto complete = run_cli("plan --missing " + path_word(run_dir));
    EXPECT_EQ(complete.exit_code, 0);
    EXPECT_EQ(complete.out, "");
    EXPECT_EQ(run_cli("merge " + path_word(run_dir) + " -o " + path_word(merged)).exit_code, 0);
    EXPECT_TRUE(fs::exists(merged));
}

TEST(ShardedRun, AllowMissingMergesTheShardsThereAreAndSaysWhichWereLeftOut) {
    TempDir dir;
    const auto run_dir = planned(dir, path_word(kSamples), 3);
    extract_shard(run_dir, 0);
    extract_shard(run_dir, 1);
    const auto merged = dir / "p.dossier";
    const auto run =
        run_cli("merge " + path_word(run_dir) + " -o " + path_word(merged) + " --allow-missing");
    EXPECT_EQ(run.exit_code, 2) << run.out; // done, with a part left out
    EXPECT_NE(run.out.find("LEFT OUT shard 2: missing"), std::string::npos) << run.out;
    // The documents of the files of shards 0 and 1, and those only.
    std::set<std::string> wanted, left_out;
    for (const auto& [shard, path] : planned_files(run_dir))
        (shard == 2 ? left_out : wanted).insert(path);
    ASSERT_FALSE(left_out.empty());
    std::set<std::string> found;
    const auto rows = project_rows(merged);
    for (const auto& row : rows.at("documents")) {
        const auto from = row.find('\t', row.find('\t') + 1) + 1; // id, sha256, source_path
        found.insert(row.substr(from, row.find('\t', from) - from));
    }
    EXPECT_EQ(found, wanted);
}

TEST(ShardedRun, AShardOfAnotherPlanCountsAsMissing) {
    TempDir dir;
    const auto run_dir = planned(dir, path_word(kSamples), 2);
    extract_shard(run_dir, 0);
    extract_shard(run_dir, 1);
    EXPECT_EQ(run_cli("plan --missing " + path_word(run_dir)).out, "");
    // Planned again into the same folder with another split: the old shard files do not fit.
    const auto again = run_cli("plan " + path_word(kSamples) + " --exclude README.md --shards 2 " +
                               "--exclude '*.csv' -o " + path_word(run_dir));
    ASSERT_EQ(again.exit_code, 0) << again.out;
    EXPECT_EQ(run_cli("plan --missing " + path_word(run_dir)).out, "0\n1\n");
    const auto run = run_cli("merge " + path_word(run_dir) + " -o " + path_word(dir / "p.dossier"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("made from another plan"), std::string::npos) << run.out;
}

namespace {

pid_t start_merge(const fs::path& run_dir, const fs::path& output) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null_fd = ::open("/dev/null", O_WRONLY);
        ::dup2(null_fd, STDOUT_FILENO);
        ::dup2(null_fd, STDERR_FILENO);
        ::execl(DOSSIER_CLI, "dossier", "merge", run_dir.c_str(), "-o", output.c_str(), "--jobs",
                "1", "--quiet", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

} // namespace

TEST(ShardedRun, AMergeKilledMidwayLeavesNoProject) {
    TempDir dir;
    const auto run_dir = planned(dir, path_word(kSamples), 7);
    for (int i = 0; i < 7; ++i)
        extract_shard(run_dir, i);
    const auto output = dir / "p.dossier";
    const auto partial = dir / ".p.dossier.partial";
    const auto serial = project_rows(serial_import(dir, path_word(kSamples)));
    // Killed at moments spread over the merge, from the temporary file's first appearance on.
    int killed_midway = 0;
    for (int delay_ms : {0, 2, 5, 10, 20, 40, 80}) {
        const pid_t pid = start_merge(run_dir, output);
        while (!fs::exists(partial) && !fs::exists(output)) {
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid)
                break;
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        const bool finished = fs::exists(output);
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (finished || fs::exists(output)) { // done before the kill: a whole project
            expect_same_rows(serial, project_rows(output));
            fs::remove(output);
            continue;
        }
        ++killed_midway;
        EXPECT_FALSE(fs::exists(output)) << "killed after " << delay_ms << " ms";
    }
    EXPECT_GT(killed_midway, 0);
    // What a killed merge left is cleared by the next one, which completes.
    const auto run =
        run_cli("merge " + path_word(run_dir) + " -o " + path_word(output) + " --quiet");
    EXPECT_EQ(run.exit_code, 0) << run.out;
    EXPECT_FALSE(fs::exists(partial));
    expect_same_rows(serial, project_rows(output));
}

namespace {

// Runs `dossier extract-shard PLAN` with only `variable` (if any) of the array-job variables set.
CommandResult extract_shard_with_environment(const fs::path& plan, const std::string& variable) {
    return run_cli_with_environment(
        "env -u SLURM_ARRAY_TASK_ID -u JOB_COMPLETION_INDEX -u AWS_BATCH_JOB_ARRAY_INDEX " +
            variable,
        "extract-shard " + path_word(plan) + " --quiet");
}

} // namespace

TEST(ShardedRun, TheShardIndexComesFromTheArrayJobEnvironment) {
    TempDir dir;
    const auto run_dir = planned(dir, path_word(kSamples), 3);
    const auto plan = run_dir / "plan.tsv";
    EXPECT_EQ(extract_shard_with_environment(plan, "SLURM_ARRAY_TASK_ID=0").exit_code, 0);
    EXPECT_EQ(extract_shard_with_environment(plan, "JOB_COMPLETION_INDEX=1").exit_code, 0);
    EXPECT_EQ(extract_shard_with_environment(plan, "AWS_BATCH_JOB_ARRAY_INDEX=2").exit_code, 0);
    EXPECT_EQ(run_cli("plan --missing " + path_word(run_dir)).out, "");

    const auto none = extract_shard_with_environment(plan, "");
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_NE(none.out.find("no shard index"), std::string::npos) << none.out;
    EXPECT_NE(none.out.find("SLURM_ARRAY_TASK_ID"), std::string::npos) << none.out;
    const auto beyond = extract_shard_with_environment(plan, "SLURM_ARRAY_TASK_ID=3");
    EXPECT_EQ(beyond.exit_code, 1);
    EXPECT_NE(beyond.out.find("shard 3 is out of range"), std::string::npos) << beyond.out;
    const auto garbage = extract_shard_with_environment(plan, "SLURM_ARRAY_TASK_ID=x1");
    EXPECT_EQ(garbage.exit_code, 1);
    EXPECT_NE(garbage.out.find("SLURM_ARRAY_TASK_ID='x1' is not a shard index"), std::string::npos)
        << garbage.out;
    // --shard wins over the environment.
    const auto chosen = run_cli_with_environment("SLURM_ARRAY_TASK_ID=7",
                                                 "extract-shard " + path_word(plan) + " --shard 1");
    EXPECT_EQ(chosen.exit_code, 0) << chosen.out;
    EXPECT_NE(chosen.out.find("shard 1:"), std::string::npos) << chosen.out;
}

TEST(ShardedRun, ABadPlanFileGivesAClearError) {
    TempDir dir;
    write_file(dir / "notes" / "plan.tsv", "some notes\n");
    auto run = run_cli("extract-shard " + path_word(dir / "notes" / "plan.tsv") + " --shard 0");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("not a Dossier plan"), std::string::npos) << run.out;

    run = run_cli("merge " + path_word(dir / "nowhere") + " -o " + path_word(dir / "p.dossier"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("cannot read the plan"), std::string::npos) << run.out;

    // A plan cut off (fewer rows than its header counts) or with a row that is not one.
    const auto run_dir = planned(dir, path_word(kSamples), 2);
    const auto text = read_file(run_dir / "plan.tsv");
    write_file(run_dir / "plan.tsv", text.substr(0, text.rfind('\n', text.size() - 2) + 1));
    run = run_cli("plan --missing " + path_word(run_dir));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("a cut-off or edited plan"), std::string::npos) << run.out;
    write_file(run_dir / "plan.tsv", text + "one\t12\tx.txt\n");
    run = run_cli("extract-shard " + path_word(run_dir) + " --shard 0");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("'one' is not a number"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("plan.tsv line"), std::string::npos) << run.out;
}

TEST(ShardedRun, AFileThatFailsInAShardIsNamedWithItsReasonAndTheMergeStillEqualsSerial) {
    TempDir dir;
    const auto input = dir / "in";
    for (const auto& entry : fs::directory_iterator(kSamples))
        if (entry.path().extension() == ".txt")
            write_file(input / entry.path().filename(), read_file(entry.path()));
    write_file(input / "broken.pdf", "%PDF-1.4 this is no PDF at all");
    const auto serial_project = dir / "serial.dossier";
    ASSERT_EQ(run_cli("import " + path_word(serial_project) + " " + path_word(input) + " --quiet")
                  .exit_code,
              2);
    const auto run_dir = dir / "run";
    ASSERT_EQ(
        run_cli("plan " + path_word(input) + " --shards 2 -o " + path_word(run_dir)).exit_code, 0);
    const auto rows = shards_of_rows(run_dir);
    const int broken_shard = rows.front(); // broken.pdf sorts first
    const auto shard =
        run_cli("extract-shard " + path_word(run_dir) + " --shard " + std::to_string(broken_shard));
    EXPECT_EQ(shard.exit_code, 2) << shard.out;
    EXPECT_NE(shard.out.find("FAILED " + (input / "broken.pdf").string() + ": "), std::string::npos)
        << shard.out;
    extract_shard(run_dir, 1 - broken_shard);
    const auto merged = dir / "merged.dossier";
    ASSERT_EQ(run_cli("merge " + path_word(run_dir) + " -o " + path_word(merged)).exit_code, 0);
    expect_same_rows(project_rows(serial_project), project_rows(merged));
}
