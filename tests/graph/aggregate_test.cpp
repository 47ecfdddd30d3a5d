// One node per community (aggregate.h): counts, summed edges, labels, ids and determinism, on
// graphs whose communities are known, and through Leiden on a ring of cliques.
#include "dossier/graph/aggregate.h"
#include "dossier/graph/view_spec.h"

#include <gtest/gtest.h>
#include <numeric>

namespace dossier::graph {
namespace {

NodeInfo person(std::int64_t id, std::string name) {
    NodeInfo node;
    node.entity = EntityId{id};
    node.name = std::move(name);
    return node;
}

// Two groups {Ann, Bob, Cid} and {Dan, Eve}, linked by three relations of two types.
GraphSnapshot two_groups() {
    std::vector<NodeInfo> nodes{person(1, "Ann"), person(2, "Bob"), person(3, "Cid"),
                                person(4, "Dan"), person(5, "Eve")};
    std::vector<GraphSnapshot::PlainEdge> edges{
        {0, 1, "met_with", false, 2.0},        {1, 2, "met_with", false, 1.0},
        {3, 4, "cooperates_with", false, 4.0}, {0, 3, "met_with", false, 1.0},
        {2, 4, "cooperates_with", true, 3.0},  {1, 3, "met_with", true, 1.5},
    };
    return GraphSnapshot::from_edges(std::move(nodes), edges);
}

const std::vector<int> kGroups{0, 0, 0, 1, 1};
const std::vector<double> kCentrality{0.1, 0.5, 0.2, 0.3, 0.3};

TEST(Aggregate, MemberCountsSumToTheNodeCountAndEveryVertexHasItsCommunity) {
    const auto g = two_groups();
    const auto a = aggregate_by_community(g, kGroups, kCentrality, {});
    ASSERT_EQ(a.nodes.size(), 2u);
    std::size_t members = 0;
    for (const auto& node : a.nodes)
        members += node.members.size();
    EXPECT_EQ(members, g.node_count());
    for (Vertex v = 0; v < g.node_count(); ++v)
        EXPECT_EQ(a.nodes[a.node_of_vertex[v]].community, kGroups[v]);
}

TEST(Aggregate, IdsAreCommunityIdsThatCannotBeMistakenForEntityIds) {
    const auto a = aggregate_by_community(two_groups(), {7, 7, 7, 2, 2}, kCentrality, {});
    ASSERT_EQ(a.nodes.size(), 2u);
    EXPECT_EQ(a.nodes[0].id, "c2");
    EXPECT_EQ(a.nodes[1].id, "c7");
}

TEST(Aggregate, OneEdgePerLinkedPairWithTheSummedWeightAndEveryMemberRelation) {
    const auto g = two_groups();
    const auto a = aggregate_by_community(g, kGroups, kCentrality, {});
    ASSERT_EQ(a.edges.size(), 1u);
    const auto& edge = a.edges[0];
    EXPECT_EQ(edge.source, 0u);
    EXPECT_EQ(edge.target, 1u);
    EXPECT_DOUBLE_EQ(edge.weight, 1.0 + 3.0 + 1.5);
    EXPECT_EQ(edge.relations.size(), 3u);
    // cooperates_with carries 3.0 of the 5.5, met_with 2.5.
    EXPECT_EQ(g.relation_type_name(edge.type), "cooperates_with");
    // Relations inside a community stay on its node.
    EXPECT_EQ(a.nodes[0].internal_relations, 2u);
    EXPECT_DOUBLE_EQ(a.nodes[0].internal_weight, 3.0);
    EXPECT_EQ(a.nodes[1].internal_relations, 1u);
    EXPECT_DOUBLE_EQ(a.nodes[1].internal_weight, 4.0);
}

TEST(Aggregate, EqualTypeWeightsPickTheFirstTypeByName) {
    std::vector<NodeInfo> nodes{person(1, "A"), person(2, "B")};
    const auto g = GraphSnapshot::from_edges(
        std::move(nodes), {{0, 1, "supports", false, 2.0}, {0, 1, "opposes", false, 2.0}});
    const auto a = aggregate_by_community(g, {0, 1}, {1, 1}, {});
    ASSERT_EQ(a.edges.size(), 1u);
    EXPECT_EQ(g.relation_type_name(a.edges[0].type), "opposes");
}

TEST(Aggregate, LabelsNameTheMostCentralMembersAndCountTheRest) {
    const auto a = aggregate_by_community(two_groups(), kGroups, kCentrality, {});
    EXPECT_EQ(a.nodes[0].label, "Bob, Cid +1");
    // Equal centrality: the lower entity id first.
    EXPECT_EQ(a.nodes[1].label, "Dan, Eve");
    AggregateOptions one;
    one.label_members = 1;
    EXPECT_EQ(aggregate_by_community(two_groups(), kGroups, kCentrality, one).nodes[0].label,
              "Bob +2");
    EXPECT_EQ(community_label({"Gromyko", "Brezhnev"}, 14, 2), "Gromyko, Brezhnev +12");
    EXPECT_EQ(community_label({}, 5, 0), "+5");
    EXPECT_EQ(community_label({"Solo"}, 1, 2), "Solo");
}

TEST(Aggregate, InputsOfTheWrongSizeAreRefused) {
    EXPECT_THROW(aggregate_by_community(two_groups(), {0, 0}, kCentrality, {}),
                 std::invalid_argument);
}

// Ten cliques of eight, each joined to the next by one edge: Leiden finds the cliques.
GraphSnapshot ring_of_cliques() {
    std::vector<NodeInfo> nodes;
    std::vector<GraphSnapshot::PlainEdge> edges;
    for (std::size_t c = 0; c < 10; ++c) {
        for (std::size_t i = 0; i < 8; ++i) {
            const auto id = static_cast<std::int64_t>(c * 8 + i + 1);
            nodes.push_back(person(id, "P" + std::to_string(id)));
            for (std::size_t j = i + 1; j < 8; ++j)
                edges.push_back({c * 8 + i, c * 8 + j, "co_occurs_sentence", false, 1.0});
        }
        edges.push_back({c * 8, ((c + 1) % 10) * 8 + 1, "met_with", false, 1.0});
    }
    return GraphSnapshot::from_edges(std::move(nodes), edges);
}

TEST(Aggregate, ComputesLeidenWhenTheMetricsLackCommunitiesAndIsDeterministic) {
    const auto g = ring_of_cliques();
    AggregateOptions options;
    options.by = AggregateBy::Community;
    const auto a = aggregate_by_community(g, MetricResult{}, options);
    const auto b = aggregate_by_community(g, MetricResult{}, options);
    ASSERT_EQ(a.nodes.size(), 10u);
    ASSERT_EQ(a.edges.size(), 10u); // the ring
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        EXPECT_EQ(a.nodes[i].members.size(), 8u);
        EXPECT_EQ(a.nodes[i].id, b.nodes[i].id);
        EXPECT_EQ(a.nodes[i].label, b.nodes[i].label);
        EXPECT_EQ(a.nodes[i].members, b.nodes[i].members);
        EXPECT_EQ(a.nodes[i].internal_relations, 28u);
    }
    for (std::size_t i = 0; i < a.edges.size(); ++i) {
        EXPECT_EQ(a.edges[i].source, b.edges[i].source);
        EXPECT_EQ(a.edges[i].target, b.edges[i].target);
        EXPECT_DOUBLE_EQ(a.edges[i].weight, 1.0);
        EXPECT_EQ(g.relation_type_name(a.edges[i].type), "met_with");
    }
    // The computed communities are the ones compute_metrics gives with the same seed.
    MetricOptions seeded;
    seeded.community_seed = options.seed;
    const auto metrics = compute_metrics(g, {Metric::Community, Metric::PageRank}, seeded);
    const auto c = aggregate_by_community(g, metrics, options);
    EXPECT_EQ(c.node_of_vertex, a.node_of_vertex);
}

TEST(Aggregate, TheViewFileRecordsTheAggregationAndReadsItBack) {
    ViewSpec view;
    view.aggregate.by = AggregateBy::Community;
    view.aggregate.label_members = 3;
    view.aggregate.label_metric = Metric::Degree;
    view.aggregate.seed = 9;
    const auto json = to_json(view);
    EXPECT_EQ(json["aggregate"]["by"], "community");
    EXPECT_EQ(parse_view_spec(json).aggregate, view.aggregate);
    // The default is not written, so older view files stay as they were.
    EXPECT_FALSE(to_json(ViewSpec{}).contains("aggregate"));
}

TEST(Aggregate, ABadAggregateSectionIsAOneLineErrorNamingTheKey) {
    try {
        parse_view_spec_text(R"({"aggregate": {"by": "country"}})");
        FAIL() << "accepted";
    } catch (const ViewSpecError& e) {
        EXPECT_NE(std::string(e.what()).find("aggregate.by"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parse_view_spec_text(R"({"aggregate": {"label_metric": "fame"}})"), ViewSpecError);
    EXPECT_THROW(parse_view_spec_text(R"({"aggregate": {"colour": 1}})"), ViewSpecError);
}

} // namespace
} // namespace dossier::graph
