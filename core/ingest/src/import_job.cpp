#include "dossier/ingest/import_job.h"

#include "dossier/importers/importer_registry.h"
#include "dossier/ingest/content_hash.h"
#include "dossier/ingest/input_files.h"
#include "dossier/store/document_store.h"
#include "dossier/store/ocr_store.h"
#include "dossier/store/store_error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace dossier::ingest {
namespace {

// "812 bytes", "4.0 KiB", "512.0 MiB", "1.5 GiB": the units a file manager shows.
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

// The one line a batch ends with when the project cannot be written any more: how far it got and
// what is left, so the analyst knows the same import, run again, completes it.
std::string batch_stopped_message(const store::StoreError& e, std::size_t files_done,
                                  std::size_t files_total) {
    const auto done = std::to_string(files_done) + (files_done == 1 ? " file" : " files");
    const auto left = std::to_string(files_total - files_done) + " not imported";
    switch (e.kind()) {
    case store::StoreError::Kind::DiskFull:
        return "disk full after " + done + "; " + left +
               " (free some space and run the same import again)";
    case store::StoreError::Kind::ReadOnly:
        return "the project became read-only after " + done + "; " + left + " (" + e.what() + ")";
    default:
        // EFBIG (a file-size limit) and EIO reach SQLite as a generic write error.
        return "cannot write to the project after " + done + ", the disk may be full; " + left +
               " (" + e.what() + "; run the same import again once it can be written)";
    }
}

std::string display_key(const Document& doc) {
    return doc.source_key.empty() ? doc.source_path : doc.source_path + "#" + doc.source_key;
}

} // namespace

ImportJob::ImportJob(ImportOptions options) : options_(std::move(options)) {}

ImportResult ImportJob::run(store::Project& project) {
    const auto& registry = importers::builtin_importers();
    const importers::Importer* forced = nullptr;
    if (options_.format != "auto" && !options_.format.empty()) {
        forced = registry.by_name(options_.format);
        if (!forced)
            throw std::invalid_argument("unknown format '" + options_.format + "'");
    }

    ImportResult result;
    auto selection = select_input_files(options_.inputs, options_.include, options_.exclude);
    for (auto& problem : selection.problems)
        result.failed.push_back({std::move(problem.path), std::move(problem.reason)});
    result.files_seen = selection.files.size();

    ImportProgress progress;
    progress.files_total = selection.files.size();
    for (const auto& f : selection.files)
        progress.bytes_total += f.size;
    const auto started = std::chrono::steady_clock::now();
    auto last_report = started - options_.progress_interval;
    auto report = [&](bool force) {
        if (!options_.progress)
            return;
        const auto now = std::chrono::steady_clock::now();
        if (!force && now - last_report < options_.progress_interval)
            return;
        last_report = now;
        progress.elapsed = now - started;
        options_.progress(progress);
    };
    auto cancelled = [&] {
        return options_.cancel && options_.cancel->load(std::memory_order_relaxed);
    };

    store::DocumentStore documents(project);
    // Full-text entries are added in batches (see schema v2): each file's documents are committed
    // in the file's own transaction, and the index catches up every kFullTextBatchBytes of text, at
    // the end, and at the start for documents a killed run committed but did not index.
    constexpr std::uint64_t kFullTextBatchBytes = 32u << 20;
    std::uint64_t unindexed_bytes = 0;
    auto index_full_text = [&] {
        store::Transaction transaction(project);
        documents.index_deferred_full_text();
        transaction.commit();
        unindexed_bytes = 0;
    };
    index_full_text();

    for (const auto& file : selection.files) {
        if (cancelled()) {
            result.cancelled = true;
            break;
        }
        const auto path = file.path.lexically_normal().generic_string();
        progress.current_file = path;
        report(false);
        try {
            // Refused by the listing's size before a byte is read.
            if (file.size > options_.max_file_bytes)
                throw importers::ImportError(over_limit(file.size, options_.max_file_bytes));
            const auto bytes = read_file_bytes(file.path, options_.max_file_bytes);
            const auto file_hash = sha256_hex(bytes);
            // A single-document file already imported needs no parsing to be skipped (re-runs after
            // an interruption go straight to the files that are missing).
            if (documents.contains_hash(file_hash)) {
                result.skipped.push_back(path);
                ++progress.files_done;
                progress.bytes_done += file.size;
                continue;
            }
            const auto* importer =
                forced ? forced : registry.choose(path, std::string_view(bytes).substr(0, 8192));
            if (!importer)
                throw importers::ImportError("no importer for this file");
            importers::ReadOptions read_options;
            read_options.ocr = options_.ocr;
            read_options.cancel = options_.cancel;
            read_options.page_progress = [&](std::size_t done, std::size_t total) {
                progress.pages_done = done;
                progress.pages_total = total;
                report(false);
            };
            progress.pages_done = progress.pages_total = 0;
            auto docs = importer->read_with(path, bytes, read_options);
            if (docs.empty())
                throw importers::ImportError("no documents in the file");

            std::vector<DocumentId> added;
            store::Transaction transaction(project);
            bool stopped = false;
            for (auto& doc : docs) {
                if (cancelled()) {
                    stopped = true;
                    break;
                }
                doc.sha256 = document_hash(file_hash, doc.source_key);
                doc.source_path = path;
                if (documents.contains_hash(doc.sha256)) {
                    result.skipped.push_back(display_key(doc));
                    continue;
                }
                added.push_back(documents.insert(doc, bytes.size(), /*defer_full_text=*/true));
                if (!doc.ocr_pages.empty())
                    store::OcrStore(project).insert(added.back(), doc.ocr_pages);
                unindexed_bytes += doc.text.size();
            }
            if (stopped) {
                result.cancelled = true;
                break; // the transaction rolls back: the file is either wholly in or not at all
            }
            transaction.commit();
            result.imported.insert(result.imported.end(), added.begin(), added.end());
            if (unindexed_bytes >= kFullTextBatchBytes)
                index_full_text();
        } catch (const importers::ImportCancelled&) {
            result.cancelled = true; // nothing of this file was written
            break;
        } catch (const importers::ImportError& e) {
            result.failed.push_back({path, e.what()});
        } catch (const store::StoreError& e) {
            // A full disk, an I/O error or a read-only project will fail every file the same way:
            // stop here with one message instead of repeating it for each remaining file.
            if (e.kind() == store::StoreError::Kind::DiskFull ||
                e.kind() == store::StoreError::Kind::Io ||
                e.kind() == store::StoreError::Kind::ReadOnly)
                throw store::StoreError(
                    e.kind(), batch_stopped_message(e, progress.files_done, progress.files_total));
            result.failed.push_back({path, e.what()});
        } catch (const std::bad_alloc&) {
            result.failed.push_back({path, "not enough memory to read this file"});
        } catch (const std::exception& e) {
            result.failed.push_back({path, e.what()});
        }
        ++progress.files_done;
        progress.bytes_done += file.size;
    }
    index_full_text();
    progress.current_file.clear();
    report(true);
    return result;
}

} // namespace dossier::ingest
