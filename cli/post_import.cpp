#include "post_import.h"

#include "dossier/extract/extraction.h"

namespace dossier::cli {

void after_import(store::Project& project, const std::vector<DocumentId>& new_ids, bool extract,
                  unsigned jobs) {
    // Extraction of the new documents only; identities are then resolved against the whole corpus.
    if (!extract || new_ids.empty())
        return;
    extract::run_extraction(project, new_ids, {}, jobs);
}

} // namespace dossier::cli
