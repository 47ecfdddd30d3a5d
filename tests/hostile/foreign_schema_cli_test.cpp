// A project file from someone else with a planted trigger, through the real `dossier` binary: the
// import is refused naming the trigger and deletes nothing; `dossier repair` shows it, `dossier
// repair --strip-foreign` removes it, and the next import goes through.
#include "child_process.h"
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "hostile_support.h"
#include "test_support.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace dossier::testing {
namespace {

std::filesystem::path write_notes(const std::filesystem::path& folder, const std::string& stem,
                                  int count) {
    for (int i = 0; i < count; ++i)
        write_file(folder / (stem + "-" + std::to_string(i) + ".txt"),
                   "NOTE " + stem + " " + std::to_string(i) + "\nThe consul reported.\n");
    return folder;
}

std::size_t documents_in(const std::filesystem::path& project) {
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    return store::DocumentStore(opened).count();
}

TEST(ForeignSchemaCli, PlantedTriggerIsRefusedThenStrippedAfterALook) {
    TempDir dir;
    const auto project = dir / "received.dossier";
    const auto first = write_notes(dir / "first", "first", 14);
    ASSERT_EQ(run_program({DOSSIER_CLI, "import", project.string(), first.string(), "--no-extract",
                           "--quiet"})
                  .exit_code,
              0);
    const auto planted = run_program(
        {"/usr/bin/sqlite3", project.string(),
         "CREATE TRIGGER t AFTER INSERT ON documents BEGIN DELETE FROM documents WHERE id <> "
         "NEW.id; END"});
    ASSERT_EQ(planted.exit_code, 0) << planted.err;

    const auto more = write_notes(dir / "more", "more", 2);
    const auto refused = run_program(
        {DOSSIER_CLI, "import", project.string(), more.string(), "--no-extract", "--quiet"});
    ASSERT_TRUE(refused.exited) << "killed by signal " << refused.signal;
    EXPECT_EQ(refused.exit_code, 1) << refused.err;
    EXPECT_NE(refused.err.find("foreign trigger t"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("dossier repair"), std::string::npos) << refused.err;
    EXPECT_TRUE(is_one_line(refused.err.substr(0, refused.err.find_last_not_of('\n') + 1)));

    const auto look = run_program({DOSSIER_CLI, "repair", project.string()});
    EXPECT_EQ(look.exit_code, 1) << look.err;
    EXPECT_NE(look.out.find("foreign trigger t"), std::string::npos) << look.out;
    EXPECT_NE(look.out.find("DELETE FROM documents"), std::string::npos) << look.out;

    const auto strip = run_program({DOSSIER_CLI, "repair", project.string(), "--strip-foreign"});
    EXPECT_EQ(strip.exit_code, 0) << strip.err;
    EXPECT_NE(strip.out.find("dropped foreign trigger t"), std::string::npos) << strip.out;
    EXPECT_EQ(run_program({DOSSIER_CLI, "repair", project.string()}).exit_code, 0);

    const auto imported = run_program(
        {DOSSIER_CLI, "import", project.string(), more.string(), "--no-extract", "--quiet"});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_EQ(documents_in(project), 16u);
    EXPECT_EQ(integrity_of(project), "ok");
}

TEST(ForeignSchemaCli, ForeignViewAndIndexAreRefusedByEveryCommandThatOpensTheProject) {
    TempDir dir;
    const auto project = dir / "received.dossier";
    const auto notes = write_notes(dir / "notes", "note", 2);
    ASSERT_EQ(run_program({DOSSIER_CLI, "import", project.string(), notes.string(), "--no-extract",
                           "--quiet"})
                  .exit_code,
              0);
    for (const std::string sql :
         {"CREATE VIEW v AS SELECT text FROM documents", "CREATE INDEX i ON documents(title)"}) {
        SCOPED_TRACE(sql);
        const auto& name =
            sql.find("VIEW") != std::string::npos ? "foreign view v" : "foreign index i";
        ASSERT_EQ(run_program({"/usr/bin/sqlite3", project.string(), sql}).exit_code, 0);
        const auto before = read_file(project);
        for (const char* command : {"info", "extract"}) {
            const auto result = run_program({DOSSIER_CLI, command, project.string()});
            EXPECT_EQ(result.exit_code, 1) << command << ": " << result.err;
            EXPECT_NE(result.err.find(name), std::string::npos) << command << ": " << result.err;
        }
        EXPECT_EQ(read_file(project), before);
        EXPECT_EQ(
            run_program({DOSSIER_CLI, "repair", project.string(), "--strip-foreign"}).exit_code, 0);
    }
    EXPECT_EQ(documents_in(project), 2u);
}

} // namespace
} // namespace dossier::testing
