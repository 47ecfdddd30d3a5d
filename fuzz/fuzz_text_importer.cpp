// libFuzzer target: arbitrary bytes into the text importer's read(), checked against the importer
// contract.
#include "dossier/importers/text_importer.h"
#include "importer_contract.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto importer = dossier::importers::make_text_importer();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    dossier::fuzz::read_checked(*importer, "fuzz-input.txt", bytes);
    return 0;
}
