#pragma once
#include "dossier/model/document.h"
#include "dossier/store/project.h"

#include <optional>
#include <string>
#include <vector>

namespace dossier::store {

struct DocumentSummary {
    DocumentId id;
    std::string title;
    std::string date; // ISO at its precision, or empty
    std::string format;
    std::string source_path;
    std::string source_key;
    std::string classification;
    std::string archive_ref;
    std::vector<std::string> senders;
    std::vector<std::string> recipients;
    std::size_t text_bytes = 0;
};

struct FullTextHit {
    DocumentId id;
    std::string title;
    std::string snippet; // with [ and ] around the matched terms
    double rank = 0;
};

class DocumentStore {
public:
    explicit DocumentStore(Project& project) : project_(project) {}

    bool contains_hash(const std::string& sha256);
    // Inserts the document with its parties, metadata, annotations and full-text index entry.
    // The caller owns the transaction.
    // With `defer_full_text` the full-text entry waits in fts_pending for
    // index_deferred_full_text() (bulk imports: one FTS5 commit for many documents instead of one
    // per file).
    DocumentId insert(const Document& document, std::uint64_t source_bytes,
                      bool defer_full_text = false);
    // Adds the full-text entries of every deferred document and returns how many. The caller owns
    // the transaction. Safe at any time, e.g. after an import was killed before its next batch.
    std::size_t index_deferred_full_text();
    // Fills header fields the importer did not know (used by extraction). Empty values are ignored.
    void update_header(DocumentId id, const Document& header);

    std::optional<Document> get(DocumentId id);
    std::vector<DocumentSummary> list();
    std::vector<DocumentId> ids();
    std::size_t count();
    // Documents that no extraction has read since they were imported, in id order.
    std::vector<DocumentId> not_extracted();
    // Records that a finished extraction has read these documents. The caller owns the
    // transaction.
    void mark_extracted(const std::vector<DocumentId>& documents);
    // FTS5 query syntax; a malformed query throws StoreError with SQLite's explanation.
    std::vector<FullTextHit> search(const std::string& fts_query, std::size_t limit = 100);

private:
    Project& project_;
};

} // namespace dossier::store
