#pragma once
// After extraction reruns, every record that is not 'undone' is applied again, in the order it
// was made. A record that no longer applies is kept, marked 'stale' with the reason; one that
// applies again later becomes 'applied' again. Nothing is ever dropped.
#include "dossier/model/ids.h"
#include "dossier/store/project.h"

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::curation {

struct StaleRecord {
    CurationId id;
    std::string op;
    std::string message;
};

struct ReplayReport {
    std::size_t replayed = 0; // records that hold now
    std::vector<StaleRecord> stale;
};

// One transaction. Called at the end of run_extraction and run_relation_extraction.
ReplayReport replay_curation(store::Project& project);

// The state the last replay left, read from the records' statuses.
ReplayReport curation_status(store::Project& project);

// "3 corrections replayed, 1 no longer applies: #4 merge: entity 'X' (person) no longer found";
// empty when the project has no records.
std::string describe(const ReplayReport& report);

} // namespace dossier::curation
