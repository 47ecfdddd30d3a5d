#pragma once
// Assertions every hostile-input test shares: a refusal is one clear line, and a project that
// went through a bad import is still a valid SQLite database.
#include "dossier/importers/importer.h"
#include "dossier/store/project.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <string_view>

namespace dossier::testing {

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
