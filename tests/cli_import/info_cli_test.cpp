// `dossier info` says which documents no extraction has read yet (schema v4's extraction_pending)
// and how to finish, against golden output; the lines go once an extraction has read them.
#include "golden.h"
#include "process.h"
#include "test_support.h"

using dossier::testing::expect_golden;
using dossier::testing::fixture;
using dossier::testing::run_cli;
using dossier::testing::Stderr;
using dossier::testing::TempDir;

namespace {

// The project is named relatively and made in the test's folder, so the output holds no
// checkout path.
dossier::testing::CommandResult import_into_project(const TempDir& dir, const std::string& files,
                                                    bool extract) {
    return run_cli("import '" + (dir / "p.dossier").string() + "' " + files +
                       (extract ? " --quiet" : " --no-extract --quiet"),
                   {Stderr::Apart, fixture("import")});
}

dossier::testing::CommandResult info(const TempDir& dir) {
    return run_cli("info p.dossier", {Stderr::Apart, dir.path()});
}

} // namespace

TEST(InfoCli, DocumentsImportedWithoutExtractionAreCountedWithTheCommandThatReadsThem) {
    TempDir dir;
    ASSERT_EQ(import_into_project(dir, "cable_utf8.txt memo.html", false).exit_code, 0);
    const auto before = info(dir);
    EXPECT_EQ(before.exit_code, 0) << before.err;
    expect_golden(fixture("import/golden/info_not_extracted.txt"), before.out);

    const auto extract = run_cli("extract p.dossier", {Stderr::Apart, dir.path()});
    ASSERT_EQ(extract.exit_code, 0) << extract.err;
    const auto after = info(dir);
    EXPECT_EQ(after.out.find("not extracted"), std::string::npos) << after.out;
    EXPECT_EQ(after.out.find("dossier extract"), std::string::npos) << after.out;
}

TEST(InfoCli, AnImportThatExtractsLeavesEarlierUnextractedDocumentsCounted) {
    TempDir dir;
    ASSERT_EQ(import_into_project(dir, "cable_utf8.txt", false).exit_code, 0);
    // This import reads only its own new document: the earlier one is still not extracted.
    ASSERT_EQ(import_into_project(dir, "memo.html", true).exit_code, 0);
    const auto run = info(dir);
    EXPECT_NE(run.out.find("not extracted:     1 document (imported with --no-extract"),
              std::string::npos)
        << run.out;
    EXPECT_EQ(run.out.find("incomplete"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("to finish it, run: dossier extract p.dossier"), std::string::npos)
        << run.out;

    const auto json = run_cli("info p.dossier --json", {Stderr::Apart, dir.path()});
    EXPECT_NE(json.out.find("\"documents_not_extracted\": 1"), std::string::npos) << json.out;
}
