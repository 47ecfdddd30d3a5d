#pragma once
// Noticing that another connection (another process, or a worker of this one) changed a project.
#include "dossier/store/project.h"

#include <cstdint>
#include <string>

namespace dossier::store {

// SQLite's PRAGMA data_version on this project's connection: two calls return different values
// when another connection committed in between (this connection's own commits leave it alone).
// One cheap call, meant for polling.
std::int64_t data_version(Project& project);

// A summary of what the explorer shows: the documents, entities and relations (how many, the
// newest id), the corrections and their statuses, the extraction state. Every import,
// extraction and correction changes it; storing node positions does not, so a window can tell
// a commit of its own positions from another process's work. A few indexed counts.
std::string shown_content_fingerprint(Project& project);

} // namespace dossier::store
