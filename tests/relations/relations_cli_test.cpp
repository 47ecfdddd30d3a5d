// `dossier relations` and `dossier evidence` on the fixture project, against golden output
// (tests/relations/golden/; "{ID}" there stands for the relation's id).
#include "dossier/extract/relation_pipeline.h"
#include "dossier/store/relation_store.h"
#include "fixture_project.h"
#include "process.h"
#include "relation_fixtures.h"
#include "test_support.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

using namespace dossier;
using dossier::testing::TempDir;

namespace {

using dossier::testing::CommandResult;
using dossier::testing::run_cli;

std::string golden(const std::string& name, std::int64_t id) {
    auto text =
        dossier::testing::read_file(std::filesystem::path(DOSSIER_TESTS_DIR) / "golden" / name);
    for (auto at = text.find("{ID}"); at != std::string::npos; at = text.find("{ID}"))
        text.replace(at, 4, std::to_string(id));
    return text;
}

struct CliProject {
    TempDir dir;
    std::filesystem::path path = dir / "fixture.dossier";
    RelationId cooperation;

    CliProject() {
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        dossier::testing::write_fixture_project(project);
        extract::run_relation_extraction(project, dossier::testing::bundled_rules(), {});
        cooperation = store::RelationStore(project).list("cooperates_with").at(0).relation.id;
    }
};

} // namespace

TEST(RelationsCli, ListsRelationsOfATypeWithTheirSentences) {
    CliProject p;
    auto result = run_cli("relations " + p.path.string() + " --type cooperates_with");
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_EQ(result.out, golden("relations_cooperates_with.txt", p.cooperation.value));
}

TEST(RelationsCli, HeaderRelationsQuoteTheirHeaderLine) {
    CliProject p;
    auto result = run_cli("relations " + p.path.string() + " --type addressed_to");
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_EQ(result.out,
              golden("relations_addressed_to.txt", 0) /* ids 1-3: header relations sort first */);
}

TEST(RelationsCli, EvidenceQuotesSentencesWithDocumentDateAndPage) {
    CliProject p;
    auto result =
        run_cli("evidence " + p.path.string() + " " + std::to_string(p.cooperation.value));
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_EQ(result.out, golden("evidence_cooperation.txt", p.cooperation.value));
}

TEST(RelationsCli, JsonCarriesEveryEvidenceRowWithSpans) {
    CliProject p;
    auto result = run_cli("relations " + p.path.string() + " --type pressures --json");
    ASSERT_EQ(result.exit_code, 0) << result.out;
    const auto json = nlohmann::json::parse(result.out);
    ASSERT_EQ(json.size(), 1u) << result.out;
    EXPECT_EQ(json[0]["source"]["name"], "Osterlich");
    EXPECT_EQ(json[0]["target"]["name"], "Fenwick");
    EXPECT_EQ(json[0]["method"], "pattern:pressures.pressuring");
    const auto& e = json[0]["evidence"][0];
    EXPECT_EQ(e["sentence"], "Lind reported that Osterlich is pressuring Fenwick.");
    EXPECT_EQ(e["date"], "1961-05-02");
    const std::uint32_t start = e["target_span"][0], end = e["target_span"][1];
    EXPECT_EQ(dossier::testing::kFixtureMemo.substr(start, end - start), "Fenwick");
}

TEST(RelationsCli, UnknownRelationIsAOneLineErrorAndEmptyTypeIsNotAnError) {
    CliProject p;
    auto missing = run_cli("evidence " + p.path.string() + " 99999");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_EQ(missing.out, "dossier: relation 99999 : no such relation in " + p.path.string() +
                               " (dossier relations lists them)\n");
    auto none = run_cli("relations " + p.path.string() + " --type married_to");
    EXPECT_EQ(none.exit_code, 0);
    EXPECT_EQ(none.out, "no relations of type married_to in " + p.path.string() + "\n");
}

TEST(RelationsCli, LongEvidenceListsPointToTheEvidenceCommand) {
    CliProject p;
    // The memo mentions Osterlich three times and the note once: 3 rows shown, the rest counted.
    auto result = run_cli("relations " + p.path.string() + " --type mentions");
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_EQ(result.out.find("(+"), std::string::npos) << "no relation has more than three rows";
    {
        auto project = store::Project::open(p.path, store::OpenMode::ReadWrite);
        store::Transaction tx(project);
        store::RelationStore relations(project);
        auto row = relations.get(p.cooperation);
        auto more = row->relation;
        more.type = "discussed_with";
        more.evidence.insert(more.evidence.end(), row->relation.evidence.begin(),
                             row->relation.evidence.end());
        more.evidence.insert(more.evidence.end(), row->relation.evidence.begin(),
                             row->relation.evidence.end());
        relations.insert(more, "curation");
        tx.commit();
    }
    result = run_cli("relations " + p.path.string() + " --type discussed_with");
    EXPECT_NE(result.out.find("(+3 more: dossier evidence PROJECT "), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("(curation)"), std::string::npos) << result.out;
}
