// Snapshots built from the real corpus (../shared/corpus, skipped when absent): the seed cable
// and the FRUS excerpt imported into one project, entities and relations extracted, then
// snapshots under each kind of filter, checked against what the documents say.
#include "dossier/extract/extraction.h"
#include "dossier/extract/relation_pipeline.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/importers/text_importer.h"
#include "dossier/store/document_store.h"
#include "test_support.h"

#include <algorithm>
#include <functional>
#include <gtest/gtest.h>
#include <set>

using namespace dossier;
using dossier::testing::TempDir;

namespace {

constexpr const char* kSeed = "cc-cpsu-politburo-p217-57-1980.txt";
constexpr const char* kFrus = "frus-1958-60v13-excerpt.xml";

// The twelve addressees of the seed cable's header, by the surname the header gives.
const std::vector<std::string> kAddressees{"Brezhnev",  "Kosygyn", "Andropov", "Gromyko",
                                           "Kirilenko", "Suslov",  "Tikhonov", "Ustinov",
                                           "Ponomarev", "Rusakov", "Zamiatin", "Smirtyukov"};

class CorpusSnapshot : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!std::filesystem::exists(dossier::testing::shared_corpus(kSeed)) ||
            !std::filesystem::exists(dossier::testing::shared_corpus(kFrus)))
            return;
        dir_ = new TempDir;
        project_ = new store::Project(
            store::Project::open(*dir_ / "corpus.dossier", store::OpenMode::CreateIfMissing));
        import(kSeed, *importers::make_text_importer());
        import(kFrus, *importers::make_tei_importer());
        extract::run_extraction(*project_, std::vector<DocumentId>{});
        extract::run_relation_extraction(*project_);
    }
    static void TearDownTestSuite() {
        delete project_;
        delete dir_;
        project_ = nullptr;
        dir_ = nullptr;
    }
    static void import(const char* file, importers::Importer& importer) {
        const auto path = dossier::testing::shared_corpus(file);
        const auto bytes = dossier::testing::read_file(path);
        auto documents = importer.read(path.string(), bytes);
        store::Transaction tx(*project_);
        store::DocumentStore store(*project_);
        int n = 0;
        for (auto& doc : documents) {
            if (doc.sha256.empty())
                doc.sha256 = std::string(file) + "#" + std::to_string(n++);
            store.insert(doc, bytes.size());
        }
        tx.commit();
    }

    static graph::GraphSnapshot build(const graph::GraphFilter& filter) {
        return graph::GraphSnapshot::build(*project_, filter);
    }
    // Names of the snapshot's nodes.
    static std::set<std::string> names(const graph::GraphSnapshot& s) {
        std::set<std::string> out;
        for (graph::Vertex v = 0; v < s.node_count(); ++v)
            out.insert(s.node(v).name);
        return out;
    }
    // True when some node's name contains `part` (canonical names may carry first names).
    static bool has_node_like(const graph::GraphSnapshot& s, const std::string& part) {
        for (const auto& name : names(s))
            if (name.find(part) != std::string::npos)
                return true;
        return false;
    }

    static inline TempDir* dir_ = nullptr;
    static inline store::Project* project_ = nullptr;
};

TEST_F(CorpusSnapshot, EgoNetworkOfBrezhnevHoldsTheOtherAddresseesThroughTheCable) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    graph::GraphFilter f;
    f.ego_names = {"Brezhnev"};
    f.ego_hops = 2;
    f.relation_types = {"addressed_to"};
    const auto s = build(f);
    for (const auto& name : kAddressees)
        EXPECT_TRUE(has_node_like(s, name)) << name;
    // Officials plus the cable that addresses them, and nothing reached through FRUS.
    std::size_t documents = 0;
    for (graph::Vertex v = 0; v < s.node_count(); ++v)
        documents += s.node(v).type == EntityType::Document;
    EXPECT_EQ(documents, 1u);
    EXPECT_EQ(s.node_count(), kAddressees.size() + 1);
}

