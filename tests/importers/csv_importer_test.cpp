#include "dossier/importers/csv_importer.h"
#include "test_support.h"

using namespace dossier;
using namespace dossier::importers;
using dossier::testing::fixture;
using dossier::testing::read_file;

namespace {
std::vector<Document> import_fixture(const std::string& name) {
    return make_csv_importer()->read(name, read_file(fixture("import/" + name)));
}

std::string metadata(const Document& doc, const std::string& key) {
    for (const auto& [k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

std::string reason_for(const std::string& name) {
    try {
        import_fixture(name);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "(imported)";
}
} // namespace

TEST(CsvImporter, EachRowIsADocumentWithMappedColumns) {
    const auto docs = import_fixture("documents.csv");
    ASSERT_EQ(docs.size(), 3u);
    const auto& first = docs[0];
    EXPECT_EQ(first.archive_ref, "C-101");
    EXPECT_EQ(first.title, "Visit of the trade delegation");
    EXPECT_EQ(first.date.iso(), "1962-05-14");
    EXPECT_EQ(first.classification, "CONFIDENTIAL");
    EXPECT_EQ(first.names_with_role(DocumentParty::Role::Sender),
              std::vector<std::string>{"Embassy Vienna"});
    EXPECT_EQ(first.names_with_role(DocumentParty::Role::Recipient),
              (std::vector<std::string>{"Department of State", "Embassy Budapest"}));
    EXPECT_EQ(metadata(first, "archive box"), "Box 12");
    EXPECT_EQ(first.source_key, "line 2");
    EXPECT_EQ(first.format, "csv");
}

TEST(CsvImporter, QuotedFieldsKeepLineBreaksAndDoubledQuotes) {
    const auto docs = import_fixture("documents.csv");
    EXPECT_EQ(docs[0].text, "Minister Halasz will arrive on 20 May.\nHe asks for a meeting with "
                            "the \"economic section\".");
    // The quoted field spans two lines, so the next row starts on line 4.
    EXPECT_EQ(docs[1].source_key, "line 4");
}

TEST(CsvImporter, RecipientsSplitOnPipeAndPartialDatesKeepPrecision) {
    const auto docs = import_fixture("documents.csv");
    EXPECT_EQ(docs[1].names_with_role(DocumentParty::Role::Recipient),
              (std::vector<std::string>{"Department of State", "Embassy Bonn"}));
    EXPECT_EQ(docs[1].date.iso(), "1962-06");
    EXPECT_EQ(docs[1].date.precision, DatePrecision::Month);
    EXPECT_TRUE(docs[2].date.empty());
    EXPECT_TRUE(docs[2].names_with_role(DocumentParty::Role::Recipient).empty());
}

TEST(CsvImporter, TabSeparatedTableIsSniffedAndHeaderMatchedCaseInsensitively) {
    const auto docs = import_fixture("documents.tsv");
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[0].text, "A tab separated row, with a comma.");
    EXPECT_EQ(docs[0].title, "First");
    EXPECT_EQ(docs[0].date.iso(), "1961");
    EXPECT_EQ(docs[1].names_with_role(DocumentParty::Role::Recipient),
              (std::vector<std::string>{"Department of State", "Embassy Rome"}));
}

TEST(CsvImporter, UnbalancedQuoteNamesTheLineWhereTheFieldOpened) {
    EXPECT_EQ(reason_for("broken/unbalanced_quotes.csv"),
              "CSV line 3: quoted field is never closed");
}

TEST(CsvImporter, RaggedRowNamesItsLine) {
    EXPECT_EQ(reason_for("broken/ragged.csv"), "CSV line 3: 4 fields where the header has 3");
}

TEST(CsvImporter, TableWithoutTextColumnIsRefused) {
    EXPECT_THROW(make_csv_importer()->read("t.csv", "id,title\n1,x\n"), ImportError);
}

TEST(CsvParser, DelimiterSniffing) {
    EXPECT_EQ(sniff_csv_delimiter("a\tb\tc\n1\t2\t3\n"), '\t');
    EXPECT_EQ(sniff_csv_delimiter("a,b,c\n"), ',');
    EXPECT_EQ(sniff_csv_delimiter("a;b;c\n"), ';');
    EXPECT_EQ(sniff_csv_delimiter("\"a;b\",c\n"), ',');
}
