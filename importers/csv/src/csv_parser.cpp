#include "dossier/importers/csv_importer.h"

namespace dossier::importers {

char sniff_csv_delimiter(std::string_view text) {
    std::size_t tabs = 0, commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\n')
            break;
        else if (!quoted)
            tabs += c == '\t', commas += c == ',', semicolons += c == ';';
    }
    if (tabs > 0 && tabs >= commas && tabs >= semicolons)
        return '\t';
    return semicolons > commas ? ';' : ',';
}

std::vector<CsvRow> parse_csv(std::string_view text, char delimiter) {
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    std::size_t line = 1;
    row.line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    bool row_has_content = false;

    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
    };
    auto end_row = [&] {
        end_field();
        // A blank line is not a row of one empty field.
        if (row_has_content || row.fields.size() > 1) {
            if (!rows.empty() && row.fields.size() != rows.front().fields.size())
                throw ImportError("CSV line " + std::to_string(row.line) + ": " +
                                  std::to_string(row.fields.size()) +
                                  " fields where the header has " +
                                  std::to_string(rows.front().fields.size()));
            rows.push_back(std::move(row));
        }
        row = CsvRow{};
        row.line = line;
        row_has_content = false;
    };

    while (i < n) {
        const char c = text[i];
        if (c == '"' && field.empty()) {
            // Quoted field: runs to the closing quote, "" is a literal quote, line breaks allowed.
            const std::size_t opened_at = line;
            ++i;
            bool closed = false;
            while (i < n) {
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (text[i] == '\n')
                    ++line;
                field += text[i++];
            }
            if (!closed)
                throw ImportError("CSV line " + std::to_string(opened_at) +
                                  ": quoted field is never closed");
            row_has_content = true;
            if (i < n && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
                throw ImportError("CSV line " + std::to_string(line) +
                                  ": text after a closing quote");
            continue;
        }
        if (c == delimiter) {
            end_field();
            row_has_content = true;
            ++i;
        } else if (c == '\n' || c == '\r') {
            ++i;
            if (c == '\r' && i < n && text[i] == '\n')
                ++i;
            ++line;
            end_row();
        } else {
            field += c;
            row_has_content = true;
            ++i;
        }
    }
    if (row_has_content || !field.empty() || !row.fields.empty())
        end_row();
    return rows;
}

} // namespace dossier::importers
