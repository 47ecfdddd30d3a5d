#pragma once
// The contract every format importer fulfils: bytes of one file in, Documents out.
// Documents come out with valid UTF-8 text, every annotation span inside `text`, and a
// `source_key` when the file holds several documents (TEI volumes, CSV tables).
#include "dossier/model/document.h"
#include "dossier/model/job_control.h"

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::importers {

// A file that cannot be read as its format; what() is one line saying why ("corrupt PDF").
struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// When scanned pages are read by OCR (docs/OCR.md).
enum class OcrMode {
    Never,  // a page without a text layer is an error ("no text layer; OCR needed")
    Auto,   // pages with no text layer, or a garbage one (ocr/text_layer_quality.h), are OCR'd
    Always, // every page is OCR'd, whatever its text layer says
};

struct OcrSettings {
    OcrMode mode = OcrMode::Auto;
    std::string languages = "eng"; // Tesseract's form: eng, eng+rus
    unsigned threads = 0;          // page workers; 0 = one per core
    std::string tessdata_dir;      // empty: TESSDATA_PREFIX, else Debian's tessdata folder
};

// Everything a read may need besides the bytes. The default reads as `dossier import` does.
struct ReadOptions {
    OcrSettings ocr;
    // Checked between pages (and inside Tesseract's recognition); a cancelled read throws
    // ImportCancelled.
    CancelToken cancel;
    // Pages done out of pages to do, for files read page by page with OCR; on the reading thread.
    std::function<void(std::size_t done, std::size_t total)> page_progress;
};

// Thrown by a read stopped through ReadOptions::cancel; nothing of the file is kept.
struct ImportCancelled : std::runtime_error {
    ImportCancelled() : std::runtime_error("cancelled") {}
};

class Importer {
public:
    virtual ~Importer() = default;
    // The --format name: text, html, pdf, tei, csv, image.
    virtual std::string_view name() const = 0;
    // File name extensions (lower case, with the dot) this importer claims.
    virtual std::vector<std::string_view> extensions() const = 0;
    // True when `head` (the first few KiB of the file) looks like this format.
    virtual bool sniff(std::string_view path, std::string_view head) const = 0;
    // Reads the whole file; throws ImportError with a one-line reason.
    virtual std::vector<Document> read(std::string_view path, std::string_view bytes) const = 0;
    // The same with OCR settings, cancel and page progress; formats without pages ignore them.
    virtual std::vector<Document> read_with(std::string_view path, std::string_view bytes,
                                            const ReadOptions&) const {
        return read(path, bytes);
    }
};

} // namespace dossier::importers
