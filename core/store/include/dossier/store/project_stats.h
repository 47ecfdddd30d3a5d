#pragma once
#include "dossier/store/project.h"

#include <cstdint>
#include <map>
#include <string>

namespace dossier::store {

// The setting an extraction sets to "1" when it starts and to "0" when it has finished, so that a
// run that was killed or cancelled part-way can be told from a finished one afterwards.
inline constexpr const char* kExtractionIncompleteSetting = "extraction_incomplete";

struct ProjectStats {
    int schema_version = 0;
    std::int64_t documents = 0;
    std::int64_t text_bytes = 0;
    std::int64_t entities = 0;
    std::int64_t mentions = 0;
    std::int64_t relations = 0;
    std::int64_t evidence = 0;
    std::int64_t authority_entries = 0;
    std::int64_t curation_records = 0;
    bool extraction_incomplete = false;       // the last extraction was interrupted or cancelled
    std::int64_t documents_not_extracted = 0; // imported, but read by no extraction yet
    // Either of the two: some entities and relations may be missing until `dossier extract` runs.
    bool needs_extraction() const { return extraction_incomplete || documents_not_extracted > 0; }
    std::map<std::string, std::int64_t> entities_by_type;
    std::map<std::string, std::int64_t> relations_by_type;
};

ProjectStats project_stats(Project& project);

} // namespace dossier::store
