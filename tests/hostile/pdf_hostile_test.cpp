// Broken and hostile PDFs through the PDF importer: each one is refused with the one-line reason
// pdf_importer.h promises, or read sensibly, in bounded time and memory.
#include "child_process.h"
#include "dossier/importers/pdf_importer.h"
#include "hostile_support.h"
#include "pdf_writer.h"
#include "test_support.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace dossier::testing {
namespace {

const importers::Importer& pdf_importer() {
    static const auto importer = importers::make_pdf_importer();
    return *importer;
}

// The text layer alone: these files test the PDF reader, not OCR (tests/ocr has the scans).
std::string error_without_ocr(const std::string& path, const std::string& bytes) {
    importers::ReadOptions no_ocr;
    no_ocr.ocr.mode = importers::OcrMode::Never;
    try {
        pdf_importer().read_with(path, bytes, no_ocr);
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

TEST(PdfHostile, WellFormedWriterOutputIsReadWithItsPages) {
    // The writer itself is sound, so the broken variants below fail for the reason they are built
    // for.
    const auto docs = pdf_importer().read(
        "ok.pdf", pdf_with_text_pages({"First page words", "Second page words"}));
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_NE(docs[0].text.find("First page words"), std::string::npos);
    EXPECT_NE(docs[0].text.find("Second page words"), std::string::npos);
    ASSERT_EQ(docs[0].page_starts.size(), 2u);
    EXPECT_EQ(docs[0].page_of(static_cast<std::uint32_t>(docs[0].text.find("Second"))), 2);
}

TEST(PdfHostile, TruncatedFileAtEveryTenthOfItsLengthIsRefusedOrReadNeverCrashes) {
    const auto whole = pdf_with_text_pages({"Telegram text on page one", "and page two"});
    for (int tenth = 0; tenth < 10; ++tenth) {
        const auto cut = whole.substr(0, whole.size() * static_cast<std::size_t>(tenth) / 10);
        const auto error = import_error_of(pdf_importer(), "cut.pdf", cut);
        // Poppler may rebuild a damaged table and still find text; when it refuses, it says why.
        if (!error.empty()) {
            EXPECT_TRUE(is_one_line(error));
            EXPECT_NE(error.find("PDF"), std::string::npos) << error;
        }
    }
    // Twenty bytes hold no object at all: nothing to rebuild, so it must be refused.
    const auto stub_error = import_error_of(pdf_importer(), "cut.pdf", whole.substr(0, 20));
    EXPECT_TRUE(is_one_line(stub_error));
    EXPECT_NE(stub_error.find("PDF"), std::string::npos) << stub_error;
}

TEST(PdfHostile, HandWrittenEncryptionDictionaryIsRefusedAsEncrypted) {
    const auto error = import_error_of(pdf_importer(), "locked.pdf", pdf_hand_encrypted());
    EXPECT_TRUE(is_one_line(error));
    EXPECT_NE(error.find("encrypted PDF"), std::string::npos) << error;
}

TEST(PdfHostile, QpdfEncryptedWithUserPasswordIsRefusedAsEncrypted) {
    if (std::system("command -v qpdf >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "qpdf not installed (Debian package qpdf)";
    TempDir dir;
    write_file(dir / "plain.pdf", pdf_with_text_pages({"Text under a password"}));
    const auto result = run_program({"/bin/sh", "-c",
                                     "qpdf --encrypt user-secret owner-secret 256 -- '" +
                                         (dir / "plain.pdf").string() + "' '" +
                                         (dir / "locked.pdf").string() + "'"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto error = import_error_of(pdf_importer(), "locked.pdf", read_file(dir / "locked.pdf"));
    EXPECT_TRUE(is_one_line(error));
    EXPECT_NE(error.find("encrypted PDF"), std::string::npos) << error;
}

TEST(PdfHostile, ImageOnlyPageAsksForOcrWhenOcrIsOff) {
    const auto error = error_without_ocr("scan.pdf", pdf_image_only());
    EXPECT_TRUE(is_one_line(error));
    EXPECT_NE(error.find("no text layer; OCR needed"), std::string::npos) << error;
}

TEST(PdfHostile, CrossReferenceAndPageTreeLoopsTerminate) {
    // Runs in a child so a hang shows up as the ctest timeout of this test alone, and a stack
    // overflow from endless recursion as a signal rather than the whole suite dying.
    const auto result = run_in_child([] {
        const auto error =
            import_error_of(pdf_importer(), "loop.pdf", pdf_with_xref_and_page_tree_loops());
        return error.empty() ? std::string("read") : error;
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(is_one_line(result.out));
}

TEST(PdfHostile, HundredThousandEmptyPagesAreRefusedAsTextlessInBoundedMemoryWhenOcrIsOff) {
    const auto bytes = pdf_with_empty_pages(100000);
    const auto result = run_in_child([&] { return error_without_ocr("empty.pdf", bytes); });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("no text layer; OCR needed"), std::string::npos) << result.out;
    // A correctness bound, not a speed figure: the page map of 100,000 pages must not blow up.
    EXPECT_LT(result.max_rss_bytes, 2ull << 30)
        << "peak RSS " << (result.max_rss_bytes >> 20) << " MiB";
}

TEST(PdfHostile, GarbageAfterThePdfSignatureIsACorruptPdf) {
    std::string bytes = "%PDF-1.7\n";
    for (int i = 0; i < 4096; ++i)
        bytes += static_cast<char>((i * 7919) % 251);
    const auto error = import_error_of(pdf_importer(), "junk.pdf", bytes);
    EXPECT_TRUE(is_one_line(error));
    EXPECT_NE(error.find("PDF"), std::string::npos) << error;
}

} // namespace
} // namespace dossier::testing
