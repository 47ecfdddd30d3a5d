// Snapshots built from a real project file under each filter field (graph_test_project.h draws
// the network).
#include "dossier/graph/graph_snapshot.h"
#include "dossier/store/store_error.h"
#include "graph_test_project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <set>

namespace dossier::graph {
namespace {

class GraphFilterTest : public ::testing::Test {
protected:
    testing::TempDir dir;
    testing::GraphTestProject world = testing::GraphTestProject::create(dir / "world.dossier");
    store::Project project = store::Project::open(dir / "world.dossier", store::OpenMode::ReadOnly);

    std::set<std::string> names(const GraphFilter& filter) {
        const auto s = GraphSnapshot::build(project, filter);
        std::set<std::string> out;
        for (Vertex v = 0; v < s.node_count(); ++v)
            out.insert(s.node(v).name);
        EXPECT_EQ(out.size(), s.node_count());
        return out;
    }
};

TEST_F(GraphFilterTest, NoFilterKeepsEveryEntityButTheRejectedOne) {
    const auto s = GraphSnapshot::build(project, {});
    EXPECT_EQ(s.node_count(), 9u);
    EXPECT_EQ(s.edge_count(), 7u); // r7 touches the rejected entity
    EXPECT_EQ(names({}).count("Kabul"), 1u) << "an entity without relations is still a node";
    EXPECT_EQ(names({}).count("Fake"), 0u);
}

TEST_F(GraphFilterTest, NodesCarryTheirAttributesAndEdgesTheirRelations) {
    const auto s = GraphSnapshot::build(project, {});
    const auto brezhnev = s.vertex_of(world.entity["Brezhnev"]);
    ASSERT_TRUE(brezhnev);
    EXPECT_EQ(s.node(*brezhnev).type, EntityType::Person);
    EXPECT_EQ(s.node(*brezhnev).alias_count, 2u);
    EXPECT_EQ(s.node(*brezhnev).mention_count, 1u);
    const auto us = *s.vertex_of(world.entity["United States"]);
    const auto china = *s.vertex_of(world.entity["China"]);
    const auto between = s.edges_between(us, china);
    ASSERT_EQ(between.size(), 2u) << "two relation types between one pair stay two edges";
    std::set<std::string> types;
    for (auto e : between) {
        types.insert(s.relation_type_name(s.edge(e).type));
        EXPECT_FALSE(s.edge(e).directed);
        EXPECT_EQ(s.edge(e).first_date, "1979-12-27");
    }
    EXPECT_EQ(types, (std::set<std::string>{"cooperates_with", "co_occurs_sentence"}));
    // The collapsed view sums the pair's weights: 2 + 1.
    const auto& g = s.simple();
    for (std::uint32_t i = g.offsets[us]; i < g.offsets[us + 1]; ++i) {
        if (g.targets[i] == china) {
            EXPECT_EQ(g.weights[i], 3.0);
        }
    }
}

TEST_F(GraphFilterTest, IncludeRejectedBringsBackTheRejectedEntityAndItsRelation) {
    GraphFilter f;
    f.include_rejected = true;
    const auto s = GraphSnapshot::build(project, f);
    EXPECT_EQ(s.node_count(), 10u);
    EXPECT_EQ(s.edge_count(), 8u);
}

TEST_F(GraphFilterTest, EntityTypesKeepOnlyThoseNodes) {
    GraphFilter f;
    f.entity_types = {EntityType::Country};
    EXPECT_EQ(names(f), (std::set<std::string>{"United States", "China", "Pakistan", "India",
                                               "Soviet Union"}));
    f.entity_types = {EntityType::Person, EntityType::Organization};
    EXPECT_EQ(names(f), (std::set<std::string>{"Brezhnev", "Gromyko", "CC CPSU"}));
}

TEST_F(GraphFilterTest, RelationTypesKeepThoseEdgesAndTheirEnds) {
    GraphFilter f;
    f.relation_types = {"cooperates_with"};
    const auto s = GraphSnapshot::build(project, f);
    EXPECT_EQ(s.edge_count(), 1u);
    EXPECT_EQ(names(f), (std::set<std::string>{"United States", "China"}));
}

TEST_F(GraphFilterTest, MinWeightDropsWeakRelations) {
    GraphFilter f;
    f.min_weight = 2.0;
    EXPECT_EQ(names(f), (std::set<std::string>{"United States", "China", "Brezhnev", "Gromyko"}));
}

TEST_F(GraphFilterTest, MinDegreeKeepsNodesWithEnoughNeighbours) {
    GraphFilter f;
    f.min_degree = 2;
    EXPECT_EQ(names(f), (std::set<std::string>{"China", "Pakistan", "Brezhnev", "Gromyko"}));
}

TEST_F(GraphFilterTest, DateRangeUsesTheDatesOfTheEvidenceDocuments) {
    GraphFilter f;
    f.date_from = "1980";
    f.date_to = "1980";
    EXPECT_EQ(names(f), (std::set<std::string>{"India", "Pakistan"}));
    f.date_from = "1979-12";
    f.date_to = "1980-02";
    EXPECT_EQ(names(f), (std::set<std::string>{"United States", "China", "Pakistan"}));
    // d2 is dated only "1980-03": a range starting mid-March still overlaps that month.
    f.date_from = "1980-03-15";
    f.date_to = "1980-12-31";
    EXPECT_EQ(names(f), (std::set<std::string>{"India", "Pakistan"}));
    // Open-ended.
    f.date_from = "1981";
    f.date_to.clear();
    EXPECT_EQ(names(f), (std::set<std::string>{"Brezhnev", "Gromyko", "CC CPSU", "Soviet Union"}));
}

TEST_F(GraphFilterTest, FullTextQuerySelectsRelationsReadInMatchingDocuments) {
    GraphFilter f;
    f.document_query = "Moscow";
    EXPECT_EQ(names(f), (std::set<std::string>{"Brezhnev", "Gromyko", "CC CPSU", "Soviet Union"}));
    f.document_query = "arms";
    EXPECT_EQ(names(f), (std::set<std::string>{"United States", "China", "Pakistan", "India"}));
}

TEST_F(GraphFilterTest, DocumentIdsSelectRelationsReadInThoseDocuments) {
    GraphFilter f;
    f.document_ids = {world.document["d2"]};
    EXPECT_EQ(names(f), (std::set<std::string>{"India", "Pakistan"}));
    // Combined with a date range that excludes d2: nothing, and no error.
    f.date_from = "1981";
    EXPECT_TRUE(names(f).empty());
}

TEST_F(GraphFilterTest, EgoNetworkKeepsKHopsAroundTheCentre) {
    GraphFilter f;
    f.ego_entities = {world.entity["Pakistan"]};
    f.ego_hops = 1;
    EXPECT_EQ(names(f), (std::set<std::string>{"Pakistan", "China", "India"}));
    f.ego_hops = 2;
    EXPECT_EQ(names(f), (std::set<std::string>{"Pakistan", "China", "India", "United States"}));
    f.ego_hops = 0;
    EXPECT_EQ(names(f), (std::set<std::string>{"Pakistan"}));
}

TEST_F(GraphFilterTest, NameQueryKeepsMatchesByNameOrAliasAndTheirNeighbours) {
    GraphFilter f;
    f.name_query = "  BEIJ "; // an alias of China, in another case, spaces around
    EXPECT_EQ(names(f), (std::set<std::string>{"China", "United States", "Pakistan"}));
    f.name_query = "брежн"; // a Cyrillic alias of Brezhnev, folded
    EXPECT_EQ(names(f), (std::set<std::string>{"Brezhnev", "Gromyko", "CC CPSU"}));
    f.name_query = "Kabul"; // a match without relations is kept alone
    EXPECT_EQ(names(f), (std::set<std::string>{"Kabul"}));
    f.name_query = "nobody";
    EXPECT_TRUE(names(f).empty());
}

TEST_F(GraphFilterTest, NameQueryNeighboursFollowOnlyTheRelationsTheFilterKeeps) {
    GraphFilter f;
    f.name_query = "china";
    f.relation_types = {"supplies"};
    EXPECT_EQ(names(f), (std::set<std::string>{"China", "Pakistan"}));
}

TEST_F(GraphFilterTest, EgoNetworkByAliasName) {
    GraphFilter f;
    f.ego_names = {"Beijing"};
    EXPECT_EQ(names(f), (std::set<std::string>{"China", "United States", "Pakistan"}));
    f.ego_names = {"Beijjing"};
    try {
        GraphSnapshot::build(project, f);
        FAIL() << "an unknown ego name must be an error";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean: China (country)"), std::string::npos)
            << e.what();
    }
}

TEST_F(GraphFilterTest, TopNKeepsTheHighestByTheMetric) {
    // Weighted degree: China 2+1+1 = 4, Brezhnev 3+1 = 4, Gromyko 3+1 = 4, United States 3, ...
    GraphFilter f;
    f.top_metric = "weighted_degree";
    f.top_n = 3;
    EXPECT_EQ(names(f), (std::set<std::string>{"China", "Brezhnev", "Gromyko"}));
}

TEST_F(GraphFilterTest, TopNRemembersHowManyNodesItChoseFrom) {
    const auto all = GraphSnapshot::build(project, {});
    EXPECT_EQ(all.nodes_before_top(), all.node_count());
    GraphFilter f;
    f.top_metric = "weighted_degree";
    f.top_n = 3;
    const auto top = GraphSnapshot::build(project, f);
    EXPECT_EQ(top.node_count(), 3u);
    EXPECT_EQ(top.nodes_before_top(), all.node_count());
}

TEST_F(GraphFilterTest, FilterThatMatchesNothingGivesAnEmptyGraph) {
    GraphFilter f;
    f.document_query = "nonexistentword";
    const auto s = GraphSnapshot::build(project, f);
    EXPECT_EQ(s.node_count(), 0u);
    EXPECT_EQ(s.edge_count(), 0u);
    f = {};
    f.relation_types = {"no_such_type"};
    EXPECT_EQ(GraphSnapshot::build(project, f).node_count(), 0u);
}

TEST_F(GraphFilterTest, MalformedFullTextQueryIsAClearError) {
    GraphFilter f;
    f.document_query = "AND (";
    try {
        GraphSnapshot::build(project, f);
        FAIL() << "expected StoreError";
    } catch (const store::StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("full-text query 'AND ('"), std::string::npos)
            << e.what();
    }
}

TEST_F(GraphFilterTest, EvidenceSentencesAreCutByByteSpans) {
    const std::vector<RelationId> ids{world.relation["r4"]};
    const auto evidence = store::load_evidence(project, ids);
    ASSERT_EQ(evidence.size(), 2u);
    EXPECT_EQ(evidence[0].sentence, "Brezhnev met Gromyko in Moscow.");
    EXPECT_EQ(evidence[0].document_title, "Meeting");
    EXPECT_EQ(evidence[0].document_date, "1981");
    EXPECT_EQ(evidence[1].sentence, "Брежнев встретился с Громыко.");
    EXPECT_EQ(evidence[1].document_date, "1981-02-03");
}

} // namespace
} // namespace dossier::graph
