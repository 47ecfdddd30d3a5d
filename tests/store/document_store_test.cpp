#include "dossier/store/document_store.h"
#include "dossier/store/project_stats.h"
#include "dossier/store/store_error.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {
Document sample_document() {
    Document doc;
    doc.sha256 = "abc123";
    doc.source_path = "cables/c1.txt";
    doc.format = "text";
    doc.title = "Telegram 1364 from Moscow";
    doc.date = *parse_iso_date("1960-03-24");
    doc.classification = "Secret";
    doc.archive_ref = "611.61/3-2460";
    doc.text = "The Ambassador met Gromyko in Moscow.\nGromyko spoke first.";
    doc.parties = {{DocumentParty::Role::Sender, "Embassy in Moscow"},
                   {DocumentParty::Role::Recipient, "Department of State"},
                   {DocumentParty::Role::Recipient, "USUN"}};
    doc.page_starts = {0, 38};
    doc.metadata = {{"box", "12"}};
    doc.annotations = {{{19, 26}, "persName", "#p_GAA1", ""}};
    return doc;
}
} // namespace

TEST(DocumentStore, RoundTripsEveryField) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentStore documents(project);
    Transaction tx(project);
    auto id = documents.insert(sample_document(), 1234);
    tx.commit();

    auto doc = documents.get(id);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->title, "Telegram 1364 from Moscow");
    EXPECT_EQ(doc->date.iso(), "1960-03-24");
    EXPECT_EQ(doc->classification, "Secret");
    EXPECT_EQ(doc->archive_ref, "611.61/3-2460");
    EXPECT_EQ(doc->text, sample_document().text);
    EXPECT_EQ(doc->page_starts, (std::vector<std::uint32_t>{0, 38}));
    EXPECT_EQ(doc->names_with_role(DocumentParty::Role::Recipient),
              (std::vector<std::string>{"Department of State", "USUN"}));
    ASSERT_EQ(doc->annotations.size(), 1u);
    EXPECT_EQ(doc->text.substr(doc->annotations[0].span.start, doc->annotations[0].span.size()),
              "Gromyko");
    ASSERT_EQ(doc->metadata.size(), 1u);
    EXPECT_EQ(doc->metadata[0].second, "12");
}

TEST(DocumentStore, ListsSummariesWithParties) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentStore documents(project);
    Transaction tx(project);
    documents.insert(sample_document(), 1);
    tx.commit();
    auto list = documents.list();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].senders, (std::vector<std::string>{"Embassy in Moscow"}));
    EXPECT_EQ(list[0].recipients.size(), 2u);
    EXPECT_EQ(list[0].text_bytes, sample_document().text.size());
}

TEST(DocumentStore, ContentHashIsUniqueSoReimportIsDetected) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentStore documents(project);
    Transaction tx(project);
    documents.insert(sample_document(), 1);
    EXPECT_TRUE(documents.contains_hash("abc123"));
    EXPECT_FALSE(documents.contains_hash("other"));
    EXPECT_THROW(documents.insert(sample_document(), 1), StoreError);
}

TEST(DocumentStore, FullTextSearchFindsWordsAndIgnoresDiacritics) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentStore documents(project);
    Transaction tx(project);
    auto doc = sample_document();
    doc.text = "Meeting with Sékou Touré in Conakry.";
    documents.insert(doc, 1);
    tx.commit();
    auto hits = documents.search("toure");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_NE(hits[0].snippet.find("[Touré]"), std::string::npos) << hits[0].snippet;
    EXPECT_TRUE(documents.search("Gromyko").empty());
    EXPECT_THROW(documents.search("\"unbalanced"), StoreError);
}

TEST(DocumentStore, UpdateHeaderFillsOnlyWhatIsMissing) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentStore documents(project);
    Transaction tx(project);
    auto doc = sample_document();
    doc.classification.clear();
    doc.parties.clear();
    auto id = documents.insert(doc, 1);
    Document header;
    header.title = "ignored, a title exists";
    header.classification = "TOP SECRET";
    header.parties = {{DocumentParty::Role::Recipient, "Brezhnev"}};
    documents.update_header(id, header);
    tx.commit();
    auto stored = documents.get(id);
    EXPECT_EQ(stored->title, "Telegram 1364 from Moscow");
    EXPECT_EQ(stored->classification, "TOP SECRET");
    EXPECT_EQ(stored->names_with_role(DocumentParty::Role::Recipient),
              std::vector<std::string>{"Brezhnev"});
    auto stats = project_stats(project);
    EXPECT_EQ(stats.documents, 1);
}

TEST(DocumentStore, DeferredFullTextLeftByAKilledImportIsIndexedAtTheNextWritableOpen) {
    TempDir dir;
    const auto path = dir / "p.dossier";
    {
        auto project = Project::open(path, OpenMode::CreateIfMissing);
        DocumentStore documents(project);
        Transaction tx(project);
        auto doc = sample_document();
        doc.text = "Talks with Kuznetsov in Vienna.";
        documents.insert(doc, 1, /*defer_full_text=*/true);
        tx.commit();
        // The import "dies" here, before its full-text batch.
        EXPECT_TRUE(documents.search("Kuznetsov").empty());
    }
    {
        auto reader = Project::open(path, OpenMode::ReadOnly);
        EXPECT_TRUE(DocumentStore(reader).search("Kuznetsov").empty()) << "a reader never writes";
    }
    auto project = Project::open(path);
    EXPECT_EQ(DocumentStore(project).search("Kuznetsov").size(), 1u);
}

// Every new document waits for extraction (schema v4's trigger) until an extraction records that
// it has read it; a document that goes leaves the list with it.
TEST(DocumentStore, NewDocumentsWaitForExtractionUntilMarkedRead) {
    TempDir dir;
    const auto path = dir / "p.dossier";
    std::vector<DocumentId> ids;
    {
        auto project = Project::open(path, OpenMode::CreateIfMissing);
        DocumentStore documents(project);
        Transaction tx(project);
        for (const char* hash : {"h1", "h2", "h3"}) {
            auto doc = sample_document();
            doc.sha256 = hash;
            ids.push_back(documents.insert(doc, 100));
        }
        tx.commit();
        EXPECT_EQ(documents.not_extracted(), ids);
        EXPECT_EQ(project_stats(project).documents_not_extracted, 3);
        EXPECT_TRUE(project_stats(project).needs_extraction());

        Transaction read(project);
        documents.mark_extracted({ids[0], ids[2]});
        read.commit();
        EXPECT_EQ(documents.not_extracted(), std::vector<DocumentId>{ids[1]});
    }
    // The foreign key takes a removed document off the list (sqlite3 stands in for a removal,
    // which Dossier has no command for yet).
    const std::string remove = "sqlite3 '" + path.string() +
                               "' 'PRAGMA foreign_keys = ON; DELETE FROM documents WHERE id = " +
                               std::to_string(ids[1].value) + "'";
    ASSERT_EQ(std::system(remove.c_str()), 0);
    auto project = Project::open(path, OpenMode::ReadOnly);
    EXPECT_TRUE(DocumentStore(project).not_extracted().empty());
    EXPECT_FALSE(project_stats(project).needs_extraction());
}
