#include "dossier/store/document_store.h"
#include "process.h"
#include "test_support.h"

using namespace dossier;
using dossier::testing::fixture;
using dossier::testing::run_cli;
using dossier::testing::Stderr;
using dossier::testing::TempDir;

namespace {
const std::filesystem::path kImportFixtures = fixture("import");
}

TEST(ImportCli, EverythingImportedExitsZeroWithASummary) {
    TempDir dir;
    const auto project = (dir / "p.dossier").string();
    const auto run =
        run_cli("import " + project + " cable_utf8.txt memo.html volume_frus.xml --no-extract",
                {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "imported 4, skipped 0 (already present), failed 0\n");
    EXPECT_EQ(run.err, "");
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(store::DocumentStore(opened).count(), 4u);
}

TEST(ImportCli, SecondRunSkipsWhatIsAlreadyPresent) {
    TempDir dir;
    const auto project = (dir / "p.dossier").string();
    run_cli("import " + project + " volume_frus.xml documents.csv --no-extract",
            {Stderr::Apart, kImportFixtures});
    const auto again = run_cli("import " + project + " volume_frus.xml documents.csv --no-extract",
                               {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, "imported 0, skipped 5 (already present), failed 0\n");
}

TEST(ImportCli, SomeBadInputsExitTwoAndNameEachFailure) {
    TempDir dir;
    const auto project = (dir / "p.dossier").string();
    const auto run = run_cli(
        "import " + project + " cable_utf8.txt broken/corrupt.pdf broken/ragged.csv --no-extract",
        {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "imported 1, skipped 0 (already present), failed 2\n");
    EXPECT_EQ(run.err, "FAILED broken/corrupt.pdf: corrupt PDF\n"
                       "FAILED broken/ragged.csv: CSV line 3: 4 fields where the header has 3\n");
}

TEST(ImportCli, OnlyBadInputsExitOne) {
    TempDir dir;
    const auto run =
        run_cli("import " + (dir / "p.dossier").string() + " broken/malformed.xml --no-extract",
                {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("FAILED broken/malformed.xml: malformed XML"), std::string::npos)
        << run.err;
}

TEST(ImportCli, SizeLimitIsConfigurable) {
    TempDir dir;
    const auto run = run_cli("import " + (dir / "p.dossier").string() +
                                 " cable_utf8.txt volume_frus.xml --max-size 2KiB --no-extract",
                             {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "imported 1, skipped 0 (already present), failed 1\n");
    EXPECT_NE(run.err.find("FAILED volume_frus.xml: file is "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("over the size limit of 2.0 KiB"), std::string::npos) << run.err;
}

TEST(ImportCli, BadArgumentsAndUnwritableProjectExitOne) {
    TempDir dir;
    const auto project = (dir / "p.dossier").string();
    EXPECT_EQ(run_cli("import " + project + " cable_utf8.txt --format docx",
                      {Stderr::Apart, kImportFixtures})
                  .exit_code,
              1);
    const auto bad_size = run_cli("import " + project + " cable_utf8.txt --max-size lots",
                                  {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(bad_size.exit_code, 1);
    EXPECT_EQ(bad_size.err,
              "dossier: --max-size 'lots' : expected a size such as 512MiB, 20M or 100000\n");
    const auto no_folder = run_cli("import " + (dir / "missing/folder/p.dossier").string() +
                                       " cable_utf8.txt --no-extract",
                                   {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(no_folder.exit_code, 1);
    EXPECT_EQ(no_folder.err.rfind("dossier: ", 0), 0u) << no_folder.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST(ImportCli, FormatOverrideAndFolderGlobs) {
    TempDir dir;
    const auto project = (dir / "p.dossier").string();
    const auto run =
        run_cli("import " + project +
                    " . --include '*.xml' --exclude broken --exclude 'generic*' --no-extract",
                {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(
        run.out,
        "imported 2, skipped 0 (already present), failed 0\n"); // volume_frus.xml's two documents
}

TEST(ImportCli, HelpIsAvailable) {
    TempDir dir;
    const auto run = run_cli("import --help", {Stderr::Apart, kImportFixtures});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("--max-size"), std::string::npos);
    EXPECT_NE(run.out.find("--no-extract"), std::string::npos);
}
