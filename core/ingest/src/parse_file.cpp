#include "parse_file.h"

#include "dossier/importers/importer_registry.h"
#include "dossier/ingest/content_hash.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <sys/stat.h>
#include <unistd.h>

namespace dossier::ingest::detail {
namespace {

std::string over_limit(std::uint64_t size, std::uint64_t limit) {
    return "file is " + human_size(size) + ", over the size limit of " + human_size(limit);
}

// Reads a whole file with one fstat and plain read() calls; the size is checked again on the open
// descriptor so a file that grew past the limit after listing is still refused unread.
std::string read_file_bytes(const std::filesystem::path& path, std::uint64_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw importers::ImportError(std::strerror(errno));
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw importers::ImportError(std::strerror(errno));
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes)
        throw importers::ImportError(over_limit(size, max_bytes));
    std::string bytes(size, '\0');
    std::size_t done = 0;
    while (done < size) {
        const auto n = ::read(fd, bytes.data() + done, size - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw importers::ImportError(std::strerror(errno));
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

void read_documents(const InputFile& file, const ParseSettings& settings, ParsedFile& parsed) {
    // Refused by the listing's size before a byte is read.
    if (file.size > settings.max_file_bytes)
        throw importers::ImportError(over_limit(file.size, settings.max_file_bytes));
    const auto bytes = read_file_bytes(file.path, settings.max_file_bytes);
    parsed.bytes = bytes.size();
    parsed.file_hash = sha256_hex(bytes);
    // A single-document file already imported needs no parsing to be skipped (re-runs after an
    // interruption go straight to the files that are missing).
    if (settings.known_hash && settings.known_hash(parsed.file_hash)) {
        parsed.already_present = true;
        return;
    }
    const auto* importer = settings.forced
                               ? settings.forced
                               : importers::builtin_importers().choose(
                                     parsed.path, std::string_view(bytes).substr(0, 8192));
    if (!importer)
        throw importers::ImportError("no importer for this file");
    parsed.documents = importer->read_with(parsed.path, bytes, settings.read);
    if (parsed.documents.empty())
        throw importers::ImportError("no documents in the file");
}

} // namespace

std::string human_size(std::uint64_t bytes) {
    if (bytes < 1024)
        return std::to_string(bytes) + " bytes";
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes) / 1024;
    int unit = 0;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %s", value, units[unit]);
    return buffer;
}

ParsedFile parse_file(const InputFile& file, const ParseSettings& settings) {
    ParsedFile parsed;
    parsed.path = file.path.lexically_normal().generic_string();
    try {
        read_documents(file, settings, parsed);
    } catch (const importers::ImportCancelled&) {
        parsed.cancelled = true; // nothing of this file is kept
    } catch (const importers::ImportError& e) {
        parsed.failure = e.what();
    } catch (const std::bad_alloc&) {
        parsed.failure = "not enough memory to read this file";
    } catch (const std::exception& e) {
        parsed.failure = e.what();
    }
    if (parsed.failure || parsed.cancelled)
        parsed.documents.clear();
    return parsed;
}

} // namespace dossier::ingest::detail
