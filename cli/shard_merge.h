#pragma once
// `dossier merge RUN -o P.dossier`: the merge of a sharded run (docs/SCALING.md) shares the
// subcommand name with the curation merge of two entities (`dossier merge P.dossier A B`); the
// curation command's options take both forms and hand this one over when -o is given.
#include <string>

namespace dossier::cli {

struct ShardMergeOptions {
    std::string run_dir;
    std::string output;
    bool allow_missing = false;
    unsigned jobs = 1;
    bool quiet = false;
};

int run_shard_merge(const ShardMergeOptions& options); // an exit code

} // namespace dossier::cli
