// Page images (PNG, JPEG, multi-page TIFF) through the image importer and real Tesseract.
#include "dossier/importers/image_importer.h"
#include "dossier/importers/importer_registry.h"
#include "ocr_test_support.h"
#include "page_images.h"

#include <filesystem>

using namespace dossier;
using namespace dossier::importers;
using namespace dossier::testing;

namespace {

const Importer& image_importer() {
    static const auto importer = make_image_importer();
    return *importer;
}

std::vector<std::string> cable_lines() {
    auto lines = typewriter_lines(seed_cable_text());
    lines.resize(24); // the heading and paragraph 2 (Ashworth, Kuznetsov)
    return lines;
}

// The first OCR'd word whose text is `word`, or nullptr.
const OcrWord* find_word(const Document& doc, const std::string& word) {
    for (const auto& page : doc.ocr_pages)
        for (const auto& w : page.words)
            if (doc.text.compare(w.start, w.end - w.start, word) == 0)
                return &w;
    return nullptr;
}

int line_holding(const std::vector<std::string>& lines, const std::string& word) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find(word) != std::string::npos)
            return static_cast<int>(i);
    return -1;
}

} // namespace

TEST(ImageImporter, PngPageIsReadWithWordsBoxesAndConfidences) {
    const auto lines = cable_lines();
    const auto png = encode_image(render_pages(lines, 300).at(0), "PNG");
    const auto doc = image_importer().read_with("cable.png", png, ocr_options()).at(0);
    EXPECT_EQ(doc.format, "image");
    EXPECT_NE(doc.text.find("OUTGOING TELEGRAM"), std::string::npos) << doc.text;
    ASSERT_EQ(doc.page_starts, std::vector<std::uint32_t>{0});
    ASSERT_EQ(doc.ocr_pages.size(), 1u);
    EXPECT_EQ(doc.ocr_pages[0].dpi, 300);
    EXPECT_EQ(doc.ocr_pages[0].width, 2550);
    EXPECT_EQ(doc.ocr_pages[0].height, 3300);
    // The word's box is where the line holding it was typed.
    const auto* kuznetsov = find_word(doc, "Kuznetsov");
    ASSERT_NE(kuznetsov, nullptr) << doc.text;
    const auto [top, bottom] = line_band(line_holding(lines, "Kuznetsov"), 300);
    EXPECT_GE(kuznetsov->box.top, top - 15);
    EXPECT_LE(kuznetsov->box.bottom, bottom + 15);
    EXPECT_GT(kuznetsov->box.right - kuznetsov->box.left, 9 * 20) << "nine letters of 10 pt pitch";
    EXPECT_GT(kuznetsov->confidence, 80.0f);
    EXPECT_GT(doc.ocr_pages[0].mean_confidence, 80.0f);
    // Every word's bytes are inside the text and in order.
    std::uint32_t previous_end = 0;
    for (const auto& w : doc.ocr_pages[0].words) {
        EXPECT_GE(w.start, previous_end);
        EXPECT_LT(w.start, w.end);
        EXPECT_LE(w.end, doc.text.size());
        previous_end = w.end;
    }
    ASSERT_EQ(doc.metadata.size(), 1u);
    EXPECT_EQ(doc.metadata[0].first, "ocr");
}

TEST(ImageImporter, MultiPageTiffGivesOnePagePerImageInOrder) {
    ScanDamage none;
    const auto first = render_pages({"FIRST PAGE OF THE FILE", "Ambassador Ashworth"}, 300, none);
    const auto second = render_pages({"SECOND PAGE OF THE FILE", "Minister Kuznetsov"}, 300, none);
    const auto tiff = multipage_tiff({first.at(0), second.at(0)});
    const auto doc = image_importer().read_with("file.tif", tiff, ocr_options()).at(0);
    ASSERT_EQ(doc.page_starts.size(), 2u);
    ASSERT_EQ(doc.ocr_pages.size(), 2u);
    EXPECT_EQ(doc.ocr_pages[1].page, 2);
    const auto ashworth = doc.text.find("Ashworth");
    const auto kuznetsov = doc.text.find("Kuznetsov");
    ASSERT_NE(ashworth, std::string::npos) << doc.text;
    ASSERT_NE(kuznetsov, std::string::npos) << doc.text;
    EXPECT_EQ(doc.page_of(static_cast<std::uint32_t>(ashworth)), 1);
    EXPECT_EQ(doc.page_of(static_cast<std::uint32_t>(kuznetsov)), 2);
}

TEST(ImageImporter, JpegScanIsReadAndRegistrySniffsImagesWhateverTheirName) {
    ScanDamage jpeg;
    jpeg.jpeg_quality = 60;
    const auto bytes = encode_image(render_pages(cable_lines(), 300, jpeg).at(0), "JPEG", 60);
    const auto* chosen =
        builtin_importers().choose("scan.dat", std::string_view(bytes).substr(0, 8192));
    ASSERT_NE(chosen, nullptr);
    EXPECT_EQ(chosen->name(), "image");
    const auto doc = chosen->read_with("scan.dat", bytes, ocr_options()).at(0);
    EXPECT_NE(doc.text.find("Ashworth"), std::string::npos) << doc.text;
}

TEST(ImageImporter, OcrNeverRefusesAPageImageSayingOcrIsNeeded) {
    const auto png = encode_image(render_pages({"TEXT"}, 200).at(0), "PNG");
    EXPECT_EQ(error_of(image_importer(), "a.png", png, ocr_options(OcrMode::Never)),
              "page image; OCR needed (OCR is off: --ocr never)");
}

TEST(ImageImporter, BlankPageIsAnErrorSayingNoWordsWereFound) {
    const auto png = encode_image(render_pages({""}, 200).at(0), "PNG");
    EXPECT_EQ(error_of(image_importer(), "blank.png", png, ocr_options()),
              "no text found: OCR read 1 page and found no words");
}

TEST(ImageImporter, CancelBeforeTheFirstPageThrowsImportCancelled) {
    const auto png = encode_image(render_pages(cable_lines(), 300).at(0), "PNG");
    auto options = ocr_options();
    options.cancel.cancel();
    EXPECT_THROW(image_importer().read_with("a.png", png, options), ImportCancelled);
}

TEST(ImageImporter, PageProgressCountsEveryPage) {
    const auto pages = render_pages(typewriter_lines(seed_cable_text()), 150);
    ASSERT_GE(pages.size(), 2u);
    auto options = ocr_options();
    std::size_t last_done = 0, total = 0;
    options.page_progress = [&](std::size_t done, std::size_t of) {
        EXPECT_GE(done, last_done);
        last_done = done;
        total = of;
    };
    image_importer().read_with("file.tif", multipage_tiff(pages), options);
    EXPECT_EQ(total, pages.size());
    EXPECT_EQ(last_done, pages.size());
}
