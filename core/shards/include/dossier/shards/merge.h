#pragma once
// The merge of a sharded run: the shards' documents and first reads copied in plan order into a
// new project, then the corpus-wide part of extraction a serial run does (second reads against
// every person's surname, identities resolved across the corpus, relations aggregated). The
// project equals what a serial `dossier import` of the plan's inputs makes, ids included. It is
// built under a temporary name and renamed when complete: a merge killed midway leaves no
// project.
#include "dossier/shards/plan.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace dossier::shards {

struct MergeRequest {
    std::filesystem::path run_dir; // or its plan.tsv
    std::filesystem::path output;
    bool allow_missing = false; // merge the shards there are, leaving out the missing ones
    unsigned jobs = 1;          // documents read again and relations read at once
    // One line per step ("copied shard 3 of 7", ...), for a progress display.
    std::function<void(const std::string&)> step;
};

struct MergeOutcome {
    std::vector<unsigned> merged;                           // shard indices, in order
    std::vector<std::pair<unsigned, std::string>> left_out; // with --allow-missing: why
    std::size_t documents = 0;
    std::size_t duplicates = 0; // documents of a later shard already in an earlier one
    std::size_t mentions_copied = 0;
    double copy_seconds = 0;   // copying the shards' rows
    double finish_seconds = 0; // full-text index, second reads, identities, relations
};

// Throws PlanError when the run is incomplete (naming the shards, unless allow_missing), the
// output exists or the plan is bad; store::StoreError when the project cannot be written. The
// temporary file is removed in either case.
MergeOutcome merge_shards(const MergeRequest& request);

} // namespace dossier::shards
