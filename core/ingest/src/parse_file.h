#pragma once
// The part of an import that needs no project: one file read, hashed and parsed into documents.
// Runs on the import's worker threads (ImportJob with jobs > 1), one file per call.
#include "dossier/importers/importer.h"
#include "dossier/ingest/input_files.h"
#include "dossier/model/document.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dossier::ingest::detail {

struct ParsedFile {
    std::string path; // as the project records it (lexically normal, generic separators)
    std::string file_hash;
    std::uint64_t bytes = 0;
    std::vector<Document> documents;
    std::optional<std::string> failure; // one line: why the file could not be read
    bool already_present = false;       // a single-document file whose hash the project holds
    bool cancelled = false;
};

struct ParseSettings {
    std::uint64_t max_file_bytes = 0;
    const importers::Importer* forced = nullptr; // else chosen by name and first bytes
    importers::ReadOptions read;
    // Whether the project already holds a document of this hash (so the file is not parsed).
    std::function<bool(const std::string& sha256)> known_hash;
};

ParsedFile parse_file(const InputFile& file, const ParseSettings& settings);

// "812 bytes", "4.0 KiB", "512.0 MiB": the units a file manager shows.
std::string human_size(std::uint64_t bytes);

} // namespace dossier::ingest::detail
