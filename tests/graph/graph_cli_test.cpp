// `dossier graph` and `dossier path` run as a user would, on a project file written by
// graph_test_project.h; outputs are compared with reviewed golden files in tests/graph/golden/
// (DOSSIER_UPDATE_GOLDEN=1 rewrites them; review the diff before committing).
#include "graph_test_project.h"
#include "test_support.h"

#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace dossier::graph {
namespace {

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string quoted(const std::string& arg) {
    std::string q(1, '\'');
    for (char c : arg) {
        if (c == '\'')
            q.append("'\\''");
        else
            q.push_back(c);
    }
    q.push_back('\'');
    return q;
}

CliRun run_cli(const std::vector<std::string>& args, const std::filesystem::path& scratch) {
    std::string command = quoted(DOSSIER_CLI);
    for (const auto& a : args)
        command.append(" ").append(quoted(a));
    const auto err_path = scratch / "stderr.txt";
    command.append(" 2>").append(quoted(err_path.string()));
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        run.out.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = testing::read_file(err_path);
    return run;
}

void expect_golden(const std::string& name, const std::string& actual) {
    const auto path = std::filesystem::path(DOSSIER_GRAPH_GOLDEN) / name;
    if (std::getenv("DOSSIER_UPDATE_GOLDEN")) {
        testing::write_file(path, actual);
        GTEST_SKIP() << "rewrote " << path;
    }
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    EXPECT_EQ(actual, testing::read_file(path)) << "differs from " << path;
}

class GraphCliTest : public ::testing::Test {
protected:
    testing::TempDir dir;
    std::filesystem::path project_path = dir / "world.dossier";
    testing::GraphTestProject world = testing::GraphTestProject::create(project_path);

    CliRun run(std::vector<std::string> args) {
        args.insert(args.begin() + 1, project_path.string());
        return run_cli(args, dir.path());
    }
};

TEST_F(GraphCliTest, GraphWithEveryMetricAsText) {
    const auto r = run({"graph", "--metrics"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    expect_golden("graph_metrics.txt", r.out);
}

TEST_F(GraphCliTest, GraphUnderAViewAsJson) {
    testing::write_file(
        dir / "view.json",
        R"({"filter": {"entity_types": ["country"], "min_degree": 1}, "metrics": ["degree", "betweenness", "community"]})");
    const auto r = run({"graph", "--view", (dir / "view.json").string(), "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["node_count"], 4); // the Soviet Union has no country neighbour
    expect_golden("graph_countries.json", r.out);
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
    expect_golden("path_us_pakistan.txt", r.out);
}

TEST_F(GraphCliTest, PathAsJsonQuotesRussianEvidenceIntact) {
    const auto r = run({"path", "Brezhnev", "Soviet Union", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["paths"].size(), 1u);
    const auto& first_hop = j["paths"][0]["hops"][0]["relations"][0];
    EXPECT_EQ(first_hop["type"], "co_occurs_sentence");
    EXPECT_EQ(first_hop["evidence"][1]["sentence"], "Брежнев встретился с Громыко.");
    expect_golden("path_brezhnev_soviet_union.json", r.out);
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
