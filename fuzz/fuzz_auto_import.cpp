// libFuzzer target: what `dossier import --format auto` does with a file of unknown kind: the
// registry sniffs the head, picks an importer, and that importer reads the whole file.
#include "dossier/importers/importer_registry.h"
#include "importer_contract.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& registry = dossier::importers::builtin_importers();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // A neutral name, so the choice comes from the content alone.
    const auto* importer = registry.choose("fuzz-input", bytes.substr(0, 8192));
    if (importer == nullptr)
        dossier::fuzz::contract_broken("the registry chose no importer");
    dossier::fuzz::read_checked(*importer, "fuzz-input", bytes);
    return 0;
}
