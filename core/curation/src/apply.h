#pragma once
// What each operation does to the project, and how its before state takes it back. Callers own
// the transaction (CurationService for one operation, replay_curation for the whole log).
#include "dossier/store/project.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace dossier::curation::detail {

// Applies the operation to the project as it is now. Returns the state it changed (for undo),
// or nullopt when the project already shows the operation's result (a second replay, a merge
// whose two ends are one entity): then the record's earlier before state stays the right one.
// Throws NotApplicable when an entity or relation it needs is gone; `replaying` relaxes the
// checks that only make sense for a fresh request ("nothing to split").
std::optional<nlohmann::json> apply_operation(store::Project& project, const std::string& op,
                                              const nlohmann::json& payload, bool replaying);

void undo_operation(store::Project& project, const std::string& op, const nlohmann::json& payload,
                    const nlohmann::json& before);

} // namespace dossier::curation::detail
