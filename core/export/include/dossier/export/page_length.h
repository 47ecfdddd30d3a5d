#pragma once
// Page lengths as people write them: "180mm", "7in", "18cm", "500pt" (a bare number is mm).
#include <string_view>

namespace dossier::exporting {

// Points (1/72 inch); throws std::invalid_argument with the text when it is not a length.
double parse_page_length(std::string_view text);

} // namespace dossier::exporting
