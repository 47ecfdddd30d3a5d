#pragma once
// Moving corrections between projects of the same corpus: a JSON file of the records that are
// not undone, by stable references (entity keys, document hashes), never by row ids.
#include "dossier/curation/replay.h"
#include "dossier/store/project.h"

#include <nlohmann/json.hpp>

namespace dossier::curation {

// {"format": "dossier-curation", "version": 1, "records": [{op, author, created_at, payload,
// status, message}]}
nlohmann::json export_curation(store::Project& project);
// Appends the file's records to the log and replays the whole log; throws CurationError on a
// file that is not a curation export. Returns what held and what did not.
ReplayReport import_curation(store::Project& project, const nlohmann::json& file);

} // namespace dossier::curation
