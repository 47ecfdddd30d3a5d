#pragma once
// What a citation of a document needs, without its text: the header fields, the parties and the
// importer's metadata (a FRUS volume and document number, a CSV's collection column, ...).
#include "dossier/model/ids.h"
#include "dossier/store/project.h"

#include <span>
#include <string>
#include <utility>
#include <vector>

namespace dossier::store {

struct DocumentRecord {
    DocumentId id;
    std::string title;
    std::string date; // ISO at its precision, or empty
    std::string format;
    std::string source_path;
    std::string source_key;
    std::string classification;
    std::string archive_ref;
    std::string language;
    std::vector<std::string> senders;
    std::vector<std::string> recipients;
    std::vector<std::string> signatories;
    std::vector<std::pair<std::string, std::string>> metadata; // in the importer's order

    // The first value of a metadata key, or empty.
    std::string meta(std::string_view key) const;
};

// The records of these documents in id order; ids that name no document are left out.
std::vector<DocumentRecord> load_document_records(Project& project,
                                                  std::span<const DocumentId> ids);

} // namespace dossier::store
