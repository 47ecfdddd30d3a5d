#include "dossier/export/file_output.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace dossier::exporting {

void write_file_atomically(const std::filesystem::path& path, const std::string& bytes) {
    auto staged = path;
    staged += ".part";
    {
        std::ofstream out(staged, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(staged, ignored);
            throw std::runtime_error("cannot write " + path.string() +
                                     ": the disk refused the data");
        }
    }
    std::error_code error;
    std::filesystem::rename(staged, path, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(staged, ignored);
        throw std::runtime_error("cannot write " + path.string() + ": " + error.message());
    }
}

} // namespace dossier::exporting
