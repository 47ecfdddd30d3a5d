#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"
#include "dossier/store/schema_audit.h"
#include "dossier/store/store_error.h"
#include "test_support.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <string>
#include <vector>

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

    // One extracted relation of `type`, committed.
    void commit_one(const std::string& type) {
        Transaction tx(project);
        RelationStore(project).insert(relation(type));
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

namespace {
// The names of the indexes on the two relation tables, sorted, as SQLite lists them.
std::vector<std::string> relation_indexes(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
                       "('relations', 'relation_evidence') AND sql IS NOT NULL ORDER BY name",
                       -1, &stmt, nullptr);
    std::vector<std::string> names;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return names;
}

const std::vector<std::string> kRelationIndexes{"relation_evidence_document",
                                                "relation_evidence_relation", "relations_source",
                                                "relations_target", "relations_type"};
} // namespace

// replace_extracted sets the relation indexes aside while it writes and builds them again: the
// project keeps exactly the schema its version defines (the audit at open would refuse anything
// else), and the indexes answer afterwards.
TEST(RelationStore, ReplacingExtractedLeavesTheSchemaItsVersionDefines) {
    Fixture f;
    RelationStore store(f.project);
    {
        Transaction tx(f.project);
        store.replace_extracted({f.relation("supports"), f.relation("opposes")});
        tx.commit();
    }
    const auto path = f.dir / "p.dossier";
    EXPECT_EQ(relation_indexes(path), kRelationIndexes);
    EXPECT_TRUE(audit_project_schema(path).empty());
    EXPECT_EQ(store.list("opposes").size(), 1u);
    EXPECT_EQ(store.count("extract"), 2u);
}

// A write that fails halfway (here a relation whose entity does not exist, refused by the foreign
// key) leaves the previous relations and every index, even inside a transaction that goes on.
TEST(RelationStore, AFailedReplaceBringsTheIndexesAndRelationsBack) {
    Fixture f;
    RelationStore store(f.project);
    f.commit_one("supports");
    {
        Transaction tx(f.project);
        auto dangling = f.relation("opposes");
        dangling.target = EntityId{999};
        EXPECT_THROW(store.replace_extracted({f.relation("opposes"), dangling}), StoreError);
        tx.commit();
    }
    const auto path = f.dir / "p.dossier";
    EXPECT_EQ(relation_indexes(path), kRelationIndexes);
    EXPECT_TRUE(audit_project_schema(path).empty());
    ASSERT_EQ(store.list().size(), 1u);
    EXPECT_EQ(store.list()[0].relation.type, "supports");
}

TEST(RelationStore, AnUncommittedReplaceLeavesThePreviousRelations) {
    Fixture f;
    RelationStore store(f.project);
    f.commit_one("supports");
    {
        Transaction tx(f.project);
        store.replace_extracted({});
        // destroyed without commit: a cancelled run
    }
    ASSERT_EQ(store.list().size(), 1u);
    EXPECT_EQ(store.list()[0].relation.type, "supports");
}

namespace {

// Every column of every row of the two relation tables, in id order, as text.
std::string relation_tables(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    std::string out;
    for (const char* sql :
         {"SELECT * FROM relations ORDER BY id", "SELECT * FROM relation_evidence ORDER BY id"}) {
        sqlite3_stmt* stmt = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                const auto* text = sqlite3_column_text(stmt, c);
                out += text ? reinterpret_cast<const char*>(text) : "NULL";
                out += '|';
            }
            out += '\n';
        }
        sqlite3_finalize(stmt);
        out += "--\n";
    }
    sqlite3_close(db);
    return out;
}

// More than two statements' worth of relations at the writer's batch sizes (256 relations, 1,024
// evidence rows to an INSERT), and a remainder written row by row.
constexpr int kRelationsToWrite = 256 * 2 + 5;

// Relations of every shape the writer batches differently: more than one statement's worth of
// relations and evidence rows, counts that are no multiple of a batch, relations without
// evidence or without dates.
std::vector<Relation> many_relations(const Fixture& f, int count, int salt) {
    std::vector<Relation> result;
    for (int i = 0; i < count; ++i) {
        auto r = f.relation(i % 3 == 0 ? "supports" : "co_occurs_sentence");
        r.weight = i + salt;
        r.specificity = 1.0 / (i + 1);
        r.directed = i % 2 == 0;
        if (i % 5 == 0)
            r.first_date = r.last_date = PartialDate{};
        r.evidence.clear();
        for (int e = 0; e < (i * 37 + salt) % 150; ++e)
            r.evidence.push_back({f.doc,
                                  {static_cast<std::uint32_t>(e), 26},
                                  {static_cast<std::uint32_t>(i), 9},
                                  {16, static_cast<std::uint32_t>(25 + e)}});
        result.push_back(std::move(r));
    }
    return result;
}

} // namespace

TEST(RelationStore, ReplacingExtractedStoresExactlyWhatOneInsertPerRowStores) {
    Fixture batched;
    Fixture row_by_row;
    for (auto* f : {&batched, &row_by_row}) {
        RelationStore store(f->project);
        Transaction tx(f->project);
        store.insert(f->relation("supports"));                // replaced below
        store.insert(f->relation("allied_with"), "curation"); // kept, the largest id
        tx.commit();
    }
    // Twice: the second run replaces the first run's rows, as a re-extraction does.
    for (const int salt : {0, 7}) {
        {
            RelationStore store(batched.project);
            Transaction tx(batched.project);
            store.replace_extracted(many_relations(batched, kRelationsToWrite, salt));
            tx.commit();
        }
        {
            // The reference: one INSERT per relation and per evidence row, ids from SQLite.
            RelationStore store(row_by_row.project);
            Transaction tx(row_by_row.project);
            store.replace_extracted({});
            for (const auto& r : many_relations(row_by_row, kRelationsToWrite, salt))
                store.insert(r, "extract");
            tx.commit();
        }
        const auto expected = relation_tables(row_by_row.dir / "p.dossier");
        ASSERT_GT(expected.size(), 50000u) << "the reference wrote too little to prove much";
        EXPECT_EQ(relation_tables(batched.dir / "p.dossier"), expected) << "salt " << salt;
    }
}

TEST(RelationStore, ReplacingExtractedNextToTheLargestPossibleIdStillStoresEveryRow) {
    Fixture f;
    RelationStore store(f.project);
    {
        Transaction tx(f.project);
        store.insert(f.relation("allied_with"), "curation");
        tx.commit();
    }
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((f.dir / "p.dossier").c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db,
                               "UPDATE relation_evidence SET relation_id = 9223372036854775800;"
                               " UPDATE relations SET id = 9223372036854775800",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    const auto relations = many_relations(f, 20, 3);
    {
        Transaction tx(f.project);
        store.replace_extracted(relations); // no room for 20 consecutive ids after the largest
        tx.commit();
    }
    EXPECT_EQ(store.count("extract"), 20u);
    std::size_t evidence = 0;
    for (const auto& row : store.list("", true))
        if (row.origin == "extract")
            evidence += row.relation.evidence.size();
    std::size_t expected = 0;
    for (const auto& r : relations)
        expected += r.evidence.size();
    EXPECT_EQ(evidence, expected);
}
