#pragma once
// Small, deterministic text helpers shared by the writers.
#include <string>
#include <string_view>

namespace dossier::exporting {

// Shortest stable decimal: integers without a point, others with up to 4 decimals, no trailing
// zeros, "-0" printed as "0". Same value, same text, on every machine.
std::string format_number(double value);
std::string xml_escape(std::string_view text);
std::string csv_field(std::string_view text);
std::string dot_quote(std::string_view text);
// Expands a partial ISO date to the first / last day it covers: "1980" -> 1980-01-01 / 1980-12-31.
std::string first_day(std::string_view iso);
std::string last_day(std::string_view iso);

} // namespace dossier::exporting
