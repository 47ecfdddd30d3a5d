// libFuzzer target: arbitrary bytes into the tei importer's read(), checked against the importer
// contract.
#include "dossier/importers/tei_importer.h"
#include "importer_contract.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto importer = dossier::importers::make_tei_importer();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    dossier::fuzz::read_checked(*importer, "fuzz-input.xml", bytes);
    return 0;
}
