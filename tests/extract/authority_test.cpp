#include "dossier/extract/authority_file.h"
#include "dossier/extract/extraction.h"
#include "extract_test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using dossier::testing::extract_text;
using dossier::testing::key_of;
using dossier::testing::seen;

TEST(AuthorityFile, ReadsTsvWithHeaderAliasesAndYears) {
    const std::string tsv =
        "id\ttype\tname\taliases\tbirth_year\tdeath_year\tnote\n"
        "a1\tperson\tOrkney, Pell T.\tOrkney, P.|Pell Orkney\t1901\t1970\tEnvoy\n"
        "a2\torganization\tVolta Basin Commission\tVBC\t\t\t\n";
    auto entries = extract::read_authority_table(tsv, 0, "test.tsv");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].name, "Orkney, Pell T.");
    EXPECT_EQ(entries[0].aliases, (std::vector<std::string>{"Orkney, P.", "Pell Orkney"}));
    EXPECT_EQ(entries[0].birth_year, 1901);
    EXPECT_EQ(entries[1].type, EntityType::Organization);
    EXPECT_FALSE(entries[1].birth_year);
}

TEST(AuthorityFile, ReadsQuotedCsv) {
    auto entries = extract::read_authority_table(
        "x9,person,\"Varga, Imre\",\"Varga, I.\",,,\"said \"\"no\"\"\"\n", ',');
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].name, "Varga, Imre");
    EXPECT_EQ(entries[0].note, "said \"no\"");
}

TEST(AuthorityFile, BadLinesAreReportedWithTheirNumber) {
    try {
        extract::read_authority_table("a1\tperson\tOrkney\nbroken line\n", '\t');
        FAIL() << "no error";
    } catch (const extract::AuthorityFileError& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos);
    }
    EXPECT_THROW(extract::read_authority_table("a1\tstarship\tEnterprise\n", '\t'),
                 extract::AuthorityFileError);
}

TEST(AuthorityLinking, FullNamesInitialsAndUniqueSurnamesLinkToTheEntry) {
    auto context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    context.add_authority(
        {{"a1", EntityType::Person, "Orkney, Pell Tamsin", {"Orkney, P. T."}},
         {"a2", EntityType::Person, "Kosygin, Aleksei N.", {"Chairman Aleksei N. Kosygin"}},
         {"a3", EntityType::Person, "Smith, John", {}},
         {"a4", EntityType::Person, "Smith, Robert", {}}});
    const std::string text =
        "Pell Orkney met P. T. Orkney's staff. To Comrades Kosygyn, Smith.\nOrkney left.";
    Document doc;
    doc.text = text;
    auto r = extract::extract_document(doc, context);
    EXPECT_EQ(key_of(r, text, "Pell Orkney"), "auth:a1");
    EXPECT_EQ(key_of(r, text, "P. T. Orkney"), "auth:a1");
    EXPECT_EQ(key_of(r, text, "Orkney"), "auth:a1");
    EXPECT_EQ(key_of(r, text, "Kosygyn"), "auth:a2"); // transliteration variant, one candidate
    EXPECT_NE(key_of(r, text, "Smith").substr(0, 5), "auth:"); // two Smiths: no guess
    for (const auto& m : seen(r, text)) {
        if (m.key.starts_with("auth:")) {
            EXPECT_EQ(m.method, MentionMethod::Authority) << m.surface;
        }
    }
}

TEST(AuthorityLinking, TwoWordSurnamesArabicArticlesAndMiddleNamesLinkToTheEntry) {
    auto context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    context.add_authority({{"b1", EntityType::Person, "Ben Tovim, Arieh", {}},
                           {"b2", EntityType::Person, "Hafiz el-Rashid", {}},
                           {"b3", EntityType::Person, "Quorne, P. Lemuel", {}}});
    const std::string text = "Talks with Ben Tovim went well; Hafiz Rashid agreed. Later "
                             "Ben-Tovim wrote to Lemuel Quorne.";
    Document doc;
    doc.text = text;
    auto r = extract::extract_document(doc, context);
    EXPECT_EQ(key_of(r, text, "Ben Tovim"), "auth:b1");
    EXPECT_EQ(key_of(r, text, "Ben-Tovim"), "auth:b1");
    EXPECT_EQ(key_of(r, text, "Hafiz Rashid"), "auth:b2");
    EXPECT_EQ(key_of(r, text, "Lemuel Quorne"), "auth:b3"); // the middle name he went by
}

TEST(AuthorityLinking, AGivenNameBeforeAUniqueSurnameJoinsTheMentionAndMustFitTheEntry) {
    auto context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    context.add_authority({{"c1", EntityType::Person, "Orrin, Robert B.", {}}});
    const std::string text = "They want a \"Bob Orrin type mission\", not one led by Walter "
                             "Orrin. Orrin agreed.";
    Document doc;
    doc.text = text;
    auto r = extract::extract_document(doc, context);
    EXPECT_EQ(key_of(r, text, "Bob Orrin"), "auth:c1"); // Bob is a short form of Robert
    EXPECT_EQ(key_of(r, text, "Orrin"), "auth:c1");
    // Walter does not fit Robert B.: another Orrin, a person but not this entry.
    EXPECT_NE(key_of(r, text, "Walter Orrin"), "");
    EXPECT_NE(key_of(r, text, "Walter Orrin"), "auth:c1");
}
