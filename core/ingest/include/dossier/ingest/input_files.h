#pragma once
// Expands the paths an analyst gives (files and folders) into the list of files to import.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dossier::ingest {

struct InputFile {
    std::filesystem::path path;
    std::uint64_t size = 0;
};

struct InputProblem {
    std::string path;
    std::string reason;
};

struct InputSelection {
    std::vector<InputFile> files; // sorted within each folder, in the order the inputs were given
    std::vector<InputProblem> problems; // inputs that do not exist or cannot be listed
};

// Folders are walked recursively (hidden files and folders skipped). `include` globs (fnmatch, on
// the file name and on the path relative to the folder) keep only matching files when given;
// `exclude` globs drop matching files and folders. Files named explicitly are taken unless
// excluded.
InputSelection select_input_files(const std::vector<std::filesystem::path>& inputs,
                                  const std::vector<std::string>& include,
                                  const std::vector<std::string>& exclude);

} // namespace dossier::ingest
