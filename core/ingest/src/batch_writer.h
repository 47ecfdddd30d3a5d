#pragma once
// The one writer of an import: parsed files, in input order, committed in batches of small files
// (one transaction per file made small cable-sized files cost a commit each). Each file is a
// savepoint inside its batch, so a file that fails leaves the others; only a committed file's
// documents are ever listed as imported, so an interrupted import loses nothing it reported.
#include "dossier/ingest/import_job.h"
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "parse_file.h"

#include <chrono>
#include <memory>
#include <optional>

namespace dossier::ingest::detail {

class BatchWriter {
public:
    BatchWriter(store::Project& project, ImportResult& result);
    ~BatchWriter();

    // Writes one file's new documents into the open batch (opened here when none is). False
    // when `cancel` was set between its documents: the file is rolled back, the batch kept.
    bool add(ParsedFile& file, const CancelToken& cancel);
    // Whether the batch is big or old enough to commit now.
    bool due() const;
    // Commits the batch (if any) and lists its documents as imported; catches up the full-text
    // index every kFullTextBatchBytes of text.
    void commit();
    // Full-text entries of documents committed but not yet indexed (at the start, for a killed
    // run's; at the end).
    void index_full_text();
    std::size_t files_committed() const { return files_committed_; }

private:
    store::Project& project_;
    ImportResult& result_;
    store::DocumentStore documents_;
    std::unique_ptr<store::Transaction> batch_;
    std::vector<DocumentId> pending_;
    std::size_t pending_files_ = 0, files_committed_ = 0;
    std::uint64_t pending_bytes_ = 0, unindexed_bytes_ = 0;
    std::chrono::steady_clock::time_point opened_;
};

} // namespace dossier::ingest::detail
