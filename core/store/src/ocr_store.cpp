#include "dossier/store/ocr_store.h"

#include "sqlite_connection.h"

#include <algorithm>

namespace dossier::store {
namespace {

void grow(PixelBox& into, const PixelBox& box, bool first) {
    if (first) {
        into = box;
        return;
    }
    into.left = std::min(into.left, box.left);
    into.top = std::min(into.top, box.top);
    into.right = std::max(into.right, box.right);
    into.bottom = std::max(into.bottom, box.bottom);
}

} // namespace

void OcrStore::insert(DocumentId document, const std::vector<OcrPage>& pages) {
    auto& conn = project_.connection();
    auto& page_row =
        conn.prepare("INSERT INTO ocr_pages(document_id, page, dpi, width, height, mean_confidence)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    auto& word_row = conn.prepare(
        "INSERT INTO ocr_words(document_id, start, end, page, line, left, top, right, bottom,"
        " confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const auto& page : pages) {
        page_row.bind(1, document.value)
            .bind(2, page.page)
            .bind(3, page.dpi)
            .bind(4, page.width)
            .bind(5, page.height)
            .bind(6, static_cast<double>(page.mean_confidence))
            .run();
        for (const auto& w : page.words)
            word_row.bind(1, document.value)
                .bind(2, static_cast<std::int64_t>(w.start))
                .bind(3, static_cast<std::int64_t>(w.end))
                .bind(4, page.page)
                .bind(5, w.line)
                .bind(6, w.box.left)
                .bind(7, w.box.top)
                .bind(8, w.box.right)
                .bind(9, w.box.bottom)
                .bind(10, static_cast<double>(w.confidence))
                .run();
    }
}

std::vector<OcrPage> OcrStore::pages(DocumentId document) {
    auto& conn = project_.connection();
    std::vector<OcrPage> pages;
    auto& page_rows = conn.prepare("SELECT page, dpi, width, height, mean_confidence FROM ocr_pages"
                                   " WHERE document_id = ?1 ORDER BY page");
    page_rows.bind(1, document.value);
    while (page_rows.step())
        pages.push_back(OcrPage{static_cast<std::int32_t>(page_rows.int64(0)),
                                static_cast<std::int32_t>(page_rows.int64(1)),
                                static_cast<std::int32_t>(page_rows.int64(2)),
                                static_cast<std::int32_t>(page_rows.int64(3)),
                                static_cast<float>(page_rows.real(4)),
                                {}});
    auto& word_rows = conn.prepare(
        "SELECT start, end, page, line, left, top, right, bottom, confidence FROM ocr_words"
        " WHERE document_id = ?1 ORDER BY start");
    word_rows.bind(1, document.value);
    while (word_rows.step()) {
        const auto page = static_cast<std::int32_t>(word_rows.int64(2));
        const auto it = std::find_if(pages.begin(), pages.end(),
                                     [&](const OcrPage& p) { return p.page == page; });
        if (it == pages.end())
            continue;
        OcrWord w;
        w.start = static_cast<std::uint32_t>(word_rows.int64(0));
        w.end = static_cast<std::uint32_t>(word_rows.int64(1));
        w.line = static_cast<std::int32_t>(word_rows.int64(3));
        w.box = {static_cast<std::int32_t>(word_rows.int64(4)),
                 static_cast<std::int32_t>(word_rows.int64(5)),
                 static_cast<std::int32_t>(word_rows.int64(6)),
                 static_cast<std::int32_t>(word_rows.int64(7))};
        w.confidence = static_cast<float>(word_rows.real(8));
        it->words.push_back(w);
    }
    return pages;
}

std::set<std::int64_t> OcrStore::documents_with_ocr() {
    std::set<std::int64_t> ids;
    auto& rows = project_.connection().prepare("SELECT DISTINCT document_id FROM ocr_pages");
    while (rows.step())
        ids.insert(rows.int64(0));
    return ids;
}

std::optional<ScanLocation> OcrStore::locate(DocumentId document, Span span) {
    auto& conn = project_.connection();
    auto& words =
        conn.prepare("SELECT page, line, left, top, right, bottom, confidence FROM ocr_words"
                     " WHERE document_id = ?1 AND start < ?2 AND end > ?3 ORDER BY start");
    words.bind(1, document.value)
        .bind(2, static_cast<std::int64_t>(span.end))
        .bind(3, static_cast<std::int64_t>(span.start));
    ScanLocation where;
    std::int32_t first_line = 0, last_line = 0;
    while (words.step()) {
        const auto page = static_cast<int>(words.int64(0));
        if (where.words > 0 && page != where.page)
            break; // a span across a page break is placed on its first page
        const auto line = static_cast<std::int32_t>(words.int64(1));
        const PixelBox box{
            static_cast<std::int32_t>(words.int64(2)), static_cast<std::int32_t>(words.int64(3)),
            static_cast<std::int32_t>(words.int64(4)), static_cast<std::int32_t>(words.int64(5))};
        const auto confidence = static_cast<float>(words.real(6));
        grow(where.box, box, where.words == 0);
        where.min_confidence =
            where.words == 0 ? confidence : std::min(where.min_confidence, confidence);
        if (where.words == 0)
            first_line = line;
        last_line = line;
        where.page = page;
        ++where.words;
    }
    words.reset();
    if (where.words == 0)
        return std::nullopt;
    auto& dpi = conn.prepare("SELECT dpi FROM ocr_pages WHERE document_id = ?1 AND page = ?2");
    dpi.bind(1, document.value).bind(2, where.page);
    if (dpi.step())
        where.dpi = static_cast<int>(dpi.int64(0));
    dpi.reset();
    auto& line_words =
        conn.prepare("SELECT min(left), min(top), max(right), max(bottom) FROM ocr_words"
                     " WHERE document_id = ?1 AND page = ?2 AND line BETWEEN ?3 AND ?4");
    line_words.bind(1, document.value).bind(2, where.page).bind(3, first_line).bind(4, last_line);
    if (line_words.step() && !line_words.is_null(0))
        where.line_box = {static_cast<std::int32_t>(line_words.int64(0)),
                          static_cast<std::int32_t>(line_words.int64(1)),
                          static_cast<std::int32_t>(line_words.int64(2)),
                          static_cast<std::int32_t>(line_words.int64(3))};
    line_words.reset();
    return where;
}

} // namespace dossier::store
