// Authority files that are not what `dossier authority import` expects. Found by
// fuzz_authority_file: a table that is not UTF-8 (a Latin-1 export, a truncated multi-byte name)
// went straight into the project as entity names. Now it is refused naming the line, and the
// project is not touched.
#include "child_process.h"
#include "dossier/extract/authority_file.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/model/text_utf8.h"
#include "dossier/store/authority_store.h"
#include "dossier/store/project.h"
#include "hostile_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace dossier::testing {
namespace {

std::string authority_error_of(std::string_view bytes, char delimiter) {
    try {
        extract::read_authority_table(bytes, delimiter, "test");
    } catch (const extract::AuthorityFileError& e) {
        return e.what();
    }
    return {};
}

TEST(AuthorityFileHostile, Latin1NameIsRefusedNamingTheLine) {
    // "André Malraux" saved as Latin-1: 0xE9 alone is not UTF-8.
    const std::string table = "id,type,name\np1,person,Dean Rusk\np2,person,Andr\xE9 Malraux\n";
    const auto error = authority_error_of(table, ',');
    EXPECT_TRUE(is_one_line(error));
    EXPECT_EQ(error, "line 3: not valid UTF-8 (save the file as UTF-8)");
}

TEST(AuthorityFileHostile, FuzzerInputWithATruncatedCyrillicNameIsRefused) {
    // The input fuzz_authority_file found, less its first byte (which picks the delimiter): a BOM,
    // a Cyrillic name cut in the middle of a character, a stray continuation byte.
    const std::string crash =
        "\xEF\xBB\xBFp3,person,\xD0\x90\xD0\xBD\xD0\xB4\xD1\x80\xD0\xB5\xD0\xB9 \xD0\x93"
        "\xD1\xBB\xBFp3,person,\xD0\x90\xD0\xBD\xD0\xB4\xD1\x80\xD0\xB5\xD0\xB9 \xD0\x93"
        "\xD1\x80\xD0\xBE\xD0\xBC\xD1\x8B\xD0\xBA\xD0\xBE,,1909,x,\x80\xD0\xBE\xD0\xBC"
        "\xD1\x8B\xD0\xBA\xD0\xBE,,1909,x,\x0A";
    for (const char delimiter : {',', '\t', '\0'})
        EXPECT_EQ(authority_error_of(crash, delimiter),
                  "line 1: not valid UTF-8 (save the file as UTF-8)");
    // The same names in valid UTF-8 are read.
    const auto entries =
        extract::read_authority_table("p3,person,\xD0\x90\xD0\xBD\xD0\xB4\xD1\x80\xD0\xB5\xD0\xB9 "
                                      "\xD0\x93\xD1\x80\xD0\xBE\xD0\xBC"
                                      "\xD1\x8B\xD0\xBA\xD0\xBE,,1909\n",
                                      ',');
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].birth_year, 1909);
}

TEST(AuthorityFileHostile, CliRefusesANonUtf8AuthorityFileWithOneLineAndAddsNothing) {
    TempDir dir;
    write_file(dir / "corpus" / "memo.txt", "Secretary of State Dean Rusk met the ambassador.\n");
    const auto project = dir / "p.dossier";
    ASSERT_EQ(
        run_program({DOSSIER_CLI, "import", "--quiet", project.string(), (dir / "corpus").string()})
            .exit_code,
        0);
    write_file(dir / "latin1.csv", "p1,person,Dean Rusk\np2,person,Andr\xE9 Malraux\n");
    const auto result = run_program(
        {DOSSIER_CLI, "authority", "import", project.string(), (dir / "latin1.csv").string()});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(result.err, "dossier: " + (dir / "latin1.csv").string() +
                              " : line 2: not valid UTF-8 (save the file as UTF-8)\n");
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(store::AuthorityStore(opened).count(), 0u);
    EXPECT_EQ(opened.integrity_check(), "ok");
}

// Found by the ASan run of the extraction fault test: AuthorityStore::upsert bound the joined
// aliases as a temporary without a copy, so the stored aliases were read after they were freed.
TEST(AuthorityFileHostile, CliImportStoresTheAliasesAsWritten) {
    TempDir dir;
    write_file(dir / "corpus" / "memo.txt", "Secretary of State Dean Rusk met the ambassador.\n");
    const auto project = dir / "p.dossier";
    ASSERT_EQ(
        run_program({DOSSIER_CLI, "import", "--quiet", project.string(), (dir / "corpus").string()})
            .exit_code,
        0);
    write_file(dir / "people.csv", "p1,person,Dean Rusk,Rusk|D. Rusk|Secretary Rusk\n");
    const auto result = run_program(
        {DOSSIER_CLI, "authority", "import", project.string(), (dir / "people.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    const auto entries = store::AuthorityStore(opened).all();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].aliases, (std::vector<std::string>{"Rusk", "D. Rusk", "Secretary Rusk"}));
}

// Found by fuzz_authority_file after the table fix: bytes that are not UTF-8 inside a TEI persons
// list reached TeiPerson (and so authority entries) unrepaired. They are repaired like document
// text.
TEST(AuthorityFileHostile, TeiPersonsListWithInvalidBytesGivesValidUtf8Persons) {
    const std::string tei =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"
        "<teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt></fileDesc></teiHeader>"
        "<text><front><div xml:id=\"persons\"><list><item><persName xml:id=\"p_KHA1\">Kissinger, "
        "Henry\xFF A.</persName>, Assistant\xFF\xFF to the President</item></list></div></front>"
        "<body><div type=\"document\" n=\"1\"><p>text</p></div></body></text></TEI>\n";
    const auto persons = importers::read_tei(tei, "persons.xml").persons;
    ASSERT_EQ(persons.size(), 1u);
    EXPECT_EQ(persons[0].xml_id, "p_KHA1");
    EXPECT_TRUE(is_valid_utf8(persons[0].name)) << persons[0].name;
    EXPECT_TRUE(is_valid_utf8(persons[0].description)) << persons[0].description;
    EXPECT_NE(persons[0].description.find("to the President"), std::string::npos);
}

} // namespace
} // namespace dossier::testing
