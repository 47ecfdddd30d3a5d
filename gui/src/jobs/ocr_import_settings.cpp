#include "jobs/ocr_import_settings.h"

#include "dossier/importers/ocr_types.h"
#include "dossier/importers/tessdata.h"

#include <QSettings>

namespace dossier::gui {
namespace {
const QString kModeKey = QStringLiteral("import/ocrMode");
const QString kLanguagesKey = QStringLiteral("import/ocrLanguages");
} // namespace

QString ocr_mode_name(importers::OcrMode mode) {
    switch (mode) {
    case importers::OcrMode::Never:
        return QStringLiteral("never");
    case importers::OcrMode::Always:
        return QStringLiteral("always");
    case importers::OcrMode::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<importers::OcrMode> ocr_mode_from_name(const QString& name) {
    for (auto mode :
         {importers::OcrMode::Auto, importers::OcrMode::Always, importers::OcrMode::Never})
        if (name == ocr_mode_name(mode))
            return mode;
    return std::nullopt;
}

QString ocr_languages_problem(const QString& languages) {
    try {
        importers::split_languages(languages.trimmed().toStdString());
        return {};
    } catch (const importers::OcrError& e) {
        return QString::fromUtf8(e.what());
    }
}

OcrImportSettings load_ocr_import_settings() {
    const QSettings settings;
    OcrImportSettings loaded;
    if (const auto mode = ocr_mode_from_name(settings.value(kModeKey).toString()))
        loaded.mode = *mode;
    const QString languages = settings.value(kLanguagesKey).toString().trimmed();
    if (!languages.isEmpty() && ocr_languages_problem(languages).isEmpty())
        loaded.languages = languages;
    return loaded;
}

void save_ocr_import_settings(const OcrImportSettings& settings) {
    QSettings stored;
    stored.setValue(kModeKey, ocr_mode_name(settings.mode));
    stored.setValue(kLanguagesKey, settings.languages.trimmed());
}

importers::OcrSettings to_ingest_settings(const OcrImportSettings& settings) {
    importers::OcrSettings ocr;
    ocr.mode = settings.mode;
    ocr.languages = settings.languages.trimmed().toStdString();
    return ocr;
}

} // namespace dossier::gui
