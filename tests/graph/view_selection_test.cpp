// select_view over the whole graph source (as the explorer keeps it) against
// GraphSnapshot::build (as `dossier export` selects, with the store's pre-filter), on the sample
// corpus imported by the real `dossier import`: the same entities and relations for each filter
// field alone and for all of them together.
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/view_selection.h"
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

namespace dossier::graph {
namespace {

struct Picked {
    std::set<std::int64_t> entities;
    std::set<std::int64_t> relations;
    bool operator==(const Picked&) const = default;
};

class SampleSelection : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir;
        const auto run =
            testing::run_cli("import '" + path().string() + "' '" + std::string(DOSSIER_DATA_DIR) +
                             "/samples' --exclude README.md --quiet");
        ASSERT_EQ(run.exit_code, 0) << run.out;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static std::filesystem::path path() { return dir_->path() / "samples.dossier"; }

    store::Project project = store::Project::open(path(), store::OpenMode::ReadOnly);
    store::GraphSource whole = store::load_graph_source(project);

    Picked by_snapshot(const GraphFilter& filter) {
        const auto s = GraphSnapshot::build(project, filter);
        Picked out;
        for (Vertex v = 0; v < s.node_count(); ++v)
            out.entities.insert(s.entity(v).value);
        for (const auto& e : boost::make_iterator_range(boost::edges(s.graph())))
            out.relations.insert(s.edge(e).relation.value);
        return out;
    }
    Picked by_selection(const GraphFilter& filter) {
        const auto selection =
            select_view(whole, filter, selection_inputs(project, whole, filter, false));
        Picked out;
        for (auto i : selection.entities)
            out.entities.insert(whole.entities[i].id.value);
        for (auto i : selection.relations)
            out.relations.insert(whole.relations[i].id.value);
        return out;
    }
    // Both ways agree, and the filter narrowed the graph (else the comparison proves little).
    void expect_same(const GraphFilter& filter) {
        const auto expected = by_snapshot(filter);
        EXPECT_EQ(by_selection(filter), expected);
        EXPECT_LT(expected.entities.size(), by_snapshot({}).entities.size());
        EXPECT_FALSE(expected.entities.empty());
    }
    // The relation type with most relations and the entity with most relations.
    std::string common_relation_type() const {
        std::map<std::uint32_t, int> count;
        for (const auto& r : whole.relations)
            ++count[r.type];
        auto best = std::max_element(count.begin(), count.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; });
        return whole.relation_types[best->first];
    }
    EntityId busiest_entity() const {
        std::map<std::int64_t, int> count;
        for (const auto& r : whole.relations)
            ++count[r.source.value], ++count[r.target.value];
        auto best = std::max_element(count.begin(), count.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; });
        return EntityId{best->first};
    }

private:
    static testing::TempDir* dir_;
};
testing::TempDir* SampleSelection::dir_ = nullptr;

TEST_F(SampleSelection, NoFilterSelectsTheWholeSnapshot) {
    EXPECT_EQ(by_selection({}), by_snapshot({}));
}

TEST_F(SampleSelection, EntityTypesAgree) {
    GraphFilter f;
    f.entity_types = {EntityType::Person, EntityType::Country};
    expect_same(f);
}

TEST_F(SampleSelection, RelationTypesAgree) {
    GraphFilter f;
    f.relation_types = {common_relation_type()};
    expect_same(f);
}

TEST_F(SampleSelection, MinimumWeightAgrees) {
    GraphFilter f;
    f.min_weight = 2;
    expect_same(f);
}

TEST_F(SampleSelection, MinimumDegreeCountsDistinctNeighboursInBoth) {
    GraphFilter f;
    f.min_degree = 3;
    expect_same(f);
}

TEST_F(SampleSelection, DateRangeByEvidenceDocumentsAgrees) {
    GraphFilter f;
    f.date_from = "1980-03";
    f.date_to = "1980-05";
    expect_same(f);
}

TEST_F(SampleSelection, FullTextAndDocumentIdsAgree) {
    GraphFilter f;
    f.document_query = "embassy";
    expect_same(f);
    f = {};
    f.document_ids = {DocumentId{1}, DocumentId{2}};
    expect_same(f);
}

TEST_F(SampleSelection, NameQueryAgrees) {
    GraphFilter f;
    const auto busiest = whole.entities[static_cast<std::size_t>(
        std::find_if(whole.entities.begin(), whole.entities.end(),
                     [&](const auto& e) { return e.id == busiest_entity(); }) -
        whole.entities.begin())];
    f.name_query = busiest.name.substr(0, 5);
    expect_same(f);
}

TEST_F(SampleSelection, EgoNetworkAgrees) {
    GraphFilter f;
    f.ego_entities = {busiest_entity()};
    f.ego_hops = 1;
    expect_same(f);
}

TEST_F(SampleSelection, TopNAgrees) {
    GraphFilter f;
    f.top_metric = "pagerank";
    f.top_n = 10;
    expect_same(f);
}

TEST_F(SampleSelection, EveryFieldTogetherAgrees) {
    GraphFilter f;
    f.entity_types = {EntityType::Person, EntityType::Country, EntityType::Organization,
                      EntityType::Document};
    f.min_weight = 1;
    f.date_from = "1980";
    f.date_to = "1980-12";
    f.min_degree = 2;
    f.top_metric = "degree";
    f.top_n = 20;
    expect_same(f);
}

} // namespace
} // namespace dossier::graph
