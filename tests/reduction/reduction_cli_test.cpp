// `dossier export` with --aggregate, --top, --top-metric, --min-weight and --edge-weight: the real
// binary on the sample corpus (data/samples, imported and extracted as scripts/demo.sh does) and
// on a generated network of 3,000 officials in 30 groups.
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "process.h"
#include "test_support.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <random>
#include <regex>
#include <set>

namespace dossier::exporting {
namespace {

using dossier::testing::read_file;
using dossier::testing::TempDir;

// Exit code and stderr; stdout is not read.
dossier::testing::CommandResult dossier_cli(const std::string& arguments) {
    return dossier::testing::run_cli(arguments + " >/dev/null", {dossier::testing::Stderr::Apart});
}

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

nlohmann::json read_json(const std::filesystem::path& path) {
    return nlohmann::json::parse(read_file(path));
}

// Every text element of an SVG, joined by spaces with runs of white space collapsed, so a
// sentence wrapped over several lines reads as one.
std::string svg_text(const std::filesystem::path& path) {
    pugi::xml_document svg;
    if (!svg.load_file(path.c_str()))
        return {};
    std::string all;
    for (const auto& text : svg.select_nodes("//*[local-name()='text']"))
        all += std::string(text.node().text().get()) + " ";
    return std::regex_replace(all, std::regex("\\s+"), " ");
}

// RFC 4180 rows (quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted_field = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted_field) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                rows.back().back() += text[++i];
            else if (c == '"')
                quoted_field = false;
            else
                rows.back().back() += c;
        } else if (c == '"') {
            quoted_field = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else if (c != '\r') {
            rows.back().back() += c;
        }
    }
    return rows;
}

// The sample corpus, imported once for all tests of this file.
class SampleCorpus : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir;
        const auto run =
            dossier_cli("import " + quoted(project()) + " '" + std::string(DOSSIER_DATA_DIR) +
                        "/samples' --exclude README.md --quiet");
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static std::filesystem::path project() { return dir_->path() / "samples.dossier"; }
    dossier::testing::CommandResult dossier(const std::string& arguments) {
        return dossier_cli(arguments);
    }
    std::filesystem::path out(const std::string& name) const { return scratch / name; }

    TempDir scratch;
    static TempDir* dir_;
};
TempDir* SampleCorpus::dir_ = nullptr;

