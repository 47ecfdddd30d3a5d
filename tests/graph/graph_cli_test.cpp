// `dossier graph` and `dossier path` run as a user would, on a project file written by
// graph_test_project.h; outputs are compared with reviewed golden files in tests/graph/golden/
// (DOSSIER_UPDATE_GOLDEN=1 rewrites them; review the diff before committing).
#include "golden.h"
#include "graph_test_project.h"
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dossier::graph {
namespace {

class GraphCliTest : public ::testing::Test {
protected:
    testing::TempDir dir;
    std::filesystem::path project_path = dir / "world.dossier";
    testing::GraphTestProject world = testing::GraphTestProject::create(project_path);

    testing::CommandResult run(std::vector<std::string> args) {
        args.insert(args.begin() + 1, project_path.string());
        return testing::run_cli(args, {testing::Stderr::Apart});
    }
};

TEST_F(GraphCliTest, GraphWithEveryMetricAsText) {
    const auto r = run({"graph", "--metrics"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    testing::expect_golden(std::filesystem::path(DOSSIER_GRAPH_GOLDEN) / "graph_metrics.txt",
                           r.out);
}

TEST_F(GraphCliTest, GraphUnderAViewAsJson) {
    testing::write_file(
        dir / "view.json",
        R"({"filter": {"entity_types": ["country"], "min_degree": 1}, "metrics": ["degree", "betweenness", "community"]})");
    const auto r = run({"graph", "--view", (dir / "view.json").string(), "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["node_count"], 4); // the Soviet Union has no country neighbour
    testing::expect_golden(std::filesystem::path(DOSSIER_GRAPH_GOLDEN) / "graph_countries.json",
                           r.out);
}

TEST_F(GraphCliTest, BadViewFileIsOneLineNamingTheKey) {
    testing::write_file(dir / "view.json", R"({"filter": {"min_weight": "heavy"}})");
    const auto r = run({"graph", "--view", (dir / "view.json").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err, "dossier: " + (dir / "view.json").string() +
                         ": view: filter.min_weight: expected a number, got \"heavy\"\n");
}

TEST_F(GraphCliTest, FilterThatMatchesNothingPrintsAnEmptyGraph) {
    testing::write_file(dir / "view.json",
                        R"({"filter": {"documents": {"query": "nonexistentword"}}})");
    const auto r = run({"graph", "--view", (dir / "view.json").string(), "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["node_count"], 0);
    EXPECT_TRUE(j["nodes"].empty());
}

TEST_F(GraphCliTest, PathListsHopsWithEvidenceSentences) {
    const auto r = run({"path", "Washington", "Pakistan"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    testing::expect_golden(std::filesystem::path(DOSSIER_GRAPH_GOLDEN) / "path_us_pakistan.txt",
                           r.out);
}

TEST_F(GraphCliTest, PathAsJsonQuotesRussianEvidenceIntact) {
    const auto r = run({"path", "Brezhnev", "Soviet Union", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["paths"].size(), 1u);
    const auto& first_hop = j["paths"][0]["hops"][0]["relations"][0];
    EXPECT_EQ(first_hop["type"], "co_occurs_sentence");
    EXPECT_EQ(first_hop["evidence"][1]["sentence"], "Брежнев встретился с Громыко.");
    testing::expect_golden(
        std::filesystem::path(DOSSIER_GRAPH_GOLDEN) / "path_brezhnev_soviet_union.json", r.out);
}

TEST_F(GraphCliTest, UnknownNameSuggestsCloseMatches) {
    const auto r = run({"path", "Brezhnew", "China"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "dossier: no entity named 'Brezhnew'; did you mean: Brezhnev (person)?\n");
}

TEST_F(GraphCliTest, DisconnectedPairSaysSo) {
    const auto r = run({"path", "Brezhnev", "China"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "dossier: Brezhnev (person) and China (country) are not connected in this graph\n");
}

TEST_F(GraphCliTest, PathByWeightReportsItsCost) {
    const auto r = run({"path", "CC CPSU", "Soviet Union", "--by", "weight"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // CC CPSU -1- Brezhnev -3- Gromyko -1- Soviet Union: 1 + 1/3 + 1.
    EXPECT_EQ(r.out.rfind("CC CPSU (organization) to Soviet Union (country): 1 path of 3 hops (by "
                          "weight, cost 2.33333)\n",
                          0),
              0u)
        << r.out;
}

} // namespace
} // namespace dossier::graph
