#pragma once
// Shared by the OCR tests: the seed cable's text (data/samples, the project's own) and helpers.
#include "dossier/importers/importer.h"
#include "test_support.h"

#include <string>

namespace dossier::testing {

inline std::string seed_cable_text() {
    return read_file(std::filesystem::path(DOSSIER_DATA_DIR) / "samples" /
                     "state-telegram-1742-1980.txt");
}

// Two workers whatever the machine: the tests prove behaviour, not speed.
inline importers::ReadOptions ocr_options(importers::OcrMode mode = importers::OcrMode::Auto,
                                          std::string languages = "eng") {
    importers::ReadOptions options;
    options.ocr.mode = mode;
    options.ocr.languages = std::move(languages);
    options.ocr.threads = 2;
    return options;
}

inline std::string error_of(const importers::Importer& importer, const std::string& path,
                            const std::string& bytes, const importers::ReadOptions& options) {
    try {
        importer.read_with(path, bytes, options);
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

} // namespace dossier::testing
