#include "dossier/export/page_length.h"

#include <charconv>
#include <stdexcept>
#include <string>

namespace dossier::exporting {

double parse_page_length(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    if (error != std::errc() || value <= 0)
        throw std::invalid_argument("not a page length: '" + std::string(text) +
                                    "' (try 180mm, 7in, 18cm or 500pt)");
    if (unit.empty() || unit == "mm")
        return value * 72.0 / 25.4;
    if (unit == "cm")
        return value * 72.0 / 2.54;
    if (unit == "in")
        return value * 72.0;
    if (unit == "pt")
        return value;
    throw std::invalid_argument("unknown unit in page length '" + std::string(text) +
                                "' (use mm, cm, in or pt)");
}

} // namespace dossier::exporting
