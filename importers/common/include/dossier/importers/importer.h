#pragma once
// The contract every format importer fulfils: bytes of one file in, Documents out.
// Documents come out with valid UTF-8 text, every annotation span inside `text`, and a
// `source_key` when the file holds several documents (TEI volumes, CSV tables).
#include "dossier/model/document.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::importers {

// A file that cannot be read as its format; what() is one line saying why ("corrupt PDF").
struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Importer {
public:
    virtual ~Importer() = default;
    // The --format name: text, html, pdf, tei, csv.
    virtual std::string_view name() const = 0;
    // File name extensions (lower case, with the dot) this importer claims.
    virtual std::vector<std::string_view> extensions() const = 0;
    // True when `head` (the first few KiB of the file) looks like this format.
    virtual bool sniff(std::string_view path, std::string_view head) const = 0;
    // Reads the whole file; throws ImportError with a one-line reason.
    virtual std::vector<Document> read(std::string_view path, std::string_view bytes) const = 0;
};

} // namespace dossier::importers
