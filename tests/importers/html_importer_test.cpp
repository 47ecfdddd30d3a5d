#include "dossier/importers/html_importer.h"
#include "test_support.h"

using namespace dossier;
using namespace dossier::importers;
using dossier::testing::fixture;
using dossier::testing::read_file;

TEST(HtmlImporter, TitleComesFromTheTitleElement) {
    const auto doc =
        make_html_importer()->read("memo.html", read_file(fixture("import/memo.html"))).at(0);
    EXPECT_EQ(doc.title, "Memorandum for the Record: Vienna Talks");
    EXPECT_EQ(doc.format, "html");
}

TEST(HtmlImporter, ScriptsStylesAndNoscriptAreLeftOut) {
    const auto doc =
        make_html_importer()->read("memo.html", read_file(fixture("import/memo.html"))).at(0);
    EXPECT_EQ(doc.text.find("tracker"), std::string::npos);
    EXPECT_EQ(doc.text.find("nor this"), std::string::npos);
    EXPECT_EQ(doc.text.find("font-family"), std::string::npos);
    EXPECT_EQ(doc.text.find("Enable scripts"), std::string::npos);
}

TEST(HtmlImporter, BlocksBecomeLinesAndInlineWhitespaceCollapses) {
    const auto doc =
        make_html_importer()->read("memo.html", read_file(fixture("import/memo.html"))).at(0);
    EXPECT_EQ(doc.text, "Memorandum for the Record\n"
                        "Participants: Ambassador Whitcomb, Minister Halász.\n"
                        "The Minister raised the question of\n"
                        "credits for the Danube project.\n"
                        "First point: credits\n"
                        "Second point: visas");
}

TEST(HtmlImporter, TagSoupIsReadTolerantly) {
    const auto doc = make_html_importer()
                         ->read("soup.html", "<html><body><p>Unclosed <b>bold<p>Next &amp; last")
                         .at(0);
    EXPECT_EQ(doc.text, "Unclosed bold\nNext & last");
}

TEST(HtmlImporter, DeclaredLegacyCharsetIsConvertedToUtf8) {
    const std::string page =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
        "<title>Caf\xE9</title></head><body><p>R\xE9sum\xE9 \x93quoted\x94</p></body></html>";
    const auto doc = make_html_importer()->read("legacy.html", page).at(0);
    EXPECT_EQ(doc.title, "Café");
    EXPECT_EQ(doc.text, "Résumé “quoted”");
}
