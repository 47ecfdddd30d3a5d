#pragma once
// What runs after `dossier import` has committed new documents.
#include "dossier/model/ids.h"
#include "dossier/store/project.h"

#include <vector>

namespace dossier::cli {

// Runs extraction over the newly imported documents when `extract` is true (--no-extract
// turns it off), on `jobs` threads. Returns normally when there was nothing to do.
void after_import(store::Project& project, const std::vector<DocumentId>& new_ids, bool extract,
                  unsigned jobs);

} // namespace dossier::cli
