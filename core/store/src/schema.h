#pragma once
#include "dossier/store/schema_audit.h"

#include <span>
#include <vector>

namespace dossier::store::detail {

// Migration i takes a project from user_version i to i+1. Append only: never edit a released step.
std::span<const char* const> migrations();

class Connection;

// How the schema objects of `conn`'s main database differ from those migrations 0..version make
// (defined in schema_audit.cpp). Objects a later migration makes, with the same SQL, are not
// foreign: a project may be set back to an older version and migrated again.
std::vector<SchemaDifference> schema_differences(Connection& conn, int version);

// 'DOSS' in PRAGMA application_id marks a file as a Dossier project.
inline constexpr int kApplicationId = 0x444F5353;

} // namespace dossier::store::detail
