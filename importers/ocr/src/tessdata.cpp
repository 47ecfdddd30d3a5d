#include "dossier/importers/tessdata.h"

#include "dossier/importers/ocr_types.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace dossier::importers {

std::string tessdata_folder(const OcrSettings& settings) {
    if (!settings.tessdata_dir.empty())
        return settings.tessdata_dir;
    if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix)
        return prefix;
    return "/usr/share/tesseract-ocr/5/tessdata";
}

std::vector<std::string> split_languages(const std::string& languages) {
    std::vector<std::string> codes;
    std::string current;
    auto finish = [&] {
        if (current.empty())
            throw OcrError("OCR languages '" + languages +
                           "' : expected Tesseract codes joined by '+', such as eng+rus");
        codes.push_back(current);
        current.clear();
    };
    for (char c : languages) {
        if (c == '+') {
            finish();
            continue;
        }
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
            throw OcrError("OCR languages '" + languages +
                           "' : expected Tesseract codes joined by '+', such as eng+rus");
        current += c;
    }
    finish();
    return codes;
}

std::string language_package(const std::string& language) {
    std::string package = "tesseract-ocr-";
    for (char c : language)
        package += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return package;
}

void require_languages(const OcrSettings& settings) {
    const auto folder = tessdata_folder(settings);
    for (const auto& code : split_languages(settings.languages)) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(
                std::filesystem::path(folder) / (code + ".traineddata"), ec))
            throw OcrError("OCR language '" + code + "' is not installed (no " + code +
                           ".traineddata in " + folder + "; install the Debian package " +
                           language_package(code) + ")");
    }
}

} // namespace dossier::importers
