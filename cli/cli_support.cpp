#include "cli_support.h"

#include "dossier/importers/tessdata.h"
#include "dossier/store/store_error.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace dossier::cli {

void print_error(const std::string& message) {
    std::cerr << "dossier: " << message << '\n';
}

void print_json(const nlohmann::json& value) {
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

bool stdout_is_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}
bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

store::Project open_project(const std::filesystem::path& path, store::OpenMode mode) {
    try {
        return store::Project::open(path, mode);
    } catch (const store::StoreError& e) {
        print_error(e.what());
        std::exit(kFailure);
    }
}

std::optional<std::uint64_t> parse_size(std::string text) {
    std::erase_if(text, [](unsigned char c) { return std::isspace(c); });
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (...) {
        return std::nullopt;
    }
    std::string unit = text.substr(used);
    for (auto& c : unit)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double factor = 1;
    if (unit.empty() || unit == "b")
        factor = 1;
    else if (unit == "k" || unit == "kb" || unit == "kib")
        factor = 1024.0;
    else if (unit == "m" || unit == "mb" || unit == "mib")
        factor = 1024.0 * 1024;
    else if (unit == "g" || unit == "gb" || unit == "gib")
        factor = 1024.0 * 1024 * 1024;
    else
        return std::nullopt;
    if (value < 0 || !std::isfinite(value))
        return std::nullopt;
    return static_cast<std::uint64_t>(value * factor);
}

void add_input_options(CLI::App* command, InputOptions& options) {
    command->add_option("--format", options.format, "Importer to use instead of detecting it")
        ->check(CLI::IsMember({"auto", "text", "html", "pdf", "image", "tei", "csv"}));
    command
        ->add_option("--ocr", options.ocr,
                     "OCR of scans: auto (PDF pages with no text layer or a garbage one, and "
                     "image files), always (every page), never (default auto)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    command->add_option("--ocr-lang", options.ocr_lang,
                        "Tesseract languages joined by '+', such as eng+rus (default eng)");
    command->add_option("--include", options.include, "Only files matching this glob (repeatable)");
    command->add_option("--exclude", options.exclude,
                        "Skip files and folders matching this glob (repeatable)");
    command->add_option("--max-size", options.max_size,
                        "Refuse files larger than this (default 512MiB)");
}

std::optional<std::uint64_t> checked_size_and_languages(const InputOptions& options) {
    const auto bytes = parse_size(options.max_size);
    if (!bytes || *bytes == 0) {
        print_error("--max-size '" + options.max_size +
                    "' : expected a size such as 512MiB, 20M or 100000");
        return std::nullopt;
    }
    try {
        importers::split_languages(options.ocr_lang);
    } catch (const importers::OcrError& e) {
        print_error(std::string("--ocr-lang : ") + e.what());
        return std::nullopt;
    }
    return bytes;
}

} // namespace dossier::cli
