// Golden output of `dossier documents` / `dossier document` on a project made from the fixtures.
// Regenerate after an intended change with DOSSIER_UPDATE_GOLDEN=1 and review the diff.
#include "golden.h"
#include "process.h"
#include "test_support.h"

using dossier::testing::expect_golden;
using dossier::testing::fixture;
using dossier::testing::run_cli;
using dossier::testing::Stderr;
using dossier::testing::TempDir;

namespace {

// Relative paths keep the stored source paths (and so the output) independent of the checkout.
void make_fixture_project(const TempDir& dir) {
    const auto run =
        run_cli("import '" + (dir / "p.dossier").string() +
                    "' cable_utf8.txt note_cp1252.txt memo.html volume_frus.xml documents.csv "
                    "--no-extract --quiet",
                {Stderr::Apart, fixture("import")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
}

} // namespace

TEST(DocumentsCli, TableMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run =
        run_cli("documents '" + (dir / "p.dossier").string() + "'", {Stderr::Apart, dir.path()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(fixture("import/golden/documents.txt"), run.out);
}

TEST(DocumentsCli, JsonMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run = run_cli("documents '" + (dir / "p.dossier").string() + "' --json",
                             {Stderr::Apart, dir.path()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(fixture("import/golden/documents.json"), run.out);
}

TEST(DocumentsCli, OneTeiDocumentWithItsTextMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    // Ids follow import order: cable 1, note 2, memo 3, volume d1 4, d2 5, csv rows 6-8.
    const auto run =
        run_cli("document '" + (dir / "p.dossier").string() + "' 4", {Stderr::Apart, dir.path()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(fixture("import/golden/document_4.txt"), run.out);
}

TEST(DocumentsCli, OneDocumentAsJsonMatchesGolden) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run = run_cli("document '" + (dir / "p.dossier").string() + "' 6 --json",
                             {Stderr::Apart, dir.path()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_golden(fixture("import/golden/document_6.json"), run.out);
}

TEST(DocumentsCli, UnknownDocumentIsAOneLineErrorAndExitOne) {
    TempDir dir;
    make_fixture_project(dir);
    const auto run =
        run_cli("document '" + (dir / "p.dossier").string() + "' 99", {Stderr::Apart, dir.path()});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err,
              "dossier: document 99 : no such document in " + (dir / "p.dossier").string() + "\n");
}
