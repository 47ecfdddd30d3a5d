#pragma once
// How the explorer's import reads scans, as `dossier import --ocr MODE --ocr-lang LANGS` does
// (docs/OCR.md): kept in QSettings so the choice holds between sessions.
#include "dossier/importers/importer.h"

#include <QString>
#include <optional>

namespace dossier::gui {

struct OcrImportSettings {
    importers::OcrMode mode = importers::OcrMode::Auto;
    QString languages = QStringLiteral("eng"); // Tesseract's form: eng, eng+rus
};

// "auto", "always", "never": the words of the command line.
QString ocr_mode_name(importers::OcrMode mode);
std::optional<importers::OcrMode> ocr_mode_from_name(const QString& name);

// Empty when `languages` is a valid Tesseract list (eng, eng+rus); otherwise why not. Whether the
// language data is installed is checked by the import itself, per file that needs OCR.
QString ocr_languages_problem(const QString& languages);

// From QSettings (import/ocrMode, import/ocrLanguages); the defaults (auto, eng) when unset or
// unreadable.
OcrImportSettings load_ocr_import_settings();
void save_ocr_import_settings(const OcrImportSettings& settings);

// The ingest core's form of the settings.
importers::OcrSettings to_ingest_settings(const OcrImportSettings& settings);

} // namespace dossier::gui
