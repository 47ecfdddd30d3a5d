#include "header_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace dossier::extract::detail {
namespace {

constexpr std::size_t kMaxHeaderLines = 40;
constexpr std::size_t kMaxHeaderLineBytes = 200; // a longer line is body text

struct Line {
    std::size_t start, end; // trimmed
};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

bool equals_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() && starts_with_ci(a, b);
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

Line trim(std::string_view text, std::size_t start, std::size_t end) {
    while (start < end && is_space(text[start]))
        ++start;
    while (end > start && (is_space(text[end - 1])))
        --end;
    return {start, end};
}

constexpr std::array<std::string_view, 9> kClassifications{
    "TOP SECRET",   "STRICTLY SECRET", "SECRET",     "CONFIDENTIAL",         "LIMITED OFFICIAL USE",
    "UNCLASSIFIED", "EYES ONLY",       "RESTRICTED", "FOR OFFICIAL USE ONLY"};

std::vector<std::string_view> words_of(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(line[i]))
            ++i;
        std::size_t j = i;
        while (j < line.size() && !is_space(line[j]))
            ++j;
        if (j > i)
            words.push_back(line.substr(i, j - i));
        i = j;
    }
    return words;
}

std::string title_case(std::string_view word) {
    std::string out(word);
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i] >= 'A' && out[i] <= 'Z' && out[i - 1] != '-' && out[i - 1] != ' ')
            out[i] = static_cast<char>(out[i] + 32);
    return out;
}

// A signature line names an office ("CC SECRETARY", "MINISTER OF FOREIGN AFFAIRS"); a line in
// capitals that names a kind of document or whom it is for ("NOTE FOR THE MINISTER",
// "INSTRUCTIONS TO THE AMBASSADOR") is a title, not a signature.
bool is_office_line(std::string_view line) {
    static constexpr std::array<std::string_view, 18> kNotOffice{
        "FOR",   "TO",         "ON",           "ABOUT",   "RE",      "CONCERNING",
        "NOTE",  "MEMORANDUM", "TELEGRAM",     "LETTER",  "REPORT",  "RECORD",
        "DRAFT", "DIRECTIVES", "INSTRUCTIONS", "EXTRACT", "MINUTES", "COPY"};
    for (auto w : words_of(line))
        if (std::find(kNotOffice.begin(), kNotOffice.end(), w) != kNotOffice.end())
            return false;
    return true;
}

// A telegram routing address ("SECSTATE WASHDC", "AMEMBASSY NEW DELHI IMMEDIATE",
// "USMISSION VIENNA"): the station names an institution, the precedence word after it is
// handling, not a name. Returns the institution's name, or "" when `address` is no such form.
std::string routing_address_name(std::string_view address) {
    // Station codes are distinctive enough to match in any case ("Amembassy Moscow" too).
    std::vector<std::string> words;
    for (auto w : words_of(address)) {
        std::string upper(w);
        for (auto& c : upper)
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 32);
        words.push_back(std::move(upper));
    }
    static constexpr std::array<std::string_view, 6> kPrecedence{
        "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH", "NIACT", "OPERATIONAL"};
    while (!words.empty() &&
           std::find(kPrecedence.begin(), kPrecedence.end(), words.back()) != kPrecedence.end())
        words.pop_back();
    if (words.empty())
        return {};
    std::string place;
    for (std::size_t i = 1; i < words.size(); ++i)
        place += (place.empty() ? "" : " ") + title_case(words[i]);
    const std::string_view station = words.front();
    if (station == "SECSTATE")
        return "Department of State"; // "SECSTATE WASHDC": the Department in Washington
    struct Station {
        std::string_view code, institution;
    };
    static constexpr std::array<Station, 4> kStations{{{"AMEMBASSY", "Embassy in "},
                                                       {"AMCONSUL", "Consulate in "},
                                                       {"AMLEGATION", "Legation in "},
                                                       {"USMISSION", "US Mission in "}}};
    for (const auto& s : kStations)
        if (station == s.code && !place.empty())
            return std::string(s.institution) + place;
    if (station == "USUN")
        return "US Mission to the United Nations";
    return {};
}

// Splits "Brezhnev, Kosygyn and Andropov." into name spans, dropping honorifics.
void add_names(std::string_view text, Line list, DocumentParty::Role role, HeaderFields& out) {
    std::size_t i = list.start;
    while (i < list.end) {
        std::size_t j = i;
        while (j < list.end && text[j] != ',' && text[j] != ';' &&
               !(j + 5 <= list.end && text.substr(j, 5) == " and "))
            ++j;
        Line name = trim(text, i, j);
        for (std::string_view honorific : {"Comrades ", "Comrade ", "COMRADES ", "COMRADE "})
            if (text.substr(name.start, name.end - name.start).starts_with(honorific))
                name.start += honorific.size();
        while (name.end > name.start && (text[name.end - 1] == '.' || text[name.end - 1] == ':'))
            --name.end;
        name = trim(text, name.start, name.end);
        if (name.end > name.start) {
            const auto written = text.substr(name.start, name.end - name.start);
            const auto institution = routing_address_name(written);
            out.parties.push_back(
                {role,
                 institution.empty() ? std::string(written) : institution,
                 {static_cast<std::uint32_t>(name.start), static_cast<std::uint32_t>(name.end)}});
        }
        i = j < list.end && text[j] == ' ' ? j + 5 : j + 1;
    }
}

} // namespace

