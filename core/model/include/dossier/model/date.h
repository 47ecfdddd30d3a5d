#pragma once
// Archival dates are often partial ("March 1960", "1958"): keep the precision with the value.
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

enum class DatePrecision { None, Year, Month, Day };

struct PartialDate {
    int year = 0;
    int month = 0; // 0 when unknown
    int day = 0;   // 0 when unknown
    DatePrecision precision = DatePrecision::None;

    bool empty() const { return precision == DatePrecision::None; }
    // ISO 8601 at the known precision: "1980", "1980-10", "1980-10-02"; empty when unknown.
    std::string iso() const;
    auto operator<=>(const PartialDate&) const = default;
};

std::string_view to_string(DatePrecision precision);
DatePrecision parse_date_precision(std::string_view text);
// Parses "1980", "1980-10", "1980-10-02" and "1980-10-02T17:21:00" (time ignored).
std::optional<PartialDate> parse_iso_date(std::string_view text);

} // namespace dossier
