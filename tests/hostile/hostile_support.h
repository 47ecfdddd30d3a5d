#pragma once
// Assertions every hostile-input test shares: a refusal is one clear line, and a project that
// went through a bad import is still a valid SQLite database.
#include "dossier/importers/importer.h"
#include "dossier/store/project.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <string_view>

namespace dossier::testing {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DOSSIER_HOSTILE_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define DOSSIER_HOSTILE_UNDER_ASAN 1
#endif

// How many SIGKILLs the extraction and corrections kill loops deal: 50 in the normal suite. Under
// AddressSanitizer every `dossier` process is several times slower and these two loops alone took
// 8.2 min of the 15.8-min hostile run (2026-11-29, loaded 2-core machine), so the sanitizer suite
// (scripts/test.sh --sanitize) deals 10: it looks for memory errors on the paths a kill
// interrupts, which ten kills spread over a run reach too; the statistical spread of kill points
// is the normal suite's job. DOSSIER_FAULT_KILLS=N sets any count (e.g. 50 under ASan). The import
// loop keeps 50 everywhere (fault_test.cpp says why).
inline int fault_kill_rounds() {
#ifdef DOSSIER_HOSTILE_UNDER_ASAN
    constexpr int kDefault = 10;
#else
    constexpr int kDefault = 50;
#endif
    if (const char* wanted = std::getenv("DOSSIER_FAULT_KILLS")) {
        const int n = std::atoi(wanted);
        if (n > 0)
            return n;
    }
    return kDefault;
}

// The ImportError reason `importer` gives for `bytes`, or "" when it read them without complaint.
inline std::string import_error_of(const importers::Importer& importer, std::string_view path,
                                   std::string_view bytes) {
    try {
        importer.read(path, bytes);
    } catch (const importers::ImportError& e) {
        return e.what();
    }
    return {};
}

inline ::testing::AssertionResult is_one_line(const std::string& message) {
    if (message.empty())
        return ::testing::AssertionFailure() << "the message is empty";
    if (message.find('\n') != std::string::npos)
        return ::testing::AssertionFailure() << "the message spans several lines: " << message;
    return ::testing::AssertionSuccess();
}

inline std::string integrity_of(const std::filesystem::path& project_path) {
    auto project = store::Project::open(project_path, store::OpenMode::ReadOnly);
    return project.integrity_check();
}

} // namespace dossier::testing
