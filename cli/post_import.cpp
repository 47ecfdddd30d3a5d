#include "post_import.h"

namespace dossier::cli {

void after_import(store::Project& /*project*/, const std::vector<DocumentId>& /*new_ids*/,
                  bool /*extract*/) {
    // Extraction plugs in here: entities, mentions and relations for `new_ids` when `extract` is
    // on.
}

} // namespace dossier::cli
