#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    Project project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentId doc;
    EntityId a, b;

    Fixture() {
        Transaction tx(project);
        Document d;
        d.sha256 = "h1";
        d.source_path = "memo.txt";
        d.format = "text";
        d.title = "Memo";
        d.date = *parse_iso_date("1962-10-16");
        d.text = "Ruritania helps Osterlich.";
        doc = DocumentStore(project).insert(d, 10);
        EntityStore entities(project);
        a = entities.find_or_create(EntityType::Country, "ruritania", "Ruritania");
        b = entities.find_or_create(EntityType::Country, "osterlich", "Osterlich");
        tx.commit();
    }

    Relation relation(const std::string& type) const {
        Relation r;
        r.type = type;
        r.source = a;
        r.target = b;
        r.directed = true;
        r.weight = 2;
        r.specificity = 0.25;
        r.first_date = *parse_iso_date("1962-10");
        r.last_date = *parse_iso_date("1962-10-16");
        r.confidence = 0.75;
        r.method = "pattern:supports.assist";
        r.evidence = {{doc, {0, 26}, {0, 9}, {16, 25}}, {doc, {0, 26}, {}, {16, 25}}};
        return r;
    }
};

} // namespace

TEST(RelationStore, RoundTripsEveryFieldAndEvidence) {
    Fixture f;
    RelationStore store(f.project);
    Transaction tx(f.project);
    const auto id = store.insert(f.relation("supports"));
    tx.commit();
    auto row = store.get(id);
    ASSERT_TRUE(row);
    const auto& r = row->relation;
    EXPECT_EQ(r.type, "supports");
    EXPECT_EQ(r.source, f.a);
    EXPECT_EQ(r.target, f.b);
    EXPECT_TRUE(r.directed);
    EXPECT_DOUBLE_EQ(r.weight, 2);
    EXPECT_DOUBLE_EQ(r.specificity, 0.25);
    EXPECT_EQ(r.first_date.iso(), "1962-10");
    EXPECT_EQ(r.last_date.iso(), "1962-10-16");
    EXPECT_DOUBLE_EQ(r.confidence, 0.75);
    EXPECT_EQ(r.method, "pattern:supports.assist");
    EXPECT_EQ(row->origin, "extract");
    EXPECT_EQ(row->source_name, "Ruritania");
    EXPECT_EQ(row->target_type, EntityType::Country);
    ASSERT_EQ(r.evidence.size(), 2u);
    EXPECT_EQ(r.evidence[0].document, f.doc);
    EXPECT_EQ(r.evidence[0].source_span, (Span{0, 9}));
    EXPECT_EQ(r.evidence[0].target_span, (Span{16, 25}));
    EXPECT_FALSE(store.get(RelationId{id.value + 100}));
}

TEST(RelationStore, ReplacingExtractedRelationsKeepsCurationRows) {
    Fixture f;
    RelationStore store(f.project);
    {
        Transaction tx(f.project);
        store.insert(f.relation("supports"));
        store.insert(f.relation("allied_with"), "curation");
        tx.commit();
    }
    {
        Transaction tx(f.project);
        store.replace_extracted({f.relation("opposes")});
        tx.commit();
    }
    auto rows = store.list();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].relation.type, "allied_with");
    EXPECT_EQ(rows[0].origin, "curation");
    EXPECT_EQ(rows[1].relation.type, "opposes");
    EXPECT_EQ(rows[1].relation.evidence.size(), 2u);
    EXPECT_EQ(store.count("extract"), 1u);
    EXPECT_EQ(store.list("opposes").size(), 1u);
    EXPECT_TRUE(store.list("member_of").empty());
}

TEST(RelationStore, AnUncommittedReplaceLeavesThePreviousRelations) {
    Fixture f;
    RelationStore store(f.project);
    {
        Transaction tx(f.project);
        store.insert(f.relation("supports"));
        tx.commit();
    }
    {
        Transaction tx(f.project);
        store.replace_extracted({});
        // destroyed without commit: a cancelled run
    }
    ASSERT_EQ(store.list().size(), 1u);
    EXPECT_EQ(store.list()[0].relation.type, "supports");
}