HeaderFields read_header(std::string_view text) {
    HeaderFields out;
    std::vector<Line> lines;
    for (std::size_t start = 0; start < text.size() && lines.size() < kMaxHeaderLines;) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos)
            nl = text.size();
        if (nl - start > kMaxHeaderLineBytes)
            break;
        lines.push_back(trim(text, start, nl));
        start = nl + 1;
    }
    std::size_t header_end = 0;
    auto mark = [&](const Line& l) { header_end = std::max(header_end, l.end); };
    for (const auto& l : lines) {
        const auto line = text.substr(l.start, l.end - l.start);
        if (line.empty())
            continue;
        if (out.classification.empty()) {
            bool found = false;
            for (auto c : kClassifications)
                if (equals_ci(line, c) || (starts_with_ci(line, c) && line.size() > c.size() &&
                                           (line[c.size()] == ' ' || line[c.size()] == '/'))) {
                    // Only lines that are the classification: "SECRET" or "TOP SECRET // EYES
                    // ONLY".
                    if (line.size() <= c.size() + 20) {
                        out.classification = std::string(line.substr(0, c.size()));
                        found = true;
                        break;
                    }
                }
            if (!found && starts_with_ci(line, "classification:"))
                out.classification =
                    std::string(text.substr(trim(text, l.start + 15, l.end).start,
                                            l.end - trim(text, l.start + 15, l.end).start));
            if (!out.classification.empty()) {
                mark(l);
                continue;
            }
        }
        if (out.reference.empty()) {
            for (std::string_view prefix :
                 {"No. ", "NO. ", "Ref: ", "REF: ", "Reference: ", "REFERENCE: "}) {
                if (line.starts_with(prefix)) {
                    const Line value = trim(text, l.start + prefix.size(), l.end);
                    const auto v = text.substr(value.start, value.end - value.start);
                    if (!v.empty() && v.size() <= 40 && v.find(' ') == std::string_view::npos) {
                        out.reference = std::string(v);
                        mark(l);
                    }
                    break;
                }
            }
            if (!out.reference.empty() && header_end == l.end)
                continue;
        }
        bool handled = false;
        for (std::string_view prefix : {"To Comrades ", "To Comrade ", "TO COMRADES ", "TO: ",
                                        "To: ", "TO ", "INFO: ", "Info: ", "Addressees: "}) {
            if (line.starts_with(prefix) &&
                (prefix != "TO " || line.find(',') != std::string_view::npos)) {
                add_names(text, trim(text, l.start + prefix.size(), l.end),
                          DocumentParty::Role::Recipient, out);
                mark(l);
                handled = true;
                break;
            }
        }
        if (handled)
            continue;
        for (std::string_view prefix : {"FROM: ", "From: ", "FM: "}) {
            if (line.starts_with(prefix)) {
                add_names(text, trim(text, l.start + prefix.size(), l.end),
                          DocumentParty::Role::Sender, out);
                mark(l);
                handled = true;
                break;
            }
        }
        if (handled)
            continue;
        for (std::string_view prefix : {"Re: ", "RE: ", "SUBJECT: ", "Subject: ", "SUBJ: "}) {
            if (line.starts_with(prefix) && out.subject.empty()) {
                const Line value = trim(text, l.start + prefix.size(), l.end);
                out.subject = std::string(text.substr(value.start, value.end - value.start));
                mark(l);
                handled = true;
                break;
            }
        }
        if (handled)
            continue;
        // A signature line: an office in capitals ("CC SECRETARY") or "Signed: ..." / "/s/ ...".
        bool caps = true, letters = false;
        for (char c : line) {
            caps = caps && !(c >= 'a' && c <= 'z');
            letters = letters || (c >= 'A' && c <= 'Z');
        }
        if (caps && letters && line.size() <= 40 && is_office_line(line) &&
            (line.find("SECRETARY") != std::string_view::npos ||
             line.find("CHAIRMAN") != std::string_view::npos ||
             line.find("MINISTER") != std::string_view::npos ||
             line.find("AMBASSADOR") != std::string_view::npos)) {
            out.parties.push_back(
                {DocumentParty::Role::Signatory,
                 std::string(line),
                 {static_cast<std::uint32_t>(l.start), static_cast<std::uint32_t>(l.end)}});
            mark(l);
            continue;
        }
        for (std::string_view prefix : {"Signed: ", "SIGNED: ", "/s/ "}) {
            if (line.starts_with(prefix)) {
                add_names(text, trim(text, l.start + prefix.size(), l.end),
                          DocumentParty::Role::Signatory, out);
                mark(l);
                break;
            }
        }
    }
    out.header_span = {0, static_cast<std::uint32_t>(header_end)};
    return out;
}

} // namespace dossier::extract::detail
