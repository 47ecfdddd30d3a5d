#include "dossier/importers/text_importer.h"
#include "test_support.h"

using namespace dossier;
using namespace dossier::importers;
using dossier::testing::fixture;
using dossier::testing::read_file;

namespace {
Document import_one(const std::string& name) {
    auto docs = make_text_importer()->read(name, read_file(fixture("import/" + name)));
    EXPECT_EQ(docs.size(), 1u);
    return docs.at(0);
}

std::string metadata(const Document& doc, const std::string& key) {
    for (const auto& [k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}
} // namespace

TEST(TextImporter, Utf8CableIsKeptByteForByteWithItsLines) {
    const auto bytes = read_file(fixture("import/cable_utf8.txt"));
    const auto doc = import_one("cable_utf8.txt");
    EXPECT_EQ(doc.text, bytes);
    EXPECT_EQ(doc.format, "text");
    EXPECT_EQ(metadata(doc, "encoding"), "UTF-8");
}

TEST(TextImporter, Windows1251RussianIsDetectedAndConverted) {
    const auto doc = import_one("note_cp1251.txt");
    EXPECT_EQ(metadata(doc, "encoding"), "windows-1251");
    EXPECT_NE(doc.text.find("Товарищ Громыко поручил послу встретиться с министром Халасом."),
              std::string::npos);
    EXPECT_EQ(doc.text.rfind("СЕКРЕТНО\n\nПосольство СССР в Вене\n", 0), 0u);
}

TEST(TextImporter, Windows1252FrenchKeepsAccentsAndCurlyApostrophes) {
    const auto doc = import_one("note_cp1252.txt");
    EXPECT_EQ(metadata(doc, "encoding"), "windows-1252");
    EXPECT_NE(doc.text.find("Ambassade de France à Vienne"), std::string::npos);
    EXPECT_NE(doc.text.find("L’ambassadeur a reçu le ministre Halász"), std::string::npos);
    EXPECT_NE(doc.text.find("le cœur du problème"), std::string::npos);
}

TEST(TextImporter, Utf16WithBomBecomesUtf8WithUnixLineBreaks) {
    const auto doc = import_one("cable_utf16.txt");
    EXPECT_EQ(metadata(doc, "encoding"), "UTF-16LE");
    EXPECT_EQ(doc.text,
              "UNCLASSIFIED\n\nFROM: AMCONSUL MUNICH\nSUBJECT: VISA FOR DR. JÜRGEN KÖHLER\n");
}

TEST(TextImporter, Utf8ByteOrderMarkIsDropped) {
    const auto doc =
        make_text_importer()->read("bom.txt", "\xEF\xBB\xBFLine one\r\nLine two\r\n").at(0);
    EXPECT_EQ(doc.text, "Line one\nLine two\n");
}

TEST(TextImporter, Latin1WithoutWindowsPunctuationIsReadAsWindows1252) {
    // "Délégation à Genève" in ISO-8859-1: every byte is the same in windows-1252.
    const auto doc =
        make_text_importer()
            ->read("latin1.txt", "D\xE9l\xE9gation \xE0 Gen\xE8ve, r\xE9union du comit\xE9.\n")
            .at(0);
    EXPECT_EQ(doc.text, "Délégation à Genève, réunion du comité.\n");
}

TEST(TextImporter, BinaryGarbageIsRefusedWithAClearReason) {
    std::string garbage;
    for (int i = 0; i < 4096; ++i)
        garbage += static_cast<char>((i * 7919 + 13) % 256);
    try {
        make_text_importer()->read("garbage.bin", garbage);
        FAIL() << "binary content was accepted as text";
    } catch (const ImportError& e) {
        EXPECT_STREQ(e.what(), "binary file, not text");
    }
}

TEST(TextImporter, NulBytesInOtherwiseAsciiTextAreBinary) {
    EXPECT_THROW(make_text_importer()->read(
                     "x.txt", std::string("ELF\0\0\0\x01\x02 header and more text", 30)),
                 ImportError);
}

TEST(TextImporter, EmptyFileGivesAnEmptyDocument) {
    const auto doc = make_text_importer()->read("empty.txt", "").at(0);
    EXPECT_TRUE(doc.text.empty());
}
