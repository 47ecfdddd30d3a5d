#pragma once
// Where Tesseract's language data lives and whether the languages asked for are installed.
#include "dossier/importers/importer.h"
#include "dossier/importers/ocr_types.h"

#include <string>
#include <vector>

namespace dossier::importers {

// The folder holding *.traineddata: settings.tessdata_dir, else $TESSDATA_PREFIX, else Debian's
// /usr/share/tesseract-ocr/5/tessdata.
std::string tessdata_folder(const OcrSettings& settings);

// "eng+rus" -> {"eng", "rus"}. Throws OcrError for an empty list or a code that is not Tesseract's
// form (letters, digits and '_').
std::vector<std::string> split_languages(const std::string& languages);

// The Debian package that installs a language: "rus" -> "tesseract-ocr-rus",
// "chi_sim" -> "tesseract-ocr-chi-sim".
std::string language_package(const std::string& language);

// Throws OcrError naming the first missing language and the package that installs it.
void require_languages(const OcrSettings& settings);

} // namespace dossier::importers
