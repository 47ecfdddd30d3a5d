#include "dossier/extract/authority_file.h"

#include "dossier/model/text_utf8.h"

#include <charconv>
#include <optional>

namespace dossier::extract {
namespace {

// One record; CSV quoting ("a, b" and "" for a quote) when the delimiter is a comma.
std::vector<std::string> split_record(std::string_view line, char delimiter) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (delimiter == ',' && c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
            continue;
        }
        if (c == delimiter && !quoted) {
            fields.push_back(std::move(field));
            field.clear();
            continue;
        }
        field += c;
    }
    fields.push_back(std::move(field));
    return fields;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
        s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && s[start] == ' ')
        ++start;
    return s.substr(start);
}

std::optional<int> year(const std::string& text) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || text.empty())
        return std::nullopt;
    return value;
}

} // namespace

std::vector<store::AuthorityEntry> read_authority_table(std::string_view bytes, char delimiter,
                                                        const std::string& source) {
    std::vector<store::AuthorityEntry> entries;
    if (bytes.starts_with("\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < bytes.size()) {
        auto end = bytes.find('\n', start);
        if (end == std::string_view::npos)
            end = bytes.size();
        const auto line = bytes.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (line.empty() || line == "\r" || line[0] == '#')
            continue;
        // Names become canonical entity names: never store bytes that are not UTF-8.
        if (!is_valid_utf8(line))
            throw AuthorityFileError("line " + std::to_string(line_number) +
                                     ": not valid UTF-8 (save the file as UTF-8)");
        if (delimiter == 0)
            delimiter = line.find('\t') != std::string_view::npos ? '\t' : ',';
        auto fields = split_record(line, delimiter);
        for (auto& f : fields)
            f = trim(std::move(f));
        if (line_number == 1 && !fields.empty() && (fields[0] == "id" || fields[0] == "ID"))
            continue; // header row
        if (fields.size() < 3)
            throw AuthorityFileError(
                "line " + std::to_string(line_number) +
                ": expected id, type, name[, aliases, birth_year, death_year, note]");
        store::AuthorityEntry e;
        e.external_id = fields[0];
        if (e.external_id.empty())
            throw AuthorityFileError("line " + std::to_string(line_number) + ": no id");
        const std::string type = fields[1].empty() ? "person" : fields[1];
        auto parsed = parse_entity_type(type);
        if (!parsed)
            throw AuthorityFileError("line " + std::to_string(line_number) + ": unknown type '" +
                                     type + "'");
        e.type = *parsed;
        e.name = fields[2];
        if (e.name.empty())
            throw AuthorityFileError("line " + std::to_string(line_number) + ": no name");
        if (fields.size() > 3) {
            std::size_t a = 0;
            const std::string& aliases = fields[3];
            while (a <= aliases.size() && !aliases.empty()) {
                auto bar = aliases.find('|', a);
                if (bar == std::string::npos)
                    bar = aliases.size();
                auto alias = trim(aliases.substr(a, bar - a));
                if (!alias.empty())
                    e.aliases.push_back(std::move(alias));
                a = bar + 1;
            }
        }
        if (fields.size() > 4)
            e.birth_year = year(fields[4]);
        if (fields.size() > 5)
            e.death_year = year(fields[5]);
        if (fields.size() > 6)
            e.note = fields[6];
        e.source = source;
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace dossier::extract
