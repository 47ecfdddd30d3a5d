#include "dossier/importers/ocr_document.h"

#include <tesseract/baseapi.h>

namespace dossier::importers {
namespace {

void start_page(Document& doc) {
    if (!doc.text.empty() && doc.text.back() != '\n')
        doc.text += '\n';
    doc.page_starts.push_back(static_cast<std::uint32_t>(doc.text.size()));
}

} // namespace

void append_text_page(Document& doc, std::string_view text) {
    start_page(doc);
    doc.text += text;
}

void append_ocr_page(Document& doc, PageText&& page) {
    start_page(doc);
    const auto offset = static_cast<std::uint32_t>(doc.text.size());
    doc.text += page.text;
    for (auto& word : page.ocr.words) {
        word.start += offset;
        word.end += offset;
    }
    doc.ocr_pages.push_back(std::move(page.ocr));
}

void require_all_pages(const std::vector<PageText>& pages, std::size_t total_pages) {
    std::string problems;
    std::size_t failed = 0;
    for (const auto& page : pages) {
        if (page.error.empty())
            continue;
        if (++failed <= 3)
            problems += (problems.empty() ? "" : "; ") + std::string("page ") +
                        std::to_string(page.page) + ": " + page.error;
    }
    if (failed == 0)
        return;
    if (failed > 3)
        problems += "; and " + std::to_string(failed - 3) + " more";
    if (total_pages == 1 && failed == 1)
        throw ImportError(pages.front().error);
    throw ImportError(std::to_string(failed) + " of " + std::to_string(total_pages) +
                      " pages cannot be read (" + problems + ")");
}

void note_ocr(Document& doc, const OcrSettings& settings, std::size_t ocr_pages,
              std::size_t total_pages) {
    doc.metadata.emplace_back("ocr", "Tesseract " + tesseract_version() + ", languages " +
                                         settings.languages + ", " + std::to_string(ocr_pages) +
                                         " of " + std::to_string(total_pages) + " pages");
}

std::string tesseract_version() {
    return tesseract::TessBaseAPI::Version();
}

} // namespace dossier::importers
