#pragma once
// Chooses the importer for a file: by --format name, then by content sniffing of known
// formats (so a .txt that is really a PDF goes to the PDF importer), then by extension,
// and plain text last.
#include "dossier/importers/importer.h"

#include <memory>
#include <string_view>
#include <vector>

namespace dossier::importers {

class ImporterRegistry {
public:
    void add(std::unique_ptr<Importer> importer);
    // nullptr when no importer has that name.
    const Importer* by_name(std::string_view name) const;
    // The importer for this file; `head` is its first bytes (up to 8 KiB are enough).
    // nullptr only when the registry is empty.
    const Importer* choose(std::string_view path, std::string_view head) const;
    std::vector<std::string_view> names() const;

private:
    std::vector<std::unique_ptr<Importer>> importers_;
};

// Every importer built into Dossier (text, html, pdf, image, tei, csv), registered explicitly:
// static initialisers inside static libraries would be dropped by the linker.
const ImporterRegistry& builtin_importers();

} // namespace dossier::importers
