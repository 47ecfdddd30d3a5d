#include "dossier/ingest/import_job.h"

#include "batch_writer.h"
#include "dossier/importers/importer_registry.h"
#include "dossier/ingest/input_files.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/document_store.h"
#include "dossier/store/store_error.h"
#include "dossier/store/thread_readers.h"
#include "parse_file.h"

#include <algorithm>
#include <stdexcept>

namespace dossier::ingest {
namespace {

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

// A fatal store error (full disk, I/O error, read-only project) fails every file the same way:
// one message instead of one per remaining file. Others fail only their file.
bool fails_every_file(const store::StoreError& e) {
    return e.kind() == store::StoreError::Kind::DiskFull ||
           e.kind() == store::StoreError::Kind::Io || e.kind() == store::StoreError::Kind::ReadOnly;
}

// Worker threads ask their own read connection whether a file is known; with one job the
// writer's connection answers (it also sees its own open batch).
std::function<bool(const std::string&)> known_hash_check(store::Project& project, unsigned jobs,
                                                         store::ThreadReaders& readers) {
    if (jobs <= 1)
        return [&project](const std::string& hash) {
            return store::DocumentStore(project).contains_hash(hash);
        };
    return [&readers](const std::string& hash) {
        return store::DocumentStore(readers.here()).contains_hash(hash);
    };
}

} // namespace

ImportJob::ImportJob(ImportOptions options) : options_(std::move(options)) {}

ImportResult ImportJob::run(store::Project& project) {
    const importers::Importer* forced = nullptr;
    if (options_.format != "auto" && !options_.format.empty()) {
        forced = importers::builtin_importers().by_name(options_.format);
        if (!forced)
            throw std::invalid_argument("unknown format '" + options_.format + "'");
    }

    ImportResult result;
    auto selection = select_input_files(options_.inputs, options_.include, options_.exclude);
    for (auto& problem : selection.problems)
        result.failed.push_back({std::move(problem.path), std::move(problem.reason)});
    result.files_seen = selection.files.size();
    const auto& files = selection.files;

    ImportProgress progress;
    progress.total = files.size();
    progress.stage = "importing";
    for (const auto& f : files)
        progress.bytes_total += f.size;
    const auto started = std::chrono::steady_clock::now();
    ProgressReporter reporter(options_.control);
    auto report = [&](bool force) {
        if (!(force ? reporter.wanted() : reporter.due()))
            return;
        progress.elapsed = std::chrono::steady_clock::now() - started;
        reporter.report_now(progress);
    };
    const CancelToken& cancel = options_.control.cancel;
    auto cancelled = [&] { return cancel.cancelled(); };

    const unsigned jobs = std::max(1u, options_.jobs);
    store::ThreadReaders readers(project.path());
    detail::ParseSettings settings;
    settings.max_file_bytes = options_.max_file_bytes;
    settings.forced = forced;
    settings.read.ocr = options_.ocr;
    settings.read.cancel = cancel;
    settings.known_hash = known_hash_check(project, jobs, readers);
    if (jobs <= 1) // pages are reported on the reading thread: only the importing one may report
        settings.read.page_progress = [&](std::size_t done, std::size_t total) {
            progress.pages_done = done;
            progress.pages_total = total;
            report(false);
        };

    detail::BatchWriter writer(project, result);
    writer.index_full_text();
    // A batch that cannot be committed stops the import, saying how far it got.
    auto commit = [&] {
        try {
            writer.commit();
        } catch (const store::StoreError& e) {
            throw store::StoreError(
                e.kind(), batch_stopped_message(e, writer.files_committed(), progress.total));
        }
    };
    auto parse = [&](std::size_t i) {
        if (cancelled()) {
            detail::ParsedFile skipped_unread;
            skipped_unread.cancelled = true;
            return skipped_unread;
        }
        return detail::parse_file(files[i], settings);
    };
    auto write = [&](std::size_t i, detail::ParsedFile parsed) {
        progress.current_file = parsed.path;
        progress.pages_done = progress.pages_total = 0;
        if (parsed.cancelled || cancelled()) {
            result.cancelled = true;
            return false;
        }
        if (parsed.failure)
            result.failed.push_back({parsed.path, *parsed.failure});
        else if (parsed.already_present)
            result.skipped.push_back(parsed.path);
        else
            try {
                if (!writer.add(parsed, cancel)) {
                    result.cancelled = true;
                    return false;
                }
            } catch (const store::StoreError& e) {
                if (fails_every_file(e))
                    throw store::StoreError(
                        e.kind(),
                        batch_stopped_message(e, writer.files_committed(), progress.total));
                result.failed.push_back({parsed.path, e.what()});
            }
        ++progress.done;
        progress.bytes_done += files[i].size;
        // What the progress shows as done is committed first.
        if (writer.due() || reporter.due())
            commit();
        report(false);
        return true;
    };
    for_each_in_order(files.size(), jobs, parse, write, 4 * jobs);
    commit();
    writer.index_full_text();
    progress.current_file.clear();
    report(true);
    return result;
}

} // namespace dossier::ingest
