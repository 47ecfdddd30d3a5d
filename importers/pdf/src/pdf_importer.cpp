#include "dossier/importers/pdf_importer.h"

#include "dossier/importers/ocr_document.h"
#include "dossier/importers/page_ocr.h"
#include "dossier/importers/pdf_page_image.h"
#include "dossier/importers/text_layer_quality.h"
#include "dossier/model/text_utf8.h"
#include "pdf_page_render.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace dossier::importers {
namespace {

// Poppler prints parser complaints about damaged files on stderr; our one-line error says it all.
void ignore_poppler_message(const std::string&, void*) {}

bool has_visible_text(std::string_view text) {
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f')
            return true;
    return false;
}

std::unique_ptr<poppler::document> open_pdf(std::string_view bytes) {
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw ImportError("PDF too large for the reader");
    // Poppler rebuilds a damaged cross-reference table and would silently return the pages that
    // survived; a historian must know the copy is incomplete, so a missing end marker is
    // refused.
    const auto tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos &&
        tail.find("%%EOF") == std::string_view::npos)
        throw ImportError("truncated PDF (the end of the file is missing)");
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) {
        // Poppler returns null for a password-protected file too; tell the two apart.
        if (bytes.find("/Encrypt") != std::string_view::npos)
            throw ImportError("encrypted PDF (a password is needed to read it)");
        throw ImportError("corrupt PDF");
    }
    if (pdf->is_locked())
        throw ImportError("encrypted PDF (a password is needed to read it)");
    return pdf;
}

class PdfImporter final : public Importer {
public:
    PdfImporter() { poppler::set_debug_error_function(&ignore_poppler_message, nullptr); }

    std::string_view name() const override { return "pdf"; }
    std::vector<std::string_view> extensions() const override { return {".pdf"}; }
    bool sniff(std::string_view, std::string_view head) const override {
        return head.substr(0, 1024).find("%PDF-") != std::string_view::npos;
    }

    std::vector<Document> read(std::string_view path, std::string_view bytes) const override {
        return read_with(path, bytes, ReadOptions{});
    }

    std::vector<Document> read_with(std::string_view path, std::string_view bytes,
                                    const ReadOptions& options) const override {
        const auto pdf = open_pdf(bytes);
        const int pages = pdf->pages();
        if (pages <= 0)
            throw ImportError("corrupt PDF (no pages)");

        // The text layers first (cheap), and which pages OCR must read instead.
        std::vector<std::string> layers(static_cast<std::size_t>(pages));
        std::vector<std::size_t> to_ocr;
        bool any_text = false;
        for (int i = 0; i < pages; ++i) {
            auto& text = layers[static_cast<std::size_t>(i)];
            text = text_layer(*pdf, i);
            const auto verdict = assess_text_layer(text);
            any_text = any_text || verdict != TextLayer::Empty;
            if (options.ocr.mode == OcrMode::Always ||
                (options.ocr.mode == OcrMode::Auto && verdict != TextLayer::Usable))
                to_ocr.push_back(static_cast<std::size_t>(i));
        }
        if (options.ocr.mode == OcrMode::Never && !any_text)
            throw ImportError("no text layer; OCR needed (OCR is off: --ocr never)");

        auto read = read_pages(
            to_ocr.size(), [&](std::size_t k) { return render_page(*pdf, to_ocr[k]); }, options);
        require_all_pages(read, static_cast<std::size_t>(pages));

        Document doc;
        doc.source_path = std::string(path);
        doc.format = "pdf";
        std::size_t next_ocr = 0;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            if (next_ocr < to_ocr.size() && to_ocr[next_ocr] == i)
                append_ocr_page(doc, std::move(read[next_ocr++]));
            else
                append_text_page(doc, layers[i]);
            layers[i] = {};
        }
        if (!has_visible_text(doc.text))
            throw ImportError(to_ocr.empty()
                                  ? "no text layer; OCR needed"
                                  : "no text found: OCR read " + std::to_string(to_ocr.size()) +
                                        (to_ocr.size() == 1 ? " page" : " pages") +
                                        " without a text layer and found no words");
        if (!to_ocr.empty())
            note_ocr(doc, options.ocr, to_ocr.size(), layers.size());
        const auto title = pdf->info_key("Title").to_utf8();
        doc.title = sanitize_utf8(std::string_view(title.data(), title.size()));
        std::vector<Document> docs;
        docs.push_back(std::move(doc));
        return docs;
    }

private:
    static std::string text_layer(poppler::document& pdf, int index) {
        std::unique_ptr<poppler::page> page(pdf.create_page(index));
        if (!page)
            return {};
        const auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        std::string text = sanitize_utf8(std::string_view(utf8.data(), utf8.size()));
        // Poppler separates pages with a form feed; page_starts carries that information.
        std::erase(text, '\f');
        return text;
    }
};

} // namespace

std::unique_ptr<Importer> make_pdf_importer() {
    return std::make_unique<PdfImporter>();
}

PageToRead render_pdf_page(std::string_view bytes, std::size_t index) {
    poppler::set_debug_error_function(&ignore_poppler_message, nullptr);
    PageToRead out;
    out.page = static_cast<int>(index) + 1;
    try {
        const auto pdf = open_pdf(bytes);
        if (index >= static_cast<std::size_t>(std::max(0, pdf->pages()))) {
            out.error = "the PDF has no page " + std::to_string(out.page);
            return out;
        }
        return render_page(*pdf, index);
    } catch (const ImportError& e) {
        out.error = e.what();
    }
    return out;
}

} // namespace dossier::importers
