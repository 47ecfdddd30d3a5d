#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {
DocumentId add_document(Project& project, const std::string& text, const std::string& date) {
    Document doc;
    doc.sha256 = "sha-" + text;
    doc.source_path = "t.txt";
    doc.format = "text";
    doc.text = text;
    if (auto d = parse_iso_date(date))
        doc.date = *d;
    return DocumentStore(project).insert(doc, text.size());
}
} // namespace

TEST(EntityStore, FindOrCreateIsIdempotentPerTypeAndKey) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    EntityStore entities(project);
    Transaction tx(project);
    auto a = entities.find_or_create(EntityType::Country, "iso:IN", "India");
    EXPECT_EQ(entities.find_or_create(EntityType::Country, "iso:IN", "Bharat"), a);
    EXPECT_NE(entities.find_or_create(EntityType::Place, "iso:IN", "India"), a);
    tx.commit();
}

TEST(EntityStore, ListsCountsAndDateRangeFromDocuments) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    EntityStore entities(project);
    Transaction tx(project);
    auto d1 = add_document(project, "India met India.", "1960-03-01");
    auto d2 = add_document(project, "India again.", "1961-05-02");
    auto india = entities.find_or_create(EntityType::Country, "iso:IN", "India");
    entities.add_alias(india, "Indian", "indian");
    entities.insert_mentions(
        {{MentionId{}, d1, {0, 5}, india, MentionMethod::Gazetteer, 0.9, "India"},
         {MentionId{}, d1, {10, 15}, india, MentionMethod::Gazetteer, 0.9, "India"},
         {MentionId{}, d2, {0, 5}, india, MentionMethod::Gazetteer, 0.9, "India"}});
    tx.commit();
    auto list = entities.list(EntityType::Country);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].mentions, 3);
    EXPECT_EQ(list[0].documents, 2);
    EXPECT_EQ(list[0].first_date, "1960-03-01");
    EXPECT_EQ(list[0].last_date, "1961-05-02");
    EXPECT_EQ(list[0].aliases, (std::vector<std::string>{"Indian"}));
    auto in_doc = entities.mentions_in_document(d1);
    ASSERT_EQ(in_doc.size(), 2u);
    EXPECT_EQ(in_doc[0].canonical_name, "India");
    EXPECT_EQ(in_doc[0].mention.method, MentionMethod::Gazetteer);
    EXPECT_EQ(entities.mentions_of(india).size(), 3u);
}

TEST(EntityStore, ClearExtractionKeepsDocumentEntities) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    EntityStore entities(project);
    Transaction tx(project);
    auto d1 = add_document(project, "Text.", "");
    auto doc_entity = entities.document_entity(d1, "A telegram");
    EXPECT_EQ(entities.document_entity(d1, "other title"), doc_entity);
    entities.find_or_create(EntityType::Person, "orlov:", "Orlov");
    entities.clear_extraction();
    tx.commit();
    EXPECT_EQ(entities.count(), 1u);
    EXPECT_TRUE(entities.get(doc_entity));
}

TEST(EntityStore, MergeMovesMentionsAndAliases) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    EntityStore entities(project);
    Transaction tx(project);
    auto d1 = add_document(project, "Kosygyn and Kosygin.", "");
    auto a = entities.find_or_create(EntityType::Person, "kosigin:", "Kosygyn");
    auto b = entities.find_or_create(EntityType::Person, "kosigin:a", "Aleksei Kosygin");
    entities.add_alias(a, "Kosygyn", "kosygyn");
    entities.insert_mentions({{MentionId{}, d1, {0, 7}, a, MentionMethod::Rule, 0.9, "Kosygyn"}});
    entities.merge_into(a, b);
    tx.commit();
    EXPECT_FALSE(entities.get(a));
    EXPECT_EQ(entities.mentions_of(b).size(), 1u);
    EXPECT_EQ(entities.get(b)->aliases, (std::vector<std::string>{"Kosygyn"}));
}

TEST(EntityStore, FindByNameTriesExactThenAliasThenCloseMatches) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    EntityStore entities(project);
    Transaction tx(project);
    auto gromyko = entities.find_or_create(EntityType::Person, "gromiko:aa", "Andrei A. Gromyko");
    entities.add_alias(gromyko, "Gromyko", "gromyko");
    tx.commit();
    EXPECT_EQ(entities.find_by_name("andrei a. gromyko").entity->id, gromyko);
    EXPECT_EQ(entities.find_by_name("Gromyko").entity->id, gromyko);
    auto close = entities.find_by_name("Gromiko");
    EXPECT_FALSE(close.entity);
    ASSERT_FALSE(close.close.empty());
    EXPECT_EQ(close.close[0].id, gromyko);
    EXPECT_TRUE(entities.find_by_name("Brezhnev").close.empty());
}
