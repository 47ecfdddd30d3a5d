#include "batch_writer.h"

#include "dossier/ingest/content_hash.h"
#include "dossier/store/ocr_store.h"
#include "dossier/store/savepoint.h"

namespace dossier::ingest::detail {
namespace {

// A batch is committed at whichever comes first: this many files, this much source text, or
// this long open. Cable-sized files (a few KB) then share a commit; a large file still gets its
// own (it alone passes the byte limit), and a kill loses at most a fraction of a second of work.
constexpr std::size_t kBatchFiles = 256;
constexpr std::uint64_t kBatchBytes = 1u << 20;
constexpr auto kBatchAge = std::chrono::milliseconds(250);
// Full-text entries are added in batches (see schema v2): the index catches up every
// kFullTextBatchBytes of committed text, at the end, and at the start for documents a killed run
// committed but did not index.
constexpr std::uint64_t kFullTextBatchBytes = 32u << 20;

std::string display_key(const Document& doc) {
    return doc.source_key.empty() ? doc.source_path : doc.source_path + "#" + doc.source_key;
}

} // namespace

BatchWriter::BatchWriter(store::Project& project, ImportResult& result)
    : project_(project), result_(result), documents_(project) {}

BatchWriter::~BatchWriter() = default; // an uncommitted batch rolls back

bool BatchWriter::add(ParsedFile& file, const CancelToken& cancel) {
    if (!batch_) {
        batch_ = std::make_unique<store::Transaction>(project_);
        opened_ = std::chrono::steady_clock::now();
    }
    store::Savepoint step(project_);
    std::vector<DocumentId> added;
    std::uint64_t text_bytes = 0;
    for (auto& doc : file.documents) {
        if (cancel.cancelled())
            return false; // the savepoint rolls the file back: wholly in or not at all
        doc.sha256 = document_hash(file.file_hash, doc.source_key);
        doc.source_path = file.path;
        if (documents_.contains_hash(doc.sha256)) {
            result_.skipped.push_back(display_key(doc));
            continue;
        }
        added.push_back(documents_.insert(doc, file.bytes, /*defer_full_text=*/true));
        if (!doc.ocr_pages.empty())
            store::OcrStore(project_).insert(added.back(), doc.ocr_pages);
        text_bytes += doc.text.size();
    }
    step.release();
    pending_.insert(pending_.end(), added.begin(), added.end());
    ++pending_files_;
    pending_bytes_ += file.bytes;
    unindexed_bytes_ += text_bytes;
    return true;
}

bool BatchWriter::due() const {
    return batch_ && (pending_files_ >= kBatchFiles || pending_bytes_ >= kBatchBytes ||
                      std::chrono::steady_clock::now() - opened_ >= kBatchAge);
}

void BatchWriter::commit() {
    if (batch_) {
        batch_->commit();
        batch_.reset();
    }
    result_.imported.insert(result_.imported.end(), pending_.begin(), pending_.end());
    files_committed_ += pending_files_;
    pending_.clear();
    pending_files_ = 0;
    pending_bytes_ = 0;
    if (unindexed_bytes_ >= kFullTextBatchBytes)
        index_full_text();
}

void BatchWriter::index_full_text() {
    store::Transaction transaction(project_);
    documents_.index_deferred_full_text();
    transaction.commit();
    unindexed_bytes_ = 0;
}

} // namespace dossier::ingest::detail
