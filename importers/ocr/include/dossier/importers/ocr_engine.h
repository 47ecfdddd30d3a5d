#pragma once
// One Tesseract engine (tesseract::TessBaseAPI): not thread-safe, so each OCR worker thread owns
// one. Engines are expensive to start (the language model is loaded), so finished workers return
// them to a process-wide pool for the next file with the same languages.
#include "dossier/importers/importer.h"
#include "dossier/importers/ocr_types.h"

#include <memory>
#include <string_view>

namespace tesseract {
class TessBaseAPI;
}

namespace dossier::importers {

class OcrEngine {
public:
    // Throws OcrError when a language is missing or Tesseract will not start.
    explicit OcrEngine(const OcrSettings& settings);
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    // Recognises one page; `cancel` is polled inside Tesseract's recognition. A cancelled page
    // comes back with error "cancelled".
    // The text is normalised for extraction (normalise_ocr_text) with this engine's dictionary.
    PageText read(const GrayImage& image, int page, const CancelToken& cancel);

    // True when the word is in the word list of the engine's languages.
    bool is_dictionary_word(std::string_view word) const;

private:
    std::unique_ptr<tesseract::TessBaseAPI> api_;
};

// An engine for these settings from the pool, or a new one; give it back with release_engine.
std::unique_ptr<OcrEngine> acquire_engine(const OcrSettings& settings);
void release_engine(const OcrSettings& settings, std::unique_ptr<OcrEngine> engine);

} // namespace dossier::importers
