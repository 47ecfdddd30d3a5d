// `dossier import --jobs N` and `dossier extract --jobs N` leave exactly the project one job
// leaves: every row of documents, entities, aliases, mentions, relations and evidence equal.
#include "process.h"
#include "project_rows.h"
#include "test_support.h"

using namespace dossier::testing;

namespace {

const std::string kSamples = std::string(DOSSIER_DATA_DIR) + "/samples";

// Imports `inputs` into a new project with `jobs` workers; fails the test when the import does.
std::filesystem::path imported(const TempDir& dir, const std::string& inputs, int jobs,
                               const std::string& extra = "") {
    const auto project = dir / ("jobs" + std::to_string(jobs) + ".dossier");
    const auto run =
        run_cli("import " + shell_quoted(project.string()) + " " + inputs +
                " --exclude README.md --quiet --jobs " + std::to_string(jobs) + " " + extra);
    EXPECT_EQ(run.exit_code, 0) << run.out;
    return project;
}

} // namespace

TEST(ParallelImport, TwoAndThreeJobsImportAndExtractTheSamplesAsOneJobDoes) {
    TempDir dir;
    const auto serial = project_rows(imported(dir, shell_quoted(kSamples), 1));
    // The comparison means something: the samples give entities, mentions and relations.
    ASSERT_GT(serial.at("documents").size(), 5u);
    ASSERT_GT(serial.at("mentions").size(), 100u);
    ASSERT_GT(serial.at("relation_evidence").size(), 50u);
    expect_same_rows(serial, project_rows(imported(dir, shell_quoted(kSamples), 2)));
    expect_same_rows(serial, project_rows(imported(dir, shell_quoted(kSamples), 3)));
}

TEST(ParallelImport, TwoJobsExtractTheFrusExcerptAsOneJobDoes) {
    DOSSIER_REQUIRE_SHARED_CORPUS("frus-1958-60v13-excerpt.xml");
    TempDir dir;
    const auto frus = shell_quoted(shared_corpus("frus-1958-60v13-excerpt.xml").string());
    const auto serial = project_rows(imported(dir, frus, 1));
    ASSERT_GT(serial.at("documents").size(), 10u);
    ASSERT_GT(serial.at("relations").size(), 100u);
    expect_same_rows(serial, project_rows(imported(dir, frus, 2)));
}

TEST(ParallelImport, ReExtractionWithTwoJobsWritesWhatOneJobWrites) {
    TempDir dir;
    // One imported and extracted project, copied; each copy extracted again.
    const auto project = imported(dir, shell_quoted(kSamples), 1);
    const auto copy = dir / "copy.dossier";
    std::filesystem::copy_file(project, copy);
    for (const auto& [path, jobs] : {std::pair{project, 1}, std::pair{copy, 2}}) {
        const auto run =
            run_cli("extract " + shell_quoted(path.string()) + " --jobs " + std::to_string(jobs));
        ASSERT_EQ(run.exit_code, 0) << run.out;
    }
    const auto serial = project_rows(project);
    ASSERT_GT(serial.at("mentions").size(), 100u);
    expect_same_rows(serial, project_rows(copy));
}

TEST(ParallelImport, BatchedSmallFilesKeepEveryGoodFileBesideAFailingOne) {
    TempDir dir;
    for (int i = 0; i < 40; ++i)
        write_file(dir / "in" / ("cable-" + std::to_string(100 + i) + ".txt"),
                   "TELEGRAM " + std::to_string(i) +
                       "\nAmbassador Whitcomb met Minister Halasz.\n");
    write_file(dir / "in" / "cable-120-broken.pdf", "%PDF-1.4 this is no PDF at all");
    const auto project = dir / "p.dossier";
    const auto run = run_cli("import " + shell_quoted(project.string()) + " " +
                             shell_quoted((dir / "in").string()) + " --no-extract --jobs 2");
    EXPECT_EQ(run.exit_code, 2) << run.out; // some inputs failed, the rest went through
    EXPECT_NE(run.out.find("FAILED"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("cable-120-broken.pdf"), std::string::npos) << run.out;
    EXPECT_EQ(project_rows(project).at("documents").size(), 40u);
}
