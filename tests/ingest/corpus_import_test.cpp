// The real documents of ../shared/corpus through the whole pipeline into a project file.
#include "dossier/ingest/import_job.h"
#include "dossier/store/document_store.h"
#include "test_support.h"

using namespace dossier;
using dossier::testing::read_file;
using dossier::testing::shared_corpus;
using dossier::testing::TempDir;

TEST(CorpusImport, SeedCableImportsWithItsTextIntact) {
    DOSSIER_REQUIRE_SHARED_CORPUS("cc-cpsu-politburo-p217-57-1980.txt");
    TempDir dir;
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    ingest::ImportOptions options;
    options.inputs = {shared_corpus("cc-cpsu-politburo-p217-57-1980.txt")};
    const auto result = ingest::ImportJob(options).run(project);
    ASSERT_EQ(result.imported.size(), 1u);
    const auto doc = store::DocumentStore(project).get(result.imported[0]);
    ASSERT_TRUE(doc.has_value());
    EXPECT_EQ(doc->format, "text");
    EXPECT_EQ(doc->text, read_file(shared_corpus("cc-cpsu-politburo-p217-57-1980.txt")));
    EXPECT_FALSE(store::DocumentStore(project).search("Kosygyn").empty());
}

TEST(CorpusImport, FrusExcerptGivesSeventeenDocumentsWithHeaders) {
    DOSSIER_REQUIRE_SHARED_CORPUS("frus-1958-60v13-excerpt.xml");
    TempDir dir;
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    ingest::ImportOptions options;
    options.inputs = {shared_corpus("frus-1958-60v13-excerpt.xml")};
    const auto result = ingest::ImportJob(options).run(project);
    ASSERT_EQ(result.imported.size(), 17u);
    EXPECT_TRUE(result.failed.empty());
    store::DocumentStore documents(project);
    const auto d138 = documents.get(result.imported[0]);
    ASSERT_TRUE(d138.has_value());
    EXPECT_EQ(d138->source_key, "d138");
    EXPECT_EQ(d138->date.iso(), "1960-03-15");
    EXPECT_EQ(d138->names_with_role(DocumentParty::Role::Sender),
              std::vector<std::string>{"Ludlow"});
    EXPECT_EQ(d138->names_with_role(DocumentParty::Role::Recipient),
              std::vector<std::string>{"Erell"});
    EXPECT_EQ(d138->archive_ref, "frus1958-60v13/d138");
    // d140 is a telegram from the Department of State to the Embassy in Israel.
    const auto d140 = documents.get(result.imported[2]);
    ASSERT_TRUE(d140.has_value());
    EXPECT_EQ(d140->source_key, "d140");
    EXPECT_EQ(d140->names_with_role(DocumentParty::Role::Sender),
              std::vector<std::string>{"Department of State"});
    EXPECT_EQ(d140->names_with_role(DocumentParty::Role::Recipient),
              std::vector<std::string>{"Embassy in Israel"});
    for (const auto& summary : documents.list())
        EXPECT_FALSE(summary.date.empty()) << summary.source_key;
}
