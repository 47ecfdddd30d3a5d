#pragma once
#include <string>
#include <string_view>

namespace dossier {

// Replaces every invalid UTF-8 sequence with U+FFFD, so the store only ever holds valid UTF-8
// and byte offsets into it stay meaningful.
std::string sanitize_utf8(std::string_view bytes);
bool is_valid_utf8(std::string_view bytes);

} // namespace dossier
