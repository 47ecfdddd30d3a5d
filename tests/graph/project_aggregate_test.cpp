// The overview's aggregation (aggregate_over_project): the project's communities folded, those
// unfolded or too small drawn as their entities, relations between two entities kept one by one,
// and the view file's "scope", "unfolded", "min_members" and "filter.hidden" read back.
#include "dossier/graph/aggregate.h"
#include "dossier/graph/project_communities.h"
#include "dossier/graph/view_spec.h"

#include <gtest/gtest.h>

namespace dossier::graph {
namespace {

NodeInfo person(std::int64_t id, std::string name) {
    NodeInfo node;
    node.entity = EntityId{id};
    node.name = std::move(name);
    return node;
}

// Two triangles {Ann, Bob, Cid} and {Dan, Eve, Fay} joined by Cid-Dan, and Gus alone with Fay.
GraphSnapshot two_triangles() {
    std::vector<NodeInfo> nodes{person(1, "Ann"), person(2, "Bob"), person(3, "Cid"),
                                person(4, "Dan"), person(5, "Eve"), person(6, "Fay"),
                                person(7, "Gus")};
    std::vector<GraphSnapshot::PlainEdge> edges{
        {0, 1, "met_with", false, 3.0}, {1, 2, "met_with", false, 3.0},
        {0, 2, "met_with", false, 3.0}, {3, 4, "met_with", false, 3.0},
        {4, 5, "met_with", false, 3.0}, {3, 5, "met_with", false, 3.0},
        {2, 3, "advises", true, 1.0},   {5, 6, "advises", true, 0.5},
    };
    return GraphSnapshot::from_edges(std::move(nodes), edges);
}

// The communities by hand: Gus forms a community of one.
ProjectCommunities known_communities() {
    ProjectCommunities p;
    p.communities = {{{EntityId{3}, EntityId{1}, EntityId{2}}, {"Cid", "Ann", "Bob"}},
                     {{EntityId{4}, EntityId{5}, EntityId{6}}, {"Dan", "Eve", "Fay"}},
                     {{EntityId{7}}, {"Gus"}}};
    for (int c = 0; c < 3; ++c)
        for (std::size_t k = 0; k < p.communities[static_cast<std::size_t>(c)].members.size();
             ++k) {
            const auto id = p.communities[static_cast<std::size_t>(c)].members[k].value;
            p.community_of[id] = c;
            p.rank_of[id] = static_cast<int>(k);
        }
    return p;
}

AggregateOptions overview(std::vector<int> unfolded = {}) {
    AggregateOptions o;
    o.by = AggregateBy::Community;
    o.scope = AggregateScope::Project;
    o.min_members = 2;
    o.unfolded = std::move(unfolded);
    return o;
}

TEST(ProjectAggregate, FoldsCommunitiesAndDrawsACommunityOfOneAsItsEntity) {
    const auto g = two_triangles();
    const auto a = aggregate_over_project(g, known_communities(), overview());
    ASSERT_EQ(a.nodes.size(), 3u);
    EXPECT_EQ(a.nodes[0].id, "c0");
    EXPECT_EQ(a.nodes[0].label, "Cid, Ann +1");
    EXPECT_EQ(a.nodes[1].id, "c1");
    EXPECT_TRUE(a.nodes[2].is_entity);
    EXPECT_EQ(a.nodes[2].id, "7");
    EXPECT_EQ(a.nodes[2].label, "Gus");
    ASSERT_EQ(a.edges.size(), 2u); // c0-c1, and c1-Gus summed
    EXPECT_TRUE(a.edges[0].merged && a.edges[1].merged);
    EXPECT_EQ(a.nodes[0].internal_relations, 3u);
}

TEST(ProjectAggregate, AnUnfoldedCommunityIsDrawnAsItsEntitiesWithTheirOwnRelations) {
    const auto g = two_triangles();
    const auto a = aggregate_over_project(g, known_communities(), overview({0}));
    // c1 folded, Ann, Bob, Cid and Gus themselves.
    ASSERT_EQ(a.nodes.size(), 5u);
    EXPECT_EQ(a.nodes[0].id, "c1");
    std::size_t kept = 0, summed = 0;
    for (const auto& edge : a.edges) {
        if (edge.merged) {
            ++summed;
            continue;
        }
        ++kept;
        ASSERT_EQ(edge.relations.size(), 1u);
        EXPECT_TRUE(a.nodes[edge.source].is_entity && a.nodes[edge.target].is_entity);
    }
    EXPECT_EQ(kept, 3u);   // the triangle's relations, one edge each
    EXPECT_EQ(summed, 2u); // Cid-c1 and c1-Gus
}

TEST(ProjectAggregate, LabelsCountTheProjectsMembersWhateverTheFilterLeaves) {
    // The filter left Ann and Dan only: their communities keep the project's label and count.
    std::vector<NodeInfo> nodes{person(1, "Ann"), person(4, "Dan")};
    const auto g = GraphSnapshot::from_edges(std::move(nodes), {});
    const auto a = aggregate_over_project(g, known_communities(), overview());
    ASSERT_EQ(a.nodes.size(), 2u);
    EXPECT_EQ(a.nodes[0].label, "Cid, Ann +1");
    EXPECT_EQ(a.nodes[0].stands_for, 3u);
    EXPECT_EQ(a.nodes[0].members.size(), 1u);
}

TEST(ProjectAggregate, ProjectCommunitiesAreDeterministicAndRankByPageRank) {
    const auto g = two_triangles();
    const auto first = project_communities(g, 1);
    const auto second = project_communities(g, 1);
    ASSERT_EQ(first.communities.size(), second.communities.size());
    for (std::size_t c = 0; c < first.communities.size(); ++c)
        EXPECT_EQ(first.communities[c].members, second.communities[c].members);
    // Cid and Dan, the bridge's ends, are the most central of their triangles.
    EXPECT_EQ(
        first.communities[static_cast<std::size_t>(first.community(EntityId{1}))].members.front(),
        EntityId{3});
    EXPECT_EQ(first.community(EntityId{99}), -1);
}

TEST(ProjectAggregate, ACancelledTokenStopsTheCommunitiesAndSaysSo) {
    CancelToken token;
    token.cancel();
    const auto stopped = project_communities(two_triangles(), 1, JobControl{token});
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_TRUE(stopped.communities.empty());
    EXPECT_TRUE(stopped.vertex_community.empty());
}

TEST(ProjectAggregate, TheViewFileRecordsScopeUnfoldedAndHiddenAndReadsThemBack) {
    ViewSpec view;
    view.aggregate = overview({4, 9});
    view.filter.hidden_entities = {EntityId{12}, EntityId{40}};
    const auto again = parse_view_spec(to_json(view));
    EXPECT_EQ(again.aggregate, view.aggregate);
    EXPECT_EQ(again.filter, view.filter);
    EXPECT_THROW(parse_view_spec_text(R"({"aggregate": {"scope": "world"}})"), ViewSpecError);
    EXPECT_THROW(parse_view_spec_text(R"({"filter": {"hidden": ["Ann"]}})"), ViewSpecError);
}

} // namespace
} // namespace dossier::graph
