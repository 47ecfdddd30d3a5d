#include "dossier/importers/importer_registry.h"
#include "pdf_writer.h"
#include "test_support.h"

using namespace dossier::importers;

namespace {
std::string chosen(const std::string& path, const std::string& head) {
    const auto* importer = builtin_importers().choose(path, head);
    return importer ? std::string(importer->name()) : "(none)";
}
} // namespace

TEST(ImporterRegistry, EveryBuiltInFormatIsRegisteredByName) {
    for (const char* name : {"text", "html", "pdf", "tei", "csv"})
        EXPECT_NE(builtin_importers().by_name(name), nullptr) << name;
    EXPECT_EQ(builtin_importers().by_name("docx"), nullptr);
}

TEST(ImporterRegistry, ExtensionChoosesWhenContentAgrees) {
    EXPECT_EQ(chosen("a/cable.txt", "SECRET\nFROM: EMBASSY"), "text");
    EXPECT_EQ(chosen("table.CSV", "id,title,text\n"), "csv");
    EXPECT_EQ(chosen("rows.tsv", "id\ttext\n"), "csv");
    EXPECT_EQ(chosen("memo.htm", "<html><body>x</body></html>"), "html");
    EXPECT_EQ(
        chosen("vol.xml", "<?xml version=\"1.0\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"),
        "tei");
    EXPECT_EQ(chosen("scan.pdf", "%PDF-1.7\n"), "pdf");
}

TEST(ImporterRegistry, ContentWinsOverAMisleadingExtension) {
    EXPECT_EQ(chosen("really_a_pdf.txt", dossier::testing::make_pdf({{"x"}})), "pdf");
    EXPECT_EQ(chosen("export.doc", "<!DOCTYPE html><html><title>t</title>"), "html");
    EXPECT_EQ(chosen("volume.txt",
                     "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"),
              "tei");
}

TEST(ImporterRegistry, UnknownFilesFallBackToText) {
    EXPECT_EQ(chosen("README", "plain words"), "text");
    EXPECT_EQ(chosen("notes.unknown", "plain words"), "text");
}
