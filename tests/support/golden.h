#pragma once
// Golden files: reviewed outputs checked in next to the tests. After an intended change, run the
// tests once with DOSSIER_UPDATE_GOLDEN=1: each comparison rewrites its file and skips its test
// instead; review the diff before committing.
#include <filesystem>
#include <string>

namespace dossier::testing {

// Expects `actual` to equal the file at `golden` (a missing file fails, saying how to make it).
void expect_golden(const std::filesystem::path& golden, const std::string& actual);

} // namespace dossier::testing
