#include "dossier/export/text_format.h"

#include <cmath>
#include <cstdio>

namespace dossier::exporting {

std::string format_number(double value) {
    if (!std::isfinite(value))
        return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    std::string text(buffer);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    return text;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\r':
            out += "&#13;";
            break;
        case '\t':
            out += "&#9;";
            break;
        default:
            // Control characters are not allowed in XML 1.0; the store keeps text printable, but
            // a stray one must not make the file unreadable.
            if (static_cast<unsigned char>(c) < 0x20)
                out += ' ';
            else
                out += c;
        }
    }
    return out;
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    out += '"';
    return out;
}

namespace {
int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}
} // namespace

std::string first_day(std::string_view iso) {
    if (iso.size() == 4)
        return std::string(iso) + "-01-01";
    if (iso.size() == 7)
        return std::string(iso) + "-01";
    return std::string(iso.substr(0, 10));
}

std::string last_day(std::string_view iso) {
    if (iso.size() == 4)
        return std::string(iso) + "-12-31";
    if (iso.size() == 7) {
        const int year = std::stoi(std::string(iso.substr(0, 4)));
        const int month = std::stoi(std::string(iso.substr(5, 2)));
        if (month < 1 || month > 12)
            return std::string(iso) + "-28";
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "-%02d", days_in_month(year, month));
        return std::string(iso) + buffer;
    }
    return std::string(iso.substr(0, 10));
}

} // namespace dossier::exporting
