#include "dossier/export/citations.h"

#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

namespace dossier::exporting {
namespace {

constexpr std::array<const char*, 12> kMonths{"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
constexpr std::array<const char*, 12> kBibtexMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                    "jul", "aug", "sep", "oct", "nov", "dec"};

// Year, month, day of an ISO date at its precision; 0 where missing or not a number.
std::array<int, 3> date_parts(std::string_view iso) {
    std::array<int, 3> parts{0, 0, 0};
    std::size_t part = 0;
    for (char c : iso) {
        if (c == '-') {
            if (++part == parts.size())
                break;
        } else if (c >= '0' && c <= '9') {
            parts[part] = parts[part] * 10 + (c - '0');
        } else {
            return {0, 0, 0};
        }
    }
    if (parts[1] < 0 || parts[1] > 12)
        parts[1] = parts[2] = 0;
    return parts;
}

std::string join(const std::vector<std::string>& names, std::string_view last_separator) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += i + 1 == names.size() ? std::string(last_separator) : std::string(", ");
        out += names[i];
    }
    return out;
}

// "SECRET" -> "Secret", "LIMITED OFFICIAL USE" -> "Limited Official Use"; mixed case kept.
std::string classification_words(const std::string& text) {
    for (char c : text)
        if (c >= 'a' && c <= 'z')
            return text;
    std::string out = text;
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i - 1] != ' ' && out[i - 1] != '/' && out[i] >= 'A' && out[i] <= 'Z')
            out[i] = static_cast<char>(out[i] - 'A' + 'a');
    return out;
}

// The parts of a citation, in the order a historian writes them.
std::vector<std::string> citation_parts(const ExportDocument& d) {
    std::vector<std::string> parts;
    const auto from = join(d.senders, " and ");
    const auto to = join(d.recipients, " and ");
    if (!from.empty() || !to.empty())
        parts.push_back(from.empty() ? "to " + to : to.empty() ? from : from + " to " + to);
    if (!d.title.empty())
        parts.push_back("\u201C" + d.title + "\u201D");
    if (!d.place.empty())
        parts.push_back(d.place);
    if (!d.date.empty())
        parts.push_back(long_date(d.date));
    if (!d.classification.empty())
        parts.push_back(classification_words(d.classification));
    if (!d.volume.empty())
        parts.push_back("in " + d.volume);
    if (!d.collection.empty())
        parts.push_back(d.collection);
    if (!d.number.empty())
        parts.push_back("doc. " + d.number);
    if (!d.archive.empty())
        parts.push_back(d.archive);
    if (!d.archive_ref.empty())
        parts.push_back(d.volume.empty() && d.archive.empty() ? "ref. " + d.archive_ref
                                                              : d.archive_ref);
    return parts;
}

// Parts joined by commas; a quoted title takes the comma (or the full stop) inside its quotes,
// as in Chicago style.
std::string sentence_of(const std::vector<std::string>& parts) {
    static const std::string close = "\u201D";
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string piece = parts[i];
        const bool last = i + 1 == parts.size();
        if (piece.ends_with(close)) {
            piece.insert(piece.size() - close.size(), last ? "." : ",");
            out += piece + (last ? "" : " ");
        } else {
            out += piece + (last ? (piece.ends_with(".") ? "" : ".") : ", ");
        }
    }
    return out;
}

nlohmann::ordered_json names_json(const std::vector<std::string>& names) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& name : names)
        out.push_back({{"literal", name}});
    return out;
}

nlohmann::ordered_json csl_item(const ExportDocument& d) {
    nlohmann::ordered_json item;
    item["id"] = "doc" + d.id;
    // A document printed in an edition is cited inside its volume; anything else is a manuscript
    // in an archive (Zotero's "Manuscript" item: archive, loc. in archive).
    item["type"] = d.volume.empty() ? "manuscript" : "document";
    if (!d.title.empty())
        item["title"] = d.title;
    if (!d.senders.empty())
        item["author"] = names_json(d.senders);
    if (!d.recipients.empty())
        item["recipient"] = names_json(d.recipients);
    const auto [year, month, day] = date_parts(d.date);
    if (year > 0) {
        nlohmann::ordered_json parts = nlohmann::ordered_json::array({year});
        if (month > 0)
            parts.push_back(month);
        if (month > 0 && day > 0)
            parts.push_back(day);
        item["issued"] = {{"date-parts", nlohmann::ordered_json::array({parts})}};
    }
    if (!d.place.empty())
        item["publisher-place"] = d.place;
    if (!d.volume.empty())
        item["container-title"] = d.volume;
    if (!d.number.empty())
        item["number"] = d.number;
    if (!d.archive.empty())
        item["archive"] = d.archive;
    if (!d.collection.empty())
        item["archive_collection"] = d.collection;
    if (!d.archive_ref.empty())
        item["archive_location"] = d.archive_ref;
    if (!d.classification.empty())
        item["status"] = classification_words(d.classification);
    if (!d.language.empty())
        item["language"] = d.language;
    item["note"] = cite_document(d);
    return item;
}

