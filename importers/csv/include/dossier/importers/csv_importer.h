#pragma once
#include "dossier/importers/importer.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::importers {

struct CsvRow {
    std::size_t line = 0; // 1-based line where the row starts
    std::vector<std::string> fields;
};

// RFC 4180: fields separated by `delimiter`, optionally in double quotes with "" for a quote and
// line breaks allowed inside. Throws ImportError naming the line for an unterminated quote or a row
// whose field count differs from the header's.
std::vector<CsvRow> parse_csv(std::string_view text, char delimiter);

// Tab when the first line has more tabs than commas and semicolons, else the most frequent of , and
// ;.
char sniff_csv_delimiter(std::string_view text);

std::unique_ptr<Importer> make_csv_importer();

} // namespace dossier::importers
