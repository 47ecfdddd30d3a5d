// Project files that are not what they claim, through the real `dossier` binary: a truncated
// project, a file that is not SQLite, a project from a newer Dossier, a read-only project. Each
// gets exit code 1 and one line on stderr, and the file is left byte for byte as it was.
#include "child_process.h"
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "dossier/store/store_error.h"
#include "hostile_support.h"
#include "test_support.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace dossier::testing {
namespace {

constexpr int kNobody = 65534;

std::size_t line_count(const std::string& text) {
    std::size_t lines = 0;
    for (char c : text)
        lines += c == '\n';
    return lines + (!text.empty() && text.back() != '\n');
}

// A project with three imported documents, written through the CLI, checkpointed so the
// whole database is in the main file.
std::filesystem::path make_project(const TempDir& dir) {
    for (int i = 0; i < 3; ++i)
        write_file(dir / "corpus" / ("note-" + std::to_string(i) + ".txt"),
                   "NOTE " + std::to_string(i) + "\nThe consul reported on the harbour works.\n");
    const auto project = dir / "p.dossier";
    const auto result = run_program({DOSSIER_CLI, "import", project.string(),
                                     (dir / "corpus").string(), "--no-extract", "--quiet"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    {
        auto opened = store::Project::open(project);
        EXPECT_EQ(store::DocumentStore(opened).count(), 3u);
    }
    return project;
}

void expect_refused_untouched(const std::filesystem::path& project,
                              const std::vector<std::string>& argv, const std::string& reason_part,
                              int as_uid = -1) {
    const auto before = read_file(project);
    const auto result = run_program(argv, as_uid);
    EXPECT_TRUE(result.exited) << "killed by signal " << result.signal;
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(line_count(result.err), 1u) << result.err;
    EXPECT_EQ(result.err.rfind("dossier: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find(reason_part), std::string::npos) << result.err;
    EXPECT_EQ(read_file(project), before) << "the project file changed";
}

TEST(ProjectFileHostile, TruncatedProjectIsRefusedWithOneLineAndNotModified) {
    TempDir dir;
    const auto project = make_project(dir);
    const auto size = std::filesystem::file_size(project);
    std::filesystem::resize_file(project, size / 2);
    write_file(dir / "more.txt", "Another note.\n");
    // `info` reads; `import` would write: neither may make it worse.
    const auto info = run_program({DOSSIER_CLI, "info", project.string()});
    EXPECT_TRUE(info.exited);
    if (info.exit_code != 0) {
        EXPECT_EQ(info.exit_code, 1) << info.err;
        EXPECT_EQ(line_count(info.err), 1u) << info.err;
    }
    const auto before = read_file(project);
    const auto import = run_program(
        {DOSSIER_CLI, "import", project.string(), (dir / "more.txt").string(), "--no-extract"});
    EXPECT_TRUE(import.exited) << "killed by signal " << import.signal;
    EXPECT_NE(import.exit_code, 0)
        << "an import into a damaged project claimed success: " << import.out;
    EXPECT_GE(line_count(import.err), 1u);
    EXPECT_LE(line_count(import.err), 2u) << import.err;
    EXPECT_EQ(read_file(project), before) << "the damaged project was written to";
}

TEST(ProjectFileHostile, FileThatIsNotSqliteIsRefusedAndNotModified) {
    TempDir dir;
    const auto project = dir / "notes.dossier";
    write_file(project, "These are my notes, not a database.\n");
    expect_refused_untouched(project, {DOSSIER_CLI, "info", project.string()},
                             "not a Dossier project");
    write_file(dir / "a.txt", "A note.\n");
    expect_refused_untouched(
        project,
        {DOSSIER_CLI, "import", project.string(), (dir / "a.txt").string(), "--no-extract"},
        "not a Dossier project");
}

TEST(ProjectFileHostile, ProjectFromNewerSchemaIsRefusedWithAnUpgradeHintAndNotModified) {
    TempDir dir;
    const auto project = make_project(dir);
    const auto newer = std::to_string(store::Project::current_schema_version() + 1);
    const auto set =
        run_program({"/usr/bin/sqlite3", project.string(), "PRAGMA user_version = " + newer});
    ASSERT_EQ(set.exit_code, 0) << set.err;
    expect_refused_untouched(project, {DOSSIER_CLI, "info", project.string()}, "newer Dossier");
    write_file(dir / "b.txt", "Another note.\n");
    expect_refused_untouched(
        project,
        {DOSSIER_CLI, "import", project.string(), (dir / "b.txt").string(), "--no-extract"},
        "newer Dossier");
}

TEST(ProjectFileHostile, ReadOnlyProjectOpensForReadingAndRefusesWrites) {
    TempDir dir;
    const auto project = make_project(dir);
    std::filesystem::permissions(project, std::filesystem::perms::owner_read |
                                              std::filesystem::perms::group_read |
                                              std::filesystem::perms::others_read);
    // Root writes through file modes, so as root the CLI runs as nobody (who can read the file
    // and the folder but write neither).
    std::filesystem::permissions(
        dir.path(), std::filesystem::perms::others_read | std::filesystem::perms::others_exec,
        std::filesystem::perm_options::add);
    const auto info = run_program({DOSSIER_CLI, "info", project.string()}, kNobody);
    EXPECT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find('3'), std::string::npos) << info.out;
    write_file(dir / "c.txt", "Another note.\n");
    std::filesystem::permissions(dir / "c.txt", std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    expect_refused_untouched(
        project,
        {DOSSIER_CLI, "import", project.string(), (dir / "c.txt").string(), "--no-extract"},
        "read-only", kNobody);
}

// A fourth document committed by a process that died before it merged its WAL into the project
// file (it never closed the project), then the folder made read-only for the reader.
std::filesystem::path make_project_with_leftover_wal(const TempDir& dir) {
    const auto project = make_project(dir);
    const auto child = run_in_child([&]() -> std::string {
        auto opened = store::Project::open(project);
        store::Transaction transaction(opened);
        Document document;
        document.sha256 = "leftover-wal-document";
        document.source_path = (dir / "late.txt").string();
        document.format = "text";
        document.title = "Late note";
        document.text = "Committed, but only in the WAL.\n";
        store::DocumentStore(opened).insert(document, document.text.size());
        transaction.commit();
        ::_exit(0); // no destructor runs: the connection never checkpoints or removes its WAL
    });
    EXPECT_EQ(child.exit_code, 0) << child.err;
    EXPECT_GT(std::filesystem::file_size(project.string() + "-wal"), 0u);
    for (const auto& file :
         {project.string(), project.string() + "-wal", project.string() + "-shm"})
        if (std::filesystem::exists(file))
            std::filesystem::permissions(file, std::filesystem::perms::others_read,
                                         std::filesystem::perm_options::add);
    std::filesystem::permissions(
        dir.path(), std::filesystem::perms::others_read | std::filesystem::perms::others_exec,
        std::filesystem::perm_options::add);
    return project;
}

TEST(ProjectFileHostile, ReadOnlyFolderWithALeftoverWalAndIndexShowsTheCommittedWork) {
    if (::geteuid() != 0)
        GTEST_SKIP() << "needs root to read the project as another user who may not write it";
    TempDir dir;
    const auto project = make_project_with_leftover_wal(dir);
    ASSERT_TRUE(std::filesystem::exists(project.string() + "-shm"));
    const auto before = read_file(project);
    const auto info = run_program({DOSSIER_CLI, "info", project.string()}, kNobody);
    EXPECT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("documents:         4"), std::string::npos)
        << "the document committed in the WAL is missing:\n"
        << info.out;
    EXPECT_EQ(read_file(project), before);
}

TEST(ProjectFileHostile, ReadOnlyFolderWithALeftoverWalButNoIndexIsRefusedNotShownStale) {
    if (::geteuid() != 0)
        GTEST_SKIP() << "needs root to read the project as another user who may not write it";
    TempDir dir;
    const auto project = make_project_with_leftover_wal(dir);
    // Without its -shm index SQLite cannot read the WAL read-only, and an immutable snapshot of the
    // project file alone would show 3 documents as if the fourth had never been committed.
    std::filesystem::remove(project.string() + "-shm");
    expect_refused_untouched(project, {DOSSIER_CLI, "info", project.string()}, "-wal", kNobody);
    EXPECT_GT(std::filesystem::file_size(project.string() + "-wal"), 0u) << "the WAL was lost";
    // Opened once where it can be written, the committed document is there.
    auto opened = store::Project::open(project);
    EXPECT_EQ(store::DocumentStore(opened).count(), 4u);
    EXPECT_EQ(opened.integrity_check(), "ok");
}

TEST(ProjectFileHostile, ProjectOpenedReadOnlyRefusesATransactionWithAReadOnlyError) {
    TempDir dir;
    const auto path = make_project(dir);
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    EXPECT_TRUE(project.read_only());
    try {
        store::Transaction transaction(project);
        FAIL() << "a transaction started on a read-only project";
    } catch (const store::StoreError& e) {
        EXPECT_EQ(e.kind(), store::StoreError::Kind::ReadOnly);
        EXPECT_TRUE(is_one_line(e.what()));
    }
    EXPECT_EQ(store::DocumentStore(project).count(), 3u);
    EXPECT_EQ(project.integrity_check(), "ok");
}

} // namespace
} // namespace dossier::testing
