#pragma once
#include <string>
#include <string_view>

namespace dossier::ingest {

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// The identity of one document of a file: the file's hash alone, or with the document's key
// inside a multi-document file (TEI volume, CSV table) so each of its documents is unique.
std::string document_hash(const std::string& file_sha256, const std::string& source_key);

} // namespace dossier::ingest
