#include "dossier/store/document_store.h"
#include "dossier/store/ocr_store.h"
#include "dossier/store/project.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {

// "Minister Kuznetsov met\nAmbassador Ashworth\n" on page 1 (two lines), read by OCR at 300 dpi.
Document scanned_document() {
    Document doc;
    doc.sha256 = "scan";
    doc.source_path = "scan.tif";
    doc.format = "image";
    doc.text = "Minister Kuznetsov met\nAmbassador Ashworth\n";
    doc.page_starts = {0};
    OcrPage page{1, 300, 2550, 3300, 88.5f, {}};
    page.words = {{0, 8, {300, 400, 540, 450}, 96.f, 0},
                  {9, 18, {570, 400, 840, 450}, 71.f, 0},
                  {19, 22, {870, 400, 960, 450}, 93.f, 0},
                  {23, 33, {300, 475, 600, 525}, 91.f, 1},
                  {34, 42, {630, 470, 870, 525}, 95.f, 1}};
    doc.ocr_pages = {page};
    return doc;
}

DocumentId insert(Project& project, const Document& doc) {
    Transaction transaction(project);
    const auto id = DocumentStore(project).insert(doc, 100);
    OcrStore(project).insert(id, doc.ocr_pages);
    transaction.commit();
    return id;
}

} // namespace

TEST(OcrStore, PagesAndWordsComeBackAsStored) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    const auto doc = scanned_document();
    const auto id = insert(project, doc);
    const auto pages = OcrStore(project).pages(id);
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].dpi, 300);
    EXPECT_EQ(pages[0].height, 3300);
    EXPECT_FLOAT_EQ(pages[0].mean_confidence, 88.5f);
    ASSERT_EQ(pages[0].words.size(), 5u);
    EXPECT_EQ(pages[0].words[4].box, (PixelBox{630, 470, 870, 525}));
    EXPECT_EQ(pages[0].words[4].line, 1);
    EXPECT_EQ(OcrStore(project).documents_with_ocr(), std::set<std::int64_t>{id.value});
}

TEST(OcrStore, AMentionSpanMapsToItsWordsBoxLineAndLowestConfidence) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    const auto id = insert(project, scanned_document());
    // "Minister Kuznetsov": words 1 and 2 of line 0.
    const auto where = OcrStore(project).locate(id, Span{0, 18});
    ASSERT_TRUE(where.has_value());
    EXPECT_EQ(where->page, 1);
    EXPECT_EQ(where->dpi, 300);
    EXPECT_EQ(where->words, 2u);
    EXPECT_EQ(where->box, (PixelBox{300, 400, 840, 450}));
    EXPECT_EQ(where->line_box, (PixelBox{300, 400, 960, 450}));
    EXPECT_FLOAT_EQ(where->min_confidence, 71.f);
    // Part of a word still finds it; the gap between words finds nothing.
    EXPECT_EQ(OcrStore(project).locate(id, Span{36, 40})->box, (PixelBox{630, 470, 870, 525}));
    EXPECT_FALSE(OcrStore(project).locate(id, Span{8, 9}).has_value());
}
