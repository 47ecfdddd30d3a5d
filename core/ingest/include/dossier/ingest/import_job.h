#pragma once
// A batch import into a project: files and folders in, each file wholly in or not at all (small
// files share a transaction, each in its own savepoint), so a crash or a kill leaves every file
// listed as imported complete and the rest absent. Qt-free and without
// shared state: the GUI runs it on a worker thread with that thread's own Project connection.
#include "dossier/importers/importer.h"
#include "dossier/model/ids.h"
#include "dossier/model/job_control.h"
#include "dossier/store/project.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace dossier::ingest {

inline constexpr std::uint64_t kDefaultMaxFileBytes = 512ull * 1024 * 1024;

// done of total counts files (stage "importing"); the rest says more.
struct ImportProgress : JobProgress {
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    std::string current_file;
    // Pages of the current file read by OCR so far, out of those it needs (0 of 0 for a file
    // without OCR).
    std::size_t pages_done = 0;
    std::size_t pages_total = 0;
    std::chrono::steady_clock::duration elapsed{};
};

// The cancel token is checked between files, between documents of a file and between (and
// inside) OCR'd pages; the current file is rolled back. Progress is reported on the importing
// thread, at most every progress_interval and once at the end.
using ImportControl = BasicJobControl<ImportProgress>;

struct ImportOptions {
    std::vector<std::filesystem::path> inputs;
    std::vector<std::string> include; // fnmatch globs
    std::vector<std::string> exclude;
    std::uint64_t max_file_bytes = kDefaultMaxFileBytes; // larger files are refused before reading
    std::string format = "auto"; // or an importer name: text, html, pdf, image, tei, csv
    // Scans: which pages OCR reads, in which languages, on how many threads (docs/OCR.md).
    importers::OcrSettings ocr;
    ImportControl control;
    // Files read and parsed at once, by this many worker threads; one writer commits them in
    // input order, so the project is the same for any number (all_cores() in ordered_parallel.h
    // for every core). With more than one, OCR page progress is not reported.
    unsigned jobs = 1;
};

struct ImportFailure {
    std::string path;
    std::string reason; // one line
};

struct ImportResult {
    std::vector<DocumentId> imported;  // new documents, in import order
    std::vector<std::string> skipped;  // "path" or "path#key" of documents already present
    std::vector<ImportFailure> failed; // inputs that could not be imported, with the reason
    std::size_t files_seen = 0;
    bool cancelled = false;
};

class ImportJob {
public:
    explicit ImportJob(ImportOptions options);
    // Throws std::invalid_argument for an unknown format name, store::StoreError when the project
    // cannot be written at all; everything that goes wrong with one input lands in `failed`.
    ImportResult run(store::Project& project);

private:
    ImportOptions options_;
};

} // namespace dossier::ingest
