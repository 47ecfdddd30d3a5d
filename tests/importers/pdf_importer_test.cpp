#include "dossier/importers/pdf_importer.h"
#include "pdf_writer.h"
#include "test_support.h"

#include <cstdlib>

using namespace dossier;
using namespace dossier::importers;
using dossier::testing::make_pdf;

namespace {
std::string reason_for(const std::string& bytes) {
    try {
        make_pdf_importer()->read("x.pdf", bytes);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "(imported)";
}
} // namespace

TEST(PdfImporter, ReadsTheTextLayerPageByPage) {
    const auto pdf = make_pdf(
        {{"SECRET", "Telegram from Vienna, 14 May 1962"}, {"Page two names Minister Halasz."}});
    const auto doc = make_pdf_importer()->read("cable.pdf", pdf).at(0);
    EXPECT_EQ(doc.format, "pdf");
    ASSERT_EQ(doc.page_starts.size(), 2u);
    EXPECT_EQ(doc.page_starts[0], 0u);
    const auto on_page_one = doc.text.find("Telegram from Vienna, 14 May 1962");
    const auto on_page_two = doc.text.find("Page two names Minister Halasz.");
    ASSERT_NE(on_page_one, std::string::npos);
    ASSERT_NE(on_page_two, std::string::npos);
    EXPECT_EQ(doc.page_of(static_cast<std::uint32_t>(on_page_one)), 1);
    EXPECT_EQ(doc.page_of(static_cast<std::uint32_t>(on_page_two)), 2);
    EXPECT_EQ(doc.text.find('\f'), std::string::npos);
}

TEST(PdfImporter, ImageOnlyPdfNeedsOcrWhenOcrIsOff) {
    ReadOptions no_ocr;
    no_ocr.ocr.mode = OcrMode::Never;
    std::string reason;
    try {
        make_pdf_importer()->read_with("x.pdf", make_pdf({{}, {}}, false), no_ocr);
    } catch (const ImportError& e) {
        reason = e.what();
    }
    EXPECT_EQ(reason, "no text layer; OCR needed (OCR is off: --ocr never)");
}

TEST(PdfImporter, GarbageAfterTheHeaderIsACorruptPdf) {
    EXPECT_EQ(reason_for(dossier::testing::read_file(
                  dossier::testing::fixture("import/broken/corrupt.pdf"))),
              "corrupt PDF");
}

TEST(PdfImporter, TruncatedPdfIsRefusedRatherThanHalfRead) {
    const auto pdf = make_pdf({{"First page"}, {"Second page"}, {"Third page"}});
    const auto reason = reason_for(pdf.substr(0, pdf.size() * 2 / 3));
    EXPECT_EQ(reason.rfind("truncated PDF", 0), 0u) << reason;
}

TEST(PdfImporter, PasswordProtectedPdfSaysEncrypted) {
    if (std::system("command -v qpdf >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "qpdf (Debian package qpdf) is needed to make an encrypted PDF";
    dossier::testing::TempDir dir;
    dossier::testing::write_file(dir / "plain.pdf", make_pdf({{"Eyes only"}}));
    const std::string command = "qpdf --encrypt secret owner 256 -- '" +
                                (dir / "plain.pdf").string() + "' '" +
                                (dir / "locked.pdf").string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    const auto reason = reason_for(dossier::testing::read_file(dir / "locked.pdf"));
    EXPECT_EQ(reason.rfind("encrypted PDF", 0), 0u) << reason;
}
