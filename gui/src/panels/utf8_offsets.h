#pragma once
// Mentions and evidence are byte spans into a document's UTF-8 text; Qt text positions count
// UTF-16 code units. This maps one to the other for a given text.
#include <QString>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier::gui {

class Utf8ToUtf16 {
public:
    explicit Utf8ToUtf16(std::string_view utf8);
    // UTF-16 position of a byte offset (clamped to the text; a byte inside a character maps to
    // that character's start).
    int position(std::uint32_t byte_offset) const;

private:
    std::vector<int> position_; // per byte, plus one past the end
};

} // namespace dossier::gui
