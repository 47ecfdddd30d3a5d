#pragma once
// Bulk copy of a shard (a project holding one part of a sharded run's documents and their first
// reads; dossier extract-shard) into the project a merge builds (dossier merge). The shards are
// copied in plan order, each with INSERT ... SELECT from the attached shard file in one
// transaction, and ids are given as a serial import of the same files gives them: documents and
// their rows numbered on in shard order, an entity found by (type, key) or created in the order
// the shard created it, mentions in the shard's order.
#include "dossier/model/ids.h"
#include "dossier/store/project.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace dossier::store {

struct CopiedDocuments {
    std::vector<std::int64_t> shard_ids; // the shard's ids of the documents copied, in order
    std::vector<DocumentId> ids;         // the ids they got in the target, in the same order
    std::size_t duplicates = 0; // documents left out: the target holds one of the same hash
};

class ShardCopy {
public:
    // Attaches `shard` to the target's connection (no transaction may be open).
    ShardCopy(Project& target, const std::filesystem::path& shard);
    ~ShardCopy(); // detaches it
    ShardCopy(const ShardCopy&) = delete;
    ShardCopy& operator=(const ShardCopy&) = delete;

    // Documents whose hash the target does not hold, in shard order, with their parties,
    // metadata, source annotations and OCR pages and words; no full-text entries
    // (index_full_text does those). The caller owns the transaction.
    CopiedDocuments copy_documents();
    // The shard's first reads (entities, aliases, authority links, mentions) for the documents
    // copy_documents copied; only when it left none out (`duplicates` 0), since the entities a
    // left-out document created would otherwise come too. Returns the mentions copied. The
    // caller owns the transaction.
    std::size_t copy_first_reads();

private:
    Project& target_;
};

// A merge's project while the shards are copied into it: no foreign-key checks (every id comes
// through the id maps of rows just copied), no syncs (the file is temporary until the merge
// renames it; closing it syncs it), and the two indexes of mentions dropped, made again in one
// sorted pass by finish() (or when destroyed). Nothing else may look mentions up meanwhile.
class BulkLoad {
public:
    explicit BulkLoad(Project& project);
    ~BulkLoad();
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;
    void finish();

private:
    Project& project_;
    bool open_ = true;
};

// Full-text entries of every document of a merged project, in id order, with the title each had
// when it was imported: '' for those in `untitled_at_import` (extraction gave them a title
// later, which a serial import's index does not hold). The caller owns the transaction.
void index_merged_full_text(Project& project, const std::vector<DocumentId>& untitled_at_import);

// Documents whose title is empty (before extraction: those it may give a title).
std::vector<DocumentId> untitled_documents(Project& project);

} // namespace dossier::store
