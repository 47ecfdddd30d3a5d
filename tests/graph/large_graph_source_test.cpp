// A project large enough (150,000 relations, some deleted) that load_graph_source shares the
// relation scan between two connections and threads (chunks from the bottom and from the top),
// and the snapshot builds its simple view on a second thread while it fills its edge lists: the
// result must be exactly what the data says, in id order.
#include "dossier/graph/graph_snapshot.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <map>
#include <memory>

namespace dossier {
namespace {

constexpr std::size_t kEntities = 1000;
constexpr std::size_t kRelations = 150'000;
const std::array<std::string, 5> kTypes{"co_occurs_sentence", "cooperates_with", "opposes",
                                        "supplies", "member_of"};

struct Written {
    EntityId source, target;
    std::string type;
    bool directed = false;
    double weight = 1.0;
    std::string date;
    int document = 0; // 0 or 1
};

// Written once for the suite (150,000 relations take seconds); no test commits to it.
class LargeGraphSource : public ::testing::Test {
protected:
    static inline std::unique_ptr<testing::TempDir> dir;
    static inline std::filesystem::path path;
    static inline std::vector<bool> rejected;
    static inline std::map<std::int64_t, Written> relations; // by relation id

    static void TearDownTestSuite() { dir.reset(); }
    static void SetUpTestSuite() {
        dir = std::make_unique<testing::TempDir>();
        path = *dir / "large.dossier";
        std::array<DocumentId, 2> documents{};
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        store::Transaction tx(project);
        store::DocumentStore docs(project);
        for (int d = 0; d < 2; ++d) {
            Document doc;
            doc.sha256 = "large-" + std::to_string(d);
            doc.source_path = "large/" + std::to_string(d) + ".txt";
            doc.format = "text";
            doc.title = "Document " + std::to_string(d);
            doc.date = *parse_iso_date(d == 0 ? "1970-05-01" : "1990-05-01");
            doc.text = "A sentence about everyone.";
            documents[static_cast<std::size_t>(d)] = docs.insert(doc, doc.text.size());
        }
        store::GraphSourceWriter w(project);
        std::vector<EntityId> ids;
        for (std::size_t i = 0; i < kEntities; ++i) {
            rejected.push_back(i % 97 == 5);
            ids.push_back(
                w.add_entity(EntityType::Person, "Person " + std::to_string(i), rejected.back()));
        }
        for (std::size_t i = 0; i < kRelations; ++i) {
            Written r;
            r.source = ids[i % kEntities];
            r.target = ids[(i * 7 + 1) % kEntities];
            // The upper half meets the types in another order than the lower half, so that the
            // two halves intern them differently.
            r.type = kTypes[i < kRelations / 2 ? i % 5 : 4 - i % 5];
            r.directed = i % 2 == 1;
            r.weight = 1.0 + static_cast<double>(i % 3);
            r.document = i % 4 == 0 ? 0 : 1; // 112,500 in document 1: enough for two halves
            r.date = r.document == 0 ? "1970-05-01" : "1990-05-01";
            const auto id =
                w.add_relation(r.type, r.source, r.target, r.directed, r.weight, r.date, r.date);
            w.add_evidence(id, documents[static_cast<std::size_t>(r.document)], 0, 10);
            relations.emplace(id.value, r);
        }
        // Gaps in the ids, as deletions leave them: a run longer than one chunk of the split
        // between the two readers, and holes every seventh id. Document 1 keeps more than
        // 100,000 relations, so a document filter still uses both readers.
        store::CurationStore curation(project);
        auto erase = [&](std::int64_t id) {
            curation.delete_relation(RelationId{id});
            relations.erase(id);
        };
        for (std::int64_t id = 30'001; id <= 40'000; ++id)
            erase(id);
        for (std::int64_t id = 100'001; id <= 110'000; id += 7)
            erase(id);
        tx.commit();
    }

    static bool kept(EntityId id) { return !rejected[static_cast<std::size_t>(id.value - 1)]; }

