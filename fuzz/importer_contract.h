#pragma once
// What every importer promises (importers/common/include/dossier/importers/importer.h), checked on
// each fuzz input: a refusal is an ImportError with a one-line reason; anything else a fuzzer finds
// (another exception, invalid UTF-8, a span outside the text, a page map out of order) is a crash.
#include "dossier/importers/importer.h"
#include "dossier/model/text_utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace dossier::fuzz {

[[noreturn]] inline void contract_broken(const char* what) {
    std::fprintf(stderr, "importer contract broken: %s\n", what);
    std::abort();
}

inline void check_document(const Document& document) {
    if (!is_valid_utf8(document.text))
        contract_broken("document text is not valid UTF-8");
    if (!is_valid_utf8(document.title))
        contract_broken("document title is not valid UTF-8");
    for (const auto& annotation : document.annotations)
        if (annotation.span.start > annotation.span.end ||
            annotation.span.end > document.text.size())
            contract_broken("annotation span outside the text");
    for (std::size_t i = 0; i < document.page_starts.size(); ++i) {
        if (document.page_starts[i] > document.text.size())
            contract_broken("page start beyond the text");
        if (i > 0 && document.page_starts[i] < document.page_starts[i - 1])
            contract_broken("page starts out of order");
    }
}

// Feeds `bytes` to `importer` as the file `path`; returns the number of documents read.
inline std::size_t read_checked(const importers::Importer& importer, std::string_view path,
                                std::string_view bytes) {
    // sniff() sees only the head of a file and must never throw or crash on it.
    (void)importer.sniff(path, bytes.substr(0, 8192));
    // The text layers and formats, not Tesseract: OCR of a fuzzed page image takes seconds, which
    // would starve the fuzzer (docs/OCR.md; image decoding has no fuzz target yet).
    importers::ReadOptions no_ocr;
    no_ocr.ocr.mode = importers::OcrMode::Never;
    try {
        const auto documents = importer.read_with(path, bytes, no_ocr);
        for (const auto& document : documents)
            check_document(document);
        return documents.size();
    } catch (const importers::ImportError& e) {
        const std::string_view reason = e.what();
        if (reason.empty() || reason.find('\n') != std::string_view::npos)
            contract_broken("ImportError reason is not one line");
        return 0;
    }
}

} // namespace dossier::fuzz
