#pragma once
// One shard of a plan: its files imported as `dossier import` would import them, and each
// document given its first read (the per-document part of extraction), into RUN/shard-I.dossier,
// a project of its own. The file is built under a temporary name and renamed when complete, so a
// killed shard leaves nothing that looks complete; a shard run again replaces it.
#include "dossier/ingest/import_job.h"
#include "dossier/shards/plan.h"

#include <filesystem>
#include <functional>

namespace dossier::shards {

struct ShardRequest {
    std::filesystem::path plan_file;
    unsigned index = 0;
    unsigned jobs = 1; // files read and documents extracted at once
    std::function<void(const ingest::ImportProgress&)> progress;
};

struct ShardOutcome {
    std::filesystem::path file;  // RUN/shard-I.dossier
    ingest::ImportResult import; // what the import did, failures with their paths and reasons
    std::size_t files = 0;       // files the plan gives this shard
};

// Throws PlanError for a bad plan or index, store::StoreError when the shard file cannot be
// written (nothing is left then).
ShardOutcome run_shard(const ShardRequest& request);

// The shard index from the environment of an array job: SLURM_ARRAY_TASK_ID, then
// JOB_COMPLETION_INDEX (Kubernetes indexed jobs), then AWS_BATCH_JOB_ARRAY_INDEX. Throws
// PlanError when none is set or the one set is not a number.
unsigned shard_index_from_environment();

} // namespace dossier::shards
