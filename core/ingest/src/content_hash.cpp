#include "dossier/ingest/content_hash.h"

#include <memory>
#include <openssl/evp.h>
#include <stdexcept>

namespace dossier::ingest {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xF];
    }
    return hex;
}

std::string document_hash(const std::string& file_sha256, const std::string& source_key) {
    if (source_key.empty())
        return file_sha256;
    return sha256_hex(file_sha256 + '\n' + source_key);
}

} // namespace dossier::ingest
