#include "dossier/importers/csv_importer.h"

#include "dossier/importers/text_importer.h"

#include <algorithm>
#include <cctype>

namespace dossier::importers {
namespace {

enum class Column { Id, Title, Date, From, To, Text, Classification, Other };

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Column classify(const std::string& header) {
    if (header == "id" || header == "ref" || header == "reference")
        return Column::Id;
    if (header == "title" || header == "subject")
        return Column::Title;
    if (header == "date")
        return Column::Date;
    if (header == "from" || header == "sender" || header == "senders")
        return Column::From;
    if (header == "to" || header == "recipient" || header == "recipients")
        return Column::To;
    if (header == "text" || header == "body")
        return Column::Text;
    if (header == "classification")
        return Column::Classification;
    return Column::Other;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

// "Rusk; Gromyko | Dobrynin" -> three names.
std::vector<std::string> split_names(std::string_view value) {
    std::vector<std::string> names;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i == value.size() || value[i] == ';' || value[i] == '|') {
            auto name = trimmed(value.substr(start, i - start));
            if (!name.empty())
                names.push_back(std::move(name));
            start = i + 1;
        }
    }
    return names;
}

class CsvImporter final : public Importer {
public:
    std::string_view name() const override { return "csv"; }
    std::vector<std::string_view> extensions() const override { return {".csv", ".tsv", ".tab"}; }
    // A table has no signature worth trusting; only the extension or --format csv choose it.
    bool sniff(std::string_view, std::string_view) const override { return false; }

    std::vector<Document> read(std::string_view path, std::string_view bytes) const override {
        const auto text = decode_text(bytes).utf8;
        const auto rows = parse_csv(text, sniff_csv_delimiter(text));
        if (rows.empty())
            throw ImportError("CSV file is empty");
        std::vector<Column> columns;
        for (const auto& header : rows.front().fields)
            columns.push_back(classify(lower_trimmed(header)));
        if (std::find(columns.begin(), columns.end(), Column::Text) == columns.end())
            throw ImportError("CSV header has no 'text' or 'body' column");

        std::vector<Document> docs;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const auto& row = rows[r];
            Document doc;
            doc.source_path = std::string(path);
            doc.source_key = "line " + std::to_string(row.line);
            doc.format = "csv";
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const auto& value = row.fields[c];
                switch (columns[c]) {
                case Column::Id:
                    doc.archive_ref = trimmed(value);
                    break;
                case Column::Title:
                    doc.title = trimmed(value);
                    break;
                case Column::Date:
                    if (auto date = parse_iso_date(trimmed(value)))
                        doc.date = *date;
                    else if (!trimmed(value).empty())
                        doc.metadata.emplace_back("date_as_written", trimmed(value));
                    break;
                case Column::From:
                    for (auto& n : split_names(value))
                        doc.parties.push_back({DocumentParty::Role::Sender, std::move(n)});
                    break;
                case Column::To:
                    for (auto& n : split_names(value))
                        doc.parties.push_back({DocumentParty::Role::Recipient, std::move(n)});
                    break;
                case Column::Text:
                    doc.text = value;
                    break;
                case Column::Classification:
                    doc.classification = trimmed(value);
                    break;
                case Column::Other:
                    if (!value.empty())
                        doc.metadata.emplace_back(trimmed(rows.front().fields[c]), value);
                    break;
                }
            }
            docs.push_back(std::move(doc));
        }
        return docs;
    }
};

} // namespace

std::unique_ptr<Importer> make_csv_importer() {
    return std::make_unique<CsvImporter>();
}

} // namespace dossier::importers