    // What load_graph_source must return for `keep`, checked field by field in id order.
    template <class Keep> void expect_relations(const store::GraphSource& source, Keep keep) const {
        std::vector<std::int64_t> expected;
        for (const auto& [id, r] : relations)
            if (kept(r.source) && kept(r.target) && keep(r))
                expected.push_back(id);
        ASSERT_EQ(source.relations.size(), expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            const auto& got = source.relations[k];
            const auto& want = relations.at(expected[k]);
            ASSERT_EQ(got.id.value, expected[k]) << k;
            EXPECT_EQ(source.relation_types.at(got.type), want.type) << got.id.value;
            EXPECT_EQ(got.source, want.source) << got.id.value;
            EXPECT_EQ(got.target, want.target) << got.id.value;
            EXPECT_EQ(got.directed, want.directed) << got.id.value;
            EXPECT_EQ(got.weight, want.weight) << got.id.value;
            EXPECT_EQ(got.first_date.str(), want.date) << got.id.value;
            EXPECT_EQ(got.last_date.str(), want.date) << got.id.value;
        }
    }
};

TEST_F(LargeGraphSource, EveryKeptRelationInIdOrderWithItsOwnType) {
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    const auto source = store::load_graph_source(project, {});
    EXPECT_EQ(source.entities.size(),
              static_cast<std::size_t>(std::count(rejected.begin(), rejected.end(), false)));
    EXPECT_EQ(source.relation_types.size(), kTypes.size());
    expect_relations(source, [](const Written&) { return true; });
}

TEST_F(LargeGraphSource, WeightAndDocumentFiltersApplyToBothHalves) {
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    store::GraphSourceQuery heavy;
    heavy.min_weight = 2.0;
    expect_relations(store::load_graph_source(project, heavy),
                     [](const Written& r) { return r.weight >= 2.0; });
    store::GraphSourceQuery late;
    late.date_from = "1980";
    expect_relations(store::load_graph_source(project, late),
                     [](const Written& r) { return r.document == 1; });
}

TEST_F(LargeGraphSource, InsideTheCallersTransactionItSeesUncommittedRelations) {
    // A second connection could not see them: the load then reads everything on the caller's.
    auto project = store::Project::open(path, store::OpenMode::ReadWrite);
    store::Transaction tx(project);
    store::GraphSourceWriter w(project);
    const auto extra =
        w.add_relation("supplies", EntityId{1}, EntityId{2}, true, 5.0, "1999", "1999");
    const auto source = store::load_graph_source(project, {});
    ASSERT_FALSE(source.relations.empty());
    EXPECT_EQ(source.relations.back().id, extra);
    EXPECT_EQ(source.relations.size(),
              1 + static_cast<std::size_t>(
                      std::count_if(relations.begin(), relations.end(), [&](const auto& r) {
                          return kept(r.second.source) && kept(r.second.target);
                      })));
}

TEST_F(LargeGraphSource, SnapshotSimpleViewMatchesItsMultigraph) {
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    const auto snapshot = graph::GraphSnapshot::build(project, {});
    // The simple view, built on a second thread from the relations, against one built here
    // from the finished multigraph's edges.
    std::vector<graph::SimpleGraph::WeightedPair> pairs;
    for (auto e : boost::make_iterator_range(boost::edges(snapshot.graph())))
        pairs.push_back({static_cast<std::uint32_t>(boost::source(e, snapshot.graph())),
                         static_cast<std::uint32_t>(boost::target(e, snapshot.graph())),
                         snapshot.edge(e).weight});
    const auto expected = graph::SimpleGraph::from_pairs(snapshot.node_count(), std::move(pairs));
    EXPECT_GT(snapshot.edge_count(), 100'000u);
    EXPECT_EQ(snapshot.simple().offsets, expected.offsets);
    EXPECT_EQ(snapshot.simple().targets, expected.targets);
    EXPECT_EQ(snapshot.simple().weights, expected.weights);
    for (graph::Vertex v = 0; v < snapshot.node_count(); ++v)
        EXPECT_EQ(snapshot.vertex_of(snapshot.entity(v)), v);
}

// The out- and in-edge lists are filled on the build's own thread while the simple view is
// built on another: every relation must be in the out-list of its source and the in-list of its
// target, with its own ends and weight.
TEST_F(LargeGraphSource, EveryRelationIsInTheEdgeListsOfBothEnds) {
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    const auto snapshot = graph::GraphSnapshot::build(project, {});
    const auto& g = snapshot.graph();
    std::size_t out_total = 0, in_total = 0;
    for (graph::Vertex v = 0; v < snapshot.node_count(); ++v) {
        for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
            const auto& want = relations.at(snapshot.edge(e).relation.value);
            ASSERT_EQ(snapshot.entity(v), want.source);
            ASSERT_EQ(snapshot.entity(boost::target(e, g)), want.target);
            ASSERT_EQ(snapshot.edge(e).weight, want.weight);
            ++out_total;
        }
        for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
            const auto& want = relations.at(snapshot.edge(e).relation.value);
            ASSERT_EQ(snapshot.entity(v), want.target);
            ASSERT_EQ(snapshot.entity(boost::source(e, g)), want.source);
            ++in_total;
        }
    }
    EXPECT_EQ(out_total, snapshot.edge_count());
    EXPECT_EQ(in_total, snapshot.edge_count());
}

} // namespace
} // namespace dossier
