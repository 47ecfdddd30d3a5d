// export_graph_for_view on a project written here: the aggregated graph a writer gets (ids,
// member counts, summed edges, the evidence of member relations) and what its reduction says.
#include "dossier/export/view_graph.h"
#include "dossier/model/document.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <set>

namespace dossier::exporting {
namespace {

using dossier::testing::TempDir;

// Two triangles of officials joined by two relations, each relation quoted from one document.
class AggregateExport : public ::testing::Test {
protected:
    void SetUp() override {
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        store::Transaction tx(project);
        Document doc;
        doc.sha256 = "sha-cable";
        doc.source_path = "cable.txt";
        doc.format = "text";
        doc.title = "Telegram 1742";
        doc.date = *parse_iso_date("1980-03-14");
        doc.text = "Sentence zero. Sentence one. Sentence two. Sentence three. Sentence four. "
                   "Sentence five. Sentence six. Sentence seven.";
        const auto cable = store::DocumentStore(project).insert(doc, doc.text.size());
        store::GraphSourceWriter w(project);
        std::vector<EntityId> people;
        for (const char* name : {"Ann", "Bob", "Cid", "Dan", "Eve", "Fay"})
            people.push_back(w.add_entity(EntityType::Person, name));
        const std::vector<std::tuple<int, int, const char*, double>> relations{
            {0, 1, "met_with", 3}, {1, 2, "met_with", 3}, {0, 2, "met_with", 3},
            {3, 4, "met_with", 3}, {4, 5, "met_with", 3}, {3, 5, "met_with", 3},
            {2, 3, "supports", 1}, {0, 5, "opposes", 2}};
        std::uint32_t at = 0;
        for (const auto& [a, b, type, weight] : relations) {
            const auto id = w.add_relation(type, people[static_cast<std::size_t>(a)],
                                           people[static_cast<std::size_t>(b)], false, weight,
                                           "1980-03-14", "1980-03-14");
            const auto start = static_cast<std::uint32_t>(doc.text.find("Sentence", at));
            const auto end = static_cast<std::uint32_t>(doc.text.find('.', start) + 1);
            w.add_evidence(id, cable, start, end);
            at = end;
        }
        tx.commit();
    }

    TempDir dir;
    std::filesystem::path path = dir / "groups.dossier";
};

TEST_F(AggregateExport, TwoGroupsBecomeTwoCommunityNodesJoinedByOneEdgeWithBothRelations) {
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    graph::ViewSpec view;
    view.aggregate.by = graph::AggregateBy::Community;
    const auto g = export_graph_for_view(project, view, {}, true);
    ASSERT_EQ(g.nodes.size(), 2u);
    double members = 0;
    for (const auto& node : g.nodes) {
        EXPECT_EQ(node.id.front(), 'c');
        EXPECT_EQ(node.type, "community");
        EXPECT_DOUBLE_EQ(node.metric("internal_weight").value_or(0), 9.0);
        members += node.metric("members").value_or(0);
        EXPECT_EQ(node.first_date, "1980-03-14");
    }
    EXPECT_EQ(members, 6.0);
    ASSERT_EQ(g.edges.size(), 1u);
    EXPECT_EQ(g.edges[0].id, "c0-c1");
    EXPECT_DOUBLE_EQ(g.edges[0].weight, 3.0);
    EXPECT_EQ(g.edges[0].type, "opposes"); // weight 2 of the 3
    EXPECT_FALSE(g.edges[0].directed);
    std::set<std::string> quoted;
    for (const auto& evidence : g.edges[0].evidence)
        quoted.insert(evidence.sentence);
    EXPECT_EQ(quoted, (std::set<std::string>{"Sentence six.", "Sentence seven."}));
    ASSERT_EQ(g.documents.size(), 1u);
    EXPECT_EQ(g.documents[0].title, "Telegram 1742");
    EXPECT_EQ(g.reduction.communities, 2u);
    EXPECT_EQ(g.reduction.entities, 6u);
}

TEST_F(AggregateExport, TopNAndMinimumWeightAreRecordedInTheReduction) {
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    graph::ViewSpec view;
    view.filter.top_metric = "degree";
    view.filter.top_n = 4;
    view.filter.min_weight = 2;
    const auto g = export_graph_for_view(project, view, {graph::Metric::Degree}, false);
    EXPECT_EQ(g.nodes.size(), 4u);
    for (const auto& edge : g.edges)
        EXPECT_GE(edge.weight, 2.0);
    EXPECT_EQ(g.reduction.entities, 6u); // the weight-1 relation's ends keep other relations
    EXPECT_EQ(g.reduction.top_nodes, 4u);
    EXPECT_EQ(g.reduction.top_metric, "degree");
    EXPECT_EQ(g.reduction.min_weight, 2.0);
}

} // namespace
} // namespace dossier::exporting
