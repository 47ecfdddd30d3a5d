// A correction that cannot be written because the disk is full: `dossier note` with a 100 KiB
// note on a project that may not grow (RLIMIT_FSIZE, so writes fail with EFBIG) and on a real
// full tmpfs (ENOSPC, root only). One clear line, no signal, the project still valid with every
// earlier correction, and the same command succeeds once there is space again.
#include "child_process.h"
#include "fault_project.h"
#include "hostile_support.h"
#include "small_tmpfs.h"
#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/statvfs.h>

namespace dossier::testing {
namespace {

ProcessResult run_dossier(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{DOSSIER_CLI};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return run_program(argv);
}

// A project with documents, extraction and two corrections, closed cleanly (no WAL left).
void make_curated_project(const std::filesystem::path& dir, const std::filesystem::path& project) {
    write_cables(dir / "corpus", 30, 5);
    ASSERT_EQ(
        run_dossier({"import", "--quiet", project.string(), (dir / "corpus").string()}).exit_code,
        0);
    ASSERT_EQ(
        run_dossier({"merge", project.string(), "Carl Lindqvist", "Karl Lindqvist"}).exit_code, 0);
    ASSERT_EQ(run_dossier({"note", project.string(), "--entity", "Sweden", "short"}).exit_code, 0);
}

// Under the kernel's 128 KiB limit for one argument, and many pages once stored.
std::vector<std::string> big_note(const std::filesystem::path& project) {
    return {"note", project.string(), "--entity", "Poland", std::string(100 * 1024, 'n')};
}

void expect_clear_failure(const std::string& err, int exit_code, int signal) {
    EXPECT_EQ(signal, 0) << "the correction died of a signal: " << err;
    EXPECT_EQ(exit_code, 1) << err;
    EXPECT_TRUE(err.starts_with("dossier: ")) << err;
    EXPECT_TRUE(is_one_line(err.substr(0, err.size() - (err.ends_with('\n') ? 1 : 0)))) << err;
    EXPECT_EQ(err.find("locked"), std::string::npos) << err;
}

void expect_valid_with_records(const std::filesystem::path& project, std::size_t records) {
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(opened.integrity_check(), "ok");
    EXPECT_EQ(store::CurationStore(opened).records().size(), records);
}

TEST(Faults, CorrectionOnADiskThatCannotGrowGivesOneClearLineAndKeepsEarlierCorrections) {
    TempDir dir;
    const auto project = dir / "p.dossier";
    make_curated_project(dir.path(), project);
    expect_valid_with_records(project, 2);

    // Any file may grow to 64 KiB at most: the WAL cannot take the note's pages.
    const auto result = run_in_child(
        [&]() -> std::string {
            const auto outcome = run_dossier(big_note(project));
            return std::to_string(outcome.exit_code) + "|" + std::to_string(outcome.signal) + "|" +
                   outcome.err;
        },
        64 * 1024);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto first_bar = result.out.find('|');
    const auto second_bar = result.out.find('|', first_bar + 1);
    const auto err = result.out.substr(second_bar + 1);
    expect_clear_failure(err, std::stoi(result.out.substr(0, first_bar)),
                         std::stoi(result.out.substr(first_bar + 1, second_bar - first_bar - 1)));
    RecordProperty("cannot_grow_stderr", err.substr(0, err.find('\n')));
    expect_valid_with_records(project, 2);

    const auto retry = run_dossier(big_note(project));
    EXPECT_EQ(retry.exit_code, 0) << retry.err;
    expect_valid_with_records(project, 3);
}

TEST(Faults, CorrectionOnAFullTmpfsGivesOneDiskFullLineAndKeepsEarlierCorrections) {
    TempDir dir;
    SmallTmpfs tmpfs(dir / "small", "8m");
    if (!tmpfs.mounted())
        GTEST_SKIP() << "cannot mount a tmpfs here (needs root); the RLIMIT_FSIZE test covers "
                        "write failures";
    const auto project = dir / "small" / "p.dossier";
    make_curated_project(dir.path(), project);

    // Fill the file system but for 32 KiB: room to open the project, not for the note.
    struct statvfs fs {};
    ASSERT_EQ(::statvfs((dir / "small").c_str(), &fs), 0);
    const auto free_bytes = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    ASSERT_GT(free_bytes, 64u * 1024) << "the project did not leave room to fill";
    {
        std::ofstream filler(dir / "small" / "filler", std::ios::binary);
        const std::string block(4096, 'f');
        for (std::uint64_t written = 0; written + 32 * 1024 < free_bytes; written += block.size())
            filler << block;
    }

    const auto result = run_dossier(big_note(project));
    expect_clear_failure(result.err, result.exit_code, result.signal);
    EXPECT_NE(result.err.find("full"), std::string::npos) << result.err;
    RecordProperty("tmpfs_full_stderr", result.err.substr(0, result.err.find('\n')));
    expect_valid_with_records(project, 2);

    std::filesystem::remove(dir / "small" / "filler");
    const auto retry = run_dossier(big_note(project));
    EXPECT_EQ(retry.exit_code, 0) << retry.err;
    expect_valid_with_records(project, 3);
}

} // namespace
} // namespace dossier::testing
