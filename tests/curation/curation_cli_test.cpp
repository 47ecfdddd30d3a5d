// The curation commands through the real `dossier` binary: exit codes, one-line errors, the log
// against a golden file (tests/curation/golden/, creation times masked), replay reported by
// `dossier extract`, export/import between two projects, and `dossier together`.
#include "process.h"
#include "test_support.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sys/wait.h>

namespace {

using dossier::testing::TempDir;

using dossier::testing::CommandResult;
using dossier::testing::run_cli;

const std::string kRuskMemo =
    "MEMORANDUM OF CONVERSATION\n\nSUBJECT: Grain deliveries to Poland\n\n"
    "Ambassador Karl Lindqvist met Secretary of State Dean Rusk. Lindqvist said that Sweden "
    "supports the grain deliveries to Poland. Rusk replied that the United States would consult "
    "France.\n";
const std::string kUndenTelegram =
    "Foreign Minister Osten Unden told the Swedish parliament that Ambassador Carl Lindqvist had "
    "reported on the talks with Rusk. Unden said the Swedish position on Poland is unchanged.\n";

std::string q(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

class CurationCli : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path project = dir / "cli.dossier";

    void SetUp() override {
        dossier::testing::write_file(dir / "in" / "a-memo-rusk.txt", kRuskMemo);
        dossier::testing::write_file(dir / "in" / "b-telegram-unden.txt", kUndenTelegram);
        const auto imported =
            run_cli("import --quiet " + q(project) + " " + q(dir / "in" / "a-memo-rusk.txt") + " " +
                    q(dir / "in" / "b-telegram-unden.txt"));
        ASSERT_EQ(imported.exit_code, 0) << imported.out;
    }

    CommandResult curate(const std::string& command, const std::string& rest) {
        return run_cli(command + " " + q(project) + " " + rest);
    }
};

std::string masked_times(std::string text) {
    static const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
    return std::regex_replace(text, iso, "{CREATED}");
}

} // namespace

TEST_F(CurationCli, OperationsAreLoggedAndTheLogMatchesTheGoldenFile) {
    auto r = curate("merge", "'Carl Lindqvist' 'Karl Lindqvist' --author tester");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out, "#1 merge 'Carl Lindqvist' (person) into 'Karl Lindqvist' (person)\n");
    r = curate("reject", "Poland --author tester");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    r = curate("rename", "'Dean Rusk' 'David Dean Rusk' --author tester");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    r = curate("relate", "'David Dean Rusk' France --type consults --note 'he says so' "
                         "--document 1 --span 193:250 --author tester");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    r = curate("note", "--entity Sweden 'check the archive' --author tester");
    ASSERT_EQ(r.exit_code, 0) << r.out;

    r = curate("curation", "");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(masked_times(r.out),
              dossier::testing::read_file(std::filesystem::path(DOSSIER_TESTS_DIR) / "golden" /
                                          "curation_log.txt"));
}

TEST_F(CurationCli, UnknownNamesGetCloseMatchesAndExitOne) {
    const auto r = curate("merge", "Lindqvst 'Karl Lindqvist'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out.rfind("dossier: no entity named 'Lindqvst'; did you mean: ", 0), 0u) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
    EXPECT_EQ(curate("curation", "--json").out, "[]\n");
}

TEST_F(CurationCli, BadArgumentsAreOneLineErrors) {
    auto r = curate("relate", "Sweden Poland --type supports --document 1 --span 20:10");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "dossier: --span 20:10 : END must be after START\n");
    r = curate("retype", "Sweden planet");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("unknown type"), std::string::npos);
    r = curate("split", "Sweden");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "dossier: split needs --alias or --mention\n");
    r = curate("undo", "");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "dossier: nothing to undo\n");
}

TEST_F(CurationCli, ExtractReplaysTheCorrectionsAndSaysSo) {
    ASSERT_EQ(curate("merge", "'Carl Lindqvist' 'Karl Lindqvist'").exit_code, 0);
    ASSERT_EQ(curate("reject", "Poland").exit_code, 0);
    const auto r = curate("extract", "");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("2 corrections replayed, 0 no longer apply"), std::string::npos) << r.out;
    const auto entities = nlohmann::json::parse(curate("entities", "--json").out);
    for (const auto& e : entities) {
        EXPECT_NE(e["name"], "Carl Lindqvist");
        EXPECT_NE(e["name"], "Poland"); // rejected entities leave the list
    }
}

TEST_F(CurationCli, UndoTakesBackTheLastCorrectionAndRedoReappliesIt) {
    ASSERT_EQ(curate("rename", "Sweden 'Kingdom of Sweden'").exit_code, 0);
    auto r = curate("undo", "");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out, "undone #1 rename 'Sweden' (country) to 'Kingdom of Sweden'\n");
    r = curate("undo", "1");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "dossier: record 1 is undone already\n");
    auto log = nlohmann::json::parse(curate("curation", "--json").out);
    EXPECT_EQ(log[0]["status"], "undone");
    r = curate("redo", "1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    log = nlohmann::json::parse(curate("curation", "--json").out);
    EXPECT_EQ(log[0]["status"], "applied");
    EXPECT_EQ(log[0]["payload"]["entity"]["name"], "Sweden");
    EXPECT_EQ(log[0]["before"]["name"], "Sweden");
}

TEST_F(CurationCli, ExportAndImportMoveCorrectionsAndReportWhatNoLongerApplies) {
    ASSERT_EQ(curate("merge", "'Carl Lindqvist' 'Karl Lindqvist'").exit_code, 0);
    ASSERT_EQ(curate("rename", "Sweden 'Kingdom of Sweden'").exit_code, 0);
    const auto file = dir / "corrections.json";
    auto r = run_cli("curation export " + q(project) + " " + q(file));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out, "exported 2 records to " + file.string() + "\n");

    // The other project has only the memo: Carl Lindqvist is not in it.
    const auto other = dir / "other.dossier";
    ASSERT_EQ(
        run_cli("import --quiet " + q(other) + " " + q(dir / "in" / "a-memo-rusk.txt")).exit_code,
        0);
    r = run_cli("curation import " + q(other) + " " + q(file));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("2 records imported\n1 correction replayed, 1 no longer applies: #1 "
                         "merge: entity 'Carl Lindqvist' (person) no longer found"),
              std::string::npos)
        << r.out;
    const auto log = nlohmann::json::parse(run_cli("curation " + q(other) + " --json").out);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0]["status"], "stale");
    EXPECT_EQ(log[1]["status"], "applied");

    dossier::testing::write_file(dir / "not-curation.json", "{\"records\": []}");
    r = run_cli("curation import " + q(other) + " " + q(dir / "not-curation.json"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out.rfind("dossier: not a Dossier curation file", 0), 0u) << r.out;
}

TEST_F(CurationCli, TogetherListsTheSentencesThatMentionBoth) {
    auto r = curate("together", "'Karl Lindqvist' 'Dean Rusk' --json");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto out = nlohmann::json::parse(r.out);
    ASSERT_GE(out["sentences"].size(), 1u);
    const auto& first = out["sentences"][0];
    EXPECT_EQ(first["sentence"], "Ambassador Karl Lindqvist met Secretary of State Dean Rusk.");
    EXPECT_EQ(first["document"], 1);
    EXPECT_EQ(first["start"].get<std::size_t>(), kRuskMemo.find("Ambassador Karl"));
    r = curate("together", "Unden France");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("never appear in one sentence"), std::string::npos) << r.out;
}
