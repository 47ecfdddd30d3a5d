// Golden output of `dossier documents` / `dossier document` on a project made from the fixtures.
// Regenerate after an intended change with DOSSIER_UPDATE_GOLDEN=1 and review the diff.
#include "cli_runner.h"

using dossier::testing::expect_golden;
using dossier::testing::fixture;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// Relative paths keep the stored source paths (and so the output) independent of the checkout.
void make_fixture_project(const TempDir& dir) {
    const auto run =
        run_dossier("import '" + (dir / "p.dossier").string() +
                        "' cable_utf8.txt note_cp1252.txt memo.html volume_frus.xml documents.csv "
                        "--no-extract --quiet",
                    fixture("import"), dir.path());
    ASSERT_EQ(run.exit_code, 0) << run.err;
}

} // namespace

TEST(DocumentsCli, TableMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run =
        run_dossier("documents '" + (dir / "p.dossier").string() + "'", dir.path(), dir.path());
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(run.out, "documents.txt");
}

TEST(DocumentsCli, JsonMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run = run_dossier("documents '" + (dir / "p.dossier").string() + "' --json",
                                 dir.path(), dir.path());
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(run.out, "documents.json");
}

TEST(DocumentsCli, OneTeiDocumentWithItsTextMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    // Ids follow import order: cable 1, note 2, memo 3, volume d1 4, d2 5, csv rows 6-8.
    const auto run =
        run_dossier("document '" + (dir / "p.dossier").string() + "' 4", dir.path(), dir.path());
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(run.out, "document_4.txt");
}

TEST(DocumentsCli, OneDocumentAsJsonMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run = run_dossier("document '" + (dir / "p.dossier").string() + "' 6 --json",
                                 dir.path(), dir.path());
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(run.out, "document_6.json");
}

TEST(DocumentsCli, UnknownDocumentIsAOneLineErrorAndExitOne) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run =
        run_dossier("document '" + (dir / "p.dossier").string() + "' 99", dir.path(), dir.path());
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err,
              "dossier: document 99 : no such document in " + (dir / "p.dossier").string() + "\n");
}
