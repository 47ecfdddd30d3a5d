#include "panels/utf8_offsets.h"

namespace dossier::gui {

Utf8ToUtf16::Utf8ToUtf16(std::string_view utf8) : position_(utf8.size() + 1, 0) {
    int units = 0;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::size_t length = lead < 0x80           ? 1
                             : (lead >> 5) == 0x6  ? 2
                             : (lead >> 4) == 0xE  ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 1;
        if (i + length > utf8.size())
            length = utf8.size() - i;
        for (std::size_t k = 0; k < length; ++k)
            position_[i + k] = units;
        units += length == 4 ? 2 : 1; // a 4-byte sequence is a surrogate pair in UTF-16
        i += length;
    }
    position_[utf8.size()] = units;
}

int Utf8ToUtf16::position(std::uint32_t byte_offset) const {
    const std::size_t i = std::min<std::size_t>(byte_offset, position_.size() - 1);
    return position_[i];
}

} // namespace dossier::gui
