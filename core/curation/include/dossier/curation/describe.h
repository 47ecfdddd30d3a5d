#pragma once
// One readable line for a curation record's payload, for the log in the CLI and the GUI:
// "merge 'Kosygyn' (person) into 'Kosygin' (person)".
#include <nlohmann/json.hpp>
#include <string>

namespace dossier::curation {

std::string describe_operation(const std::string& op, const nlohmann::json& payload);

} // namespace dossier::curation
