#pragma once
// Writes a whole file through "<path>.part" and a rename, so a failed export never leaves half a
// file where a good one was. Throws std::runtime_error("cannot write PATH: why").
#include <filesystem>
#include <string>

namespace dossier::exporting {

void write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

} // namespace dossier::exporting
