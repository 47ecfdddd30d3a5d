#include "dossier/importers/image_importer.h"

#include "dossier/importers/image_decoding.h"
#include "dossier/importers/ocr_document.h"
#include "dossier/importers/page_ocr.h"

namespace dossier::importers {
namespace {

bool has_words(const Document& doc) {
    for (const auto& page : doc.ocr_pages)
        if (!page.words.empty())
            return true;
    return false;
}

class ImageImporter final : public Importer {
public:
    std::string_view name() const override { return "image"; }
    std::vector<std::string_view> extensions() const override {
        return {".png", ".jpg", ".jpeg", ".tif", ".tiff"};
    }
    bool sniff(std::string_view, std::string_view head) const override {
        return !image_kind(head).empty();
    }
    std::vector<Document> read(std::string_view path, std::string_view bytes) const override {
        return read_with(path, bytes, ReadOptions{});
    }
    std::vector<Document> read_with(std::string_view path, std::string_view bytes,
                                    const ReadOptions& options) const override {
        if (options.ocr.mode == OcrMode::Never)
            throw ImportError("page image; OCR needed (OCR is off: --ocr never)");
        const auto count = image_page_count(bytes);
        auto pages = read_pages(
            count, [&](std::size_t i) { return decode_image_page(bytes, i); }, options);
        require_all_pages(pages, count);
        Document doc;
        doc.source_path = std::string(path);
        doc.format = "image";
        for (auto& page : pages)
            append_ocr_page(doc, std::move(page));
        if (!has_words(doc))
            throw ImportError("no text found: OCR read " + std::to_string(count) +
                              (count == 1 ? " page" : " pages") + " and found no words");
        note_ocr(doc, options.ocr, count, count);
        std::vector<Document> docs;
        docs.push_back(std::move(doc));
        return docs;
    }
};

} // namespace

std::unique_ptr<Importer> make_image_importer() {
    return std::make_unique<ImageImporter>();
}

} // namespace dossier::importers
