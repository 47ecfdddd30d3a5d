#pragma once
// TEI P5 XML: generic TEI (teiHeader title/date + body) and the FRUS flavour, where each
// <div type="document"> becomes a Document. No DTD processing, no entity expansion, no network.
#include "dossier/importers/importer.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::importers {

// An entry of a FRUS volume's persons list (<div xml:id="persons">).
struct TeiPerson {
    std::string xml_id;
    std::string name;
    std::string description;
};

// An entry of a FRUS volume's terms list (<div xml:id="terms">).
struct TeiTerm {
    std::string xml_id;
    std::string term;
    std::string expansion;
};

struct TeiVolume {
    std::vector<Document> documents;
    std::vector<TeiPerson> persons;
    std::vector<TeiTerm> terms;
};

// Reads a TEI file: its documents (with plain text and source annotations), persons and terms.
// Throws ImportError ("malformed XML: ... at offset N", "not a TEI document").
TeiVolume read_tei(std::string_view xml_bytes, const std::string& source_path);

std::unique_ptr<Importer> make_tei_importer();

} // namespace dossier::importers
