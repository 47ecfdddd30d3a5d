#include "dossier/model/date.h"

#include <charconv>
#include <cstdio>

namespace dossier {
namespace {
bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size())
        return false;
    auto first = text.data() + pos;
    auto [ptr, ec] = std::from_chars(first, first + len, out);
    return ec == std::errc{} && ptr == first + len;
}
} // namespace

std::string PartialDate::iso() const {
    char buf[16];
    switch (precision) {
    case DatePrecision::Year:
        std::snprintf(buf, sizeof buf, "%04d", year);
        return buf;
    case DatePrecision::Month:
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
        return buf;
    case DatePrecision::Day:
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        return buf;
    case DatePrecision::None:
        break;
    }
    return {};
}

std::string_view to_string(DatePrecision precision) {
    switch (precision) {
    case DatePrecision::Year:
        return "year";
    case DatePrecision::Month:
        return "month";
    case DatePrecision::Day:
        return "day";
    case DatePrecision::None:
        break;
    }
    return "none";
}

DatePrecision parse_date_precision(std::string_view text) {
    if (text == "year")
        return DatePrecision::Year;
    if (text == "month")
        return DatePrecision::Month;
    if (text == "day")
        return DatePrecision::Day;
    return DatePrecision::None;
}

std::optional<PartialDate> parse_iso_date(std::string_view text) {
    PartialDate date;
    if (!read_int(text, 0, 4, date.year))
        return std::nullopt;
    date.precision = DatePrecision::Year;
    if (text.size() >= 7 && text[4] == '-' && read_int(text, 5, 2, date.month)) {
        if (date.month < 1 || date.month > 12)
            return std::nullopt;
        date.precision = DatePrecision::Month;
        if (text.size() >= 10 && text[7] == '-' && read_int(text, 8, 2, date.day)) {
            if (date.day < 1 || date.day > 31)
                return std::nullopt;
            date.precision = DatePrecision::Day;
        }
    }
    return date;
}

} // namespace dossier