std::string bibtex_field(std::string_view name, const std::string& value) {
    return "  " + std::string(name) + " = {" + bibtex_escape(value) + "},\n";
}

// Names as literal groups ({Department of State}), so BibTeX does not split them into parts.
std::string bibtex_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "{" : " and {") + bibtex_escape(name) + "}";
    return out;
}

std::string bibtex_entry(const ExportDocument& d) {
    std::string out = "@misc{doc" + d.id + ",\n";
    if (!d.title.empty())
        out += "  title = {{" + bibtex_escape(d.title) + "}},\n"; // case kept as written
    if (!d.senders.empty())
        out += "  author = {" + bibtex_names(d.senders) + "},\n";
    if (!d.recipients.empty())
        out += bibtex_field("recipient", join(d.recipients, " and "));
    const auto [year, month, day] = date_parts(d.date);
    if (year > 0) {
        out += bibtex_field("date", d.date);
        out += bibtex_field("year", std::to_string(year));
        if (month > 0)
            out += "  month = " + std::string(kBibtexMonths[static_cast<std::size_t>(month - 1)]) +
                   ",\n";
    }
    if (!d.volume.empty())
        out += bibtex_field("howpublished", d.volume);
    else if (!d.collection.empty())
        out += bibtex_field("howpublished", d.collection);
    if (!d.number.empty())
        out += bibtex_field("number", d.number);
    if (!d.place.empty())
        out += bibtex_field("address", d.place);
    if (!d.language.empty())
        out += bibtex_field("language", d.language);
    out += bibtex_field("note", cite_document(d));
    out += "}\n";
    return out;
}

} // namespace

std::string long_date(std::string_view iso) {
    const auto [year, month, day] = date_parts(iso);
    if (year == 0)
        return std::string(iso);
    std::string out =
        month > 0 ? std::string(kMonths[static_cast<std::size_t>(month - 1)]) + " " : std::string();
    if (month > 0 && day > 0)
        out = std::to_string(day) + " " + out;
    return out + std::to_string(year);
}

std::string cite_document(const ExportDocument& document) {
    return sentence_of(citation_parts(document));
}

std::string cite_evidence(const ExportEvidence& evidence) {
    ExportDocument d;
    d.title = evidence.document_title;
    d.date = evidence.date;
    return cite_document(d);
}

CitationFormat citation_format_for(const std::filesystem::path& path) {
    const auto extension = path.extension().string();
    if (extension == ".json")
        return CitationFormat::CslJson;
    if (extension == ".bib")
        return CitationFormat::Bibtex;
    throw std::invalid_argument("citations: '" + path.string() +
                                "' should end in .json (CSL-JSON) or .bib (BibTeX)");
}

std::string write_citations(const ExportGraph& graph, CitationFormat format) {
    return format == CitationFormat::Bibtex ? write_bibtex(graph) : write_csl_json(graph);
}

std::string write_csl_json(const ExportGraph& graph) {
    auto items = nlohmann::ordered_json::array();
    for (const auto& document : graph.documents)
        items.push_back(csl_item(document));
    return items.dump(2) + "\n";
}

std::string write_bibtex(const ExportGraph& graph) {
    std::string out = "% Documents quoted in the evidence appendix, written by dossier export.\n";
    for (const auto& document : graph.documents)
        out += "\n" + bibtex_entry(document);
    return out;
}

std::string bibtex_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\\':
            out += "\\textbackslash{}";
            break;
        case '{': // BibTeX counts braces even after a backslash: never leave one unpaired
            out += "\\textbraceleft{}";
            break;
        case '}':
            out += "\\textbraceright{}";
            break;
        case '%':
        case '&':
        case '#':
        case '$':
        case '_':
            out += '\\';
            out += c;
            break;
        case '~':
            out += "\\textasciitilde{}";
            break;
        case '^':
            out += "\\textasciicircum{}";
            break;
        case '\n':
        case '\r':
        case '\t':
            out += ' ';
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace dossier::exporting