TEST_F(SampleCorpus, AggregatedMemberCountsSumToTheEntitiesAndEachPairHasOneEdge) {
    ASSERT_EQ(
        dossier("export " + quoted(project()) + " --format json -o " + quoted(out("all.json")))
            .exit_code,
        0);
    const auto run =
        dossier("export " + quoted(project()) + " --format json --aggregate community -o " +
                quoted(out("communities.json")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto all = read_json(out("all.json"))["elements"];
    const auto communities = read_json(out("communities.json"))["elements"];
    ASSERT_GT(all["nodes"].size(), 20u);
    ASSERT_LT(communities["nodes"].size(), all["nodes"].size());
    double members = 0;
    for (const auto& node : communities["nodes"]) {
        const auto& data = node["data"];
        EXPECT_TRUE(std::regex_match(data["id"].get<std::string>(), std::regex("c[0-9]+")));
        EXPECT_EQ(data["type"], "community");
        members += data["metric_members"].get<double>();
    }
    EXPECT_EQ(members, static_cast<double>(all["nodes"].size()));
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& edge : communities["edges"]) {
        const auto source = edge["data"]["source"].get<std::string>();
        const auto target = edge["data"]["target"].get<std::string>();
        EXPECT_NE(source, target);
        EXPECT_TRUE(pairs.insert(std::minmax(source, target)).second) << source << "-" << target;
    }
}

TEST_F(SampleCorpus, AnAggregatedEdgeQuotesOnlySentencesOfItsMemberRelations) {
    ASSERT_EQ(dossier("export " + quoted(project()) + " --format csv -o " + quoted(out("all.csv")) +
                      " --evidence " + quoted(out("all-evidence.csv")))
                  .exit_code,
              0);
    const auto run =
        dossier("export " + quoted(project()) + " --format csv --aggregate community -o " +
                quoted(out("c.csv")) + " --evidence " + quoted(out("c-evidence.csv")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // (document_id, sentence) of every row: columns 5 and 8.
    const auto quotes = [](const std::string& csv) {
        std::set<std::pair<std::string, std::string>> out;
        for (const auto& row : csv_rows(csv))
            if (row.size() >= 8 && row[0] != "relation_type")
                out.insert({row[4], row[7]});
        return out;
    };
    const auto all = quotes(read_file(out("all-evidence.csv")));
    const auto aggregated = quotes(read_file(out("c-evidence.csv")));
    ASSERT_FALSE(aggregated.empty());
    for (const auto& quote : aggregated)
        EXPECT_TRUE(all.contains(quote)) << quote.first << ": " << quote.second;
    EXPECT_LT(aggregated.size(), all.size()); // relations inside a community are not drawn
}

TEST_F(SampleCorpus, TopNDrawsNNodesAndTheCaptionSaysHowManyOfHowMany) {
    ASSERT_EQ(
        dossier("export " + quoted(project()) + " --format json -o " + quoted(out("all.json")))
            .exit_code,
        0);
    const auto total = read_json(out("all.json"))["elements"]["nodes"].size();
    auto run = dossier("export " + quoted(project()) +
                       " --format svg --layout neato --seed 1 --top 5 --top-metric degree "
                       "--caption 'Sample corpus.' -o " +
                       quoted(out("top.svg")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto text = svg_text(out("top.svg"));
    EXPECT_NE(text.find("Sample corpus. Showing the 5 most central of " + std::to_string(total) +
                        " entities (degree)."),
              std::string::npos)
        << text;
    run = dossier("export " + quoted(project()) + " --format json --top 5 -o " +
                  quoted(out("top.json")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(read_json(out("top.json"))["elements"]["nodes"].size(), 5u);
}

TEST_F(SampleCorpus, MinimumWeightLeavesOutLighterRelations) {
    const auto run = dossier("export " + quoted(project()) + " --format json --min-weight 2 -o " +
                             quoted(out("heavy.json")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto edges = read_json(out("heavy.json"))["elements"]["edges"];
    ASSERT_GT(edges.size(), 0u);
    for (const auto& edge : edges)
        EXPECT_GE(edge["data"]["weight"].get<double>(), 2.0);
}

TEST_F(SampleCorpus, TheSavedViewRecordsEveryReductionAndRegeneratesTheSameFile) {
    auto run = dossier("export " + quoted(project()) +
                       " --format graphml --aggregate community --top 30 --top-metric degree "
                       "--min-weight 1.5 --edge-weight both --layout neato --seed 2 -o " +
                       quoted(out("first.graphml")) + " --save-view " + quoted(out("view.json")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto view = read_json(out("view.json"));
    EXPECT_EQ(view["aggregate"]["by"], "community");
    EXPECT_EQ(view["filter"]["top"]["count"], 30);
    EXPECT_EQ(view["filter"]["top"]["metric"], "degree");
    EXPECT_EQ(view["filter"]["min_weight"], 1.5);
    EXPECT_EQ(view["style"]["edge_weight"], "both");
    EXPECT_EQ(view["style"]["size_by"], "members");
    run = dossier("export " + quoted(project()) + " --view " + quoted(out("view.json")) + " -o " +
                  quoted(out("again.graphml")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(read_file(out("again.graphml")), read_file(out("first.graphml")));
}

TEST_F(SampleCorpus, BadReductionOptionsAreOneLineErrorsAndWriteNothing) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"--aggregate country", "--aggregate: expected community or none, got 'country'"},
        {"--top 5 --top-metric fame", "--top-metric: unknown metric 'fame'"},
        {"--edge-weight thick", "--edge-weight: expected width, opacity or both, got 'thick'"},
        {"--aggregate community --size-by pagerank",
         "--size-by: community nodes are sized by members or internal_weight, not 'pagerank'"},
        {"--min-weight -1", "--min-weight: expected a number >= 0"},
    };
    for (const auto& [options, message] : cases) {
        SCOPED_TRACE(options);
        const auto run = dossier("export " + quoted(project()) + " " + options + " -o " +
                                 quoted(out("bad.svg")));
        EXPECT_EQ(run.exit_code, 1);
        EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
        EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
        EXPECT_FALSE(std::filesystem::exists(out("bad.svg")));
    }
}

// 3,000 officials in 30 groups of 100: dense inside a group (each member linked to 8 others of
// it), sparse between groups (one relation in 20 crosses), weights 1 to 4.
void write_grouped_network(const std::filesystem::path& path) {
    auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
    store::Transaction tx(project);
    store::GraphSourceWriter writer(project);
    constexpr int kGroups = 30, kSize = 100;
    std::vector<EntityId> ids;
    for (int i = 0; i < kGroups * kSize; ++i)
        ids.push_back(writer.add_entity(EntityType::Person, "Official " + std::to_string(i)));
    std::mt19937 random(14);
    std::uniform_int_distribution<int> member(0, kSize - 1), group(0, kGroups - 1), weight(1, 4),
        cross(0, 19);
    for (int i = 0; i < kGroups * kSize; ++i)
        for (int k = 0; k < 4; ++k) {
            const int g = cross(random) == 0 ? group(random) : i / kSize;
            int j = g * kSize + member(random);
            if (j == i)
                j = g * kSize + (j + 1) % kSize;
            writer.add_relation("co_occurs_sentence", ids[static_cast<std::size_t>(i)],
                                ids[static_cast<std::size_t>(j)], false, weight(random));
        }
    tx.commit();
}

class GeneratedNetwork : public ::testing::Test {
protected:
    void SetUp() override { write_grouped_network(project); }
    dossier::testing::CommandResult dossier(const std::string& arguments) {
        return dossier_cli(arguments);
    }
    TempDir dir;
    std::filesystem::path project = dir / "grouped.dossier";
};

TEST_F(GeneratedNetwork, ThreeThousandEntitiesPrintAsTheirCommunities) {
    auto run = dossier("export " + quoted(project) + " --format json --aggregate community -o " +
                       quoted(dir / "c.json"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto nodes = read_json(dir / "c.json")["elements"]["nodes"];
    double members = 0;
    for (const auto& node : nodes)
        members += node["data"]["metric_members"].get<double>();
    EXPECT_EQ(members, 3000.0);
    // Leiden finds the planted groups (give or take a split or merge).
    EXPECT_GE(nodes.size(), 25u);
    EXPECT_LE(nodes.size(), 40u);

    run = dossier("export " + quoted(project) + " --format svg --aggregate community --legend -o " +
                  quoted(dir / "c.svg"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto text = svg_text(dir / "c.svg");
    EXPECT_NE(
        text.find("3,000 entities shown as " + std::to_string(nodes.size()) + " communities."),
        std::string::npos)
        << text;
    EXPECT_TRUE(std::regex_search(text, std::regex("Official [0-9]+, Official [0-9]+ \\+[0-9]+")))
        << text;
}

// 30 communities linked by a few hundred meta-edges: the figure draws the strongest links of each
// community (more than four per node), says how many of how many, and the data keeps them all.
TEST_F(GeneratedNetwork, ADenseOverviewDrawsTheStrongestLinksAndTheDataKeepsEveryOne) {
    auto run = dossier("export " + quoted(project) + " --format json --aggregate community -o " +
                       quoted(dir / "c.json"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto json = read_json(dir / "c.json");
    const auto links = json["elements"]["edges"].size();
    const auto nodes = json["elements"]["nodes"].size();
    ASSERT_GT(links, 4 * nodes) << "the network must be dense for this test";

    run = dossier("export " + quoted(project) + " --format svg --aggregate community -o " +
                  quoted(dir / "c.svg"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::smatch drawn;
    const auto text = svg_text(dir / "c.svg");
    ASSERT_TRUE(std::regex_search(
        text, drawn,
        std::regex("Only each node's 3 strongest links are drawn \\(([0-9,]+) of ([0-9,]+)\\)")))
        << text;
    const auto number = [](std::string digits) {
        digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
        return std::stoul(digits);
    };
    EXPECT_EQ(number(drawn[2].str()), links);
    EXPECT_LE(number(drawn[1].str()), 3 * nodes);
    EXPECT_GE(number(drawn[1].str()), nodes / 2); // each node keeps its heaviest

    run = dossier("export " + quoted(project) +
                  " --format svg --aggregate community --links all -o " + quoted(dir / "all.svg"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(svg_text(dir / "all.svg").find("strongest"), std::string::npos);

    run = dossier("export " + quoted(project) + " --format svg --links most -o " +
                  quoted(dir / "bad.svg"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("--links: expected auto, all or strongest, got 'most'"),
              std::string::npos)
        << run.err;
}

TEST_F(GeneratedNetwork, TopHundredByPageRankKeepsAHundredAndSaysOfHowMany) {
    auto run = dossier("export " + quoted(project) + " --format json --top 100 -o " +
                       quoted(dir / "top.json"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(read_json(dir / "top.json")["elements"]["nodes"].size(), 100u);
    run = dossier("export " + quoted(project) + " --format svg --top 100 -o " +
                  quoted(dir / "top.svg"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(svg_text(dir / "top.svg")
                  .find("Showing the 100 most central of 3,000 entities (PageRank)."),
              std::string::npos);
}

} // namespace
} // namespace dossier::exporting