TEST_F(CorpusSnapshot, DateRangeWithout1980DropsTheCable) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    graph::GraphFilter in_1980;
    in_1980.date_from = "1980";
    in_1980.date_to = "1980";
    const auto cable = build(in_1980);
    EXPECT_TRUE(has_node_like(cable, "Brezhnev"));
    EXPECT_TRUE(has_node_like(cable, "Gromyko"));

    graph::GraphFilter frus_years;
    frus_years.date_from = "1958";
    frus_years.date_to = "1960";
    const auto frus = build(frus_years);
    EXPECT_GT(frus.node_count(), 0u);
    for (const auto& name : kAddressees)
        EXPECT_FALSE(has_node_like(frus, name)) << name;
    // No relation in the 1958-1960 view was read in 1980.
    for (auto e : boost::make_iterator_range(boost::edges(frus.graph())))
        EXPECT_NE(frus.edge(e).first_date.view().substr(0, 4), "1980");
}

TEST_F(CorpusSnapshot, EntityAndRelationTypeFiltersKeepOnlyThoseTypes) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    graph::GraphFilter countries;
    countries.entity_types = {EntityType::Country};
    const auto c = build(countries);
    ASSERT_GT(c.node_count(), 3u);
    for (graph::Vertex v = 0; v < c.node_count(); ++v)
        EXPECT_EQ(c.node(v).type, EntityType::Country) << c.node(v).name;
    EXPECT_TRUE(has_node_like(c, "China"));
    EXPECT_TRUE(has_node_like(c, "India"));

    graph::GraphFilter addressed;
    addressed.relation_types = {"addressed_to"};
    const auto a = build(addressed);
    ASSERT_GT(a.edge_count(), 12u); // the cable's twelve plus FRUS heads
    for (auto e : boost::make_iterator_range(boost::edges(a.graph())))
        EXPECT_EQ(a.relation_type_name(a.edge(e).type), "addressed_to");
}

TEST_F(CorpusSnapshot, FullTextQuerySelectsTheDocumentsThatSayIt) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    // "hegemonism" is a word of the cable, not of FRUS: only relations read in the cable remain.
    graph::GraphFilter f;
    f.document_query = "hegemonism";
    const auto s = build(f);
    EXPECT_TRUE(has_node_like(s, "Brezhnev"));
    // Every relation kept was read in the cable, so its dates reach 1980 (a relation also read in
    // FRUS starts earlier).
    ASSERT_GT(s.edge_count(), 0u);
    for (auto e : boost::make_iterator_range(boost::edges(s.graph())))
        EXPECT_EQ(s.edge(e).last_date.view().substr(0, 4), "1980");

    graph::GraphFilter nothing;
    nothing.document_query = "zzzunheardofword";
    const auto empty = build(nothing);
    EXPECT_EQ(empty.node_count(), 0u);
    EXPECT_EQ(empty.edge_count(), 0u);
}

TEST_F(CorpusSnapshot, TopNByPageRankAndCommunitiesOnTheWholeCorpus) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    const auto all = build({});
    ASSERT_GT(all.node_count(), 20u);
    const auto m = graph::compute_metrics(all, {graph::Metric::PageRank, graph::Metric::Community});
    ASSERT_EQ(m.pagerank.size(), all.node_count());
    double total = 0;
    for (double x : m.pagerank)
        total += x;
    EXPECT_NEAR(total, 1.0, 1e-6);
    ASSERT_TRUE(m.modularity);
    EXPECT_GT(*m.modularity, 0.0); // two archives, two decades: there is structure
    graph::GraphFilter top;
    top.top_metric = "pagerank";
    top.top_n = 5;
    const auto five = build(top);
    EXPECT_EQ(five.node_count(), 5u);
    // The five kept are the five highest PageRank nodes of the whole graph.
    std::vector<double> ranks = m.pagerank;
    std::sort(ranks.begin(), ranks.end(), std::greater<>());
    for (graph::Vertex v = 0; v < five.node_count(); ++v) {
        const auto in_all = all.vertex_of(five.entity(v));
        ASSERT_TRUE(in_all);
        EXPECT_GE(m.pagerank[*in_all], ranks[4] - 1e-12) << five.node(v).name;
    }
}

} // namespace
