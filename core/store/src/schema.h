#pragma once
#include <span>

namespace dossier::store::detail {

// Migration i takes a project from user_version i to i+1. Append only: never edit a released step.
std::span<const char* const> migrations();

// 'DOSS' in PRAGMA application_id marks a file as a Dossier project.
inline constexpr int kApplicationId = 0x444F5353;

} // namespace dossier::store::detail
