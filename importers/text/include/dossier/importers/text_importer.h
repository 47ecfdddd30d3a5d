#pragma once
#include "dossier/importers/importer.h"

#include <memory>
#include <string>
#include <string_view>

namespace dossier::importers {

struct DecodedText {
    std::string utf8;     // line breaks normalised to \n
    std::string encoding; // what the bytes were: UTF-8, UTF-16LE, windows-1251, ...
};

// Detects the encoding of `bytes` (BOM first, then valid UTF-8, then ICU's detector limited to the
// encodings archives actually hold) and converts to UTF-8 with \n line breaks.
// Throws ImportError("binary file, not text") for content with NUL bytes or control characters
// that no text encoding explains.
DecodedText decode_text(std::string_view bytes);

std::unique_ptr<Importer> make_text_importer();

} // namespace dossier::importers
