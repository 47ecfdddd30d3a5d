#pragma once
// The plan of a sharded run: RUN/plan.tsv lists the files a serial `dossier import` of the same
// inputs would take, in the same order, each with the shard that reads it. Shards are runs of
// consecutive files balanced by bytes, so that the merge appends shard after shard and numbers
// everything as a serial import does. The first line records the import options every shard
// must use.
#include "dossier/ingest/input_files.h"

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::shards {

// A plan file that cannot be read or a run folder that does not fit it; one line.
class PlanError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// How every shard imports its files (the options of `dossier import` that change the project).
struct ImportSettings {
    std::string format = "auto";
    std::string ocr = "auto"; // auto | always | never
    std::string ocr_lang = "eng";
    std::uint64_t max_file_bytes = 0;
};

struct PlanRow {
    unsigned shard = 0;
    std::uint64_t bytes = 0;
    std::string path; // as the import records it: relative paths are relative to Plan::base
};

struct Plan {
    unsigned shards = 0;
    ImportSettings settings;
    std::filesystem::path base; // the folder relative paths start from (where the plan was made)
    std::vector<PlanRow> rows;  // in import order
    std::string fingerprint;    // SHA-256 of the plan file: shards record which plan they ran
};

struct PlanRequest {
    std::vector<std::filesystem::path> inputs;
    std::vector<std::string> include, exclude;
    ImportSettings settings;
    unsigned shards = 1;
};

struct PlanOutcome {
    Plan plan;
    std::vector<ingest::InputProblem> problems; // inputs that do not exist or cannot be listed
};

// Walks the inputs as `dossier import` does and assigns the files to shards.
PlanOutcome make_plan(const PlanRequest& request);

// The shard of each file: consecutive runs, each near an equal share of the bytes (a file goes to
// the shard where its middle byte falls); by count when every file is empty. Deterministic.
std::vector<unsigned> assign_shards(const std::vector<std::uint64_t>& sizes, unsigned shards);

// Writes RUN/plan.tsv (under a temporary name, renamed when complete; the folder is created) and
// sets plan.fingerprint. Throws PlanError.
void write_plan(Plan& plan, const std::filesystem::path& run_dir);

// Reads a plan file; throws PlanError naming the file and line of what is wrong.
Plan read_plan(const std::filesystem::path& plan_file);

// RUN/shard-I.dossier
std::filesystem::path shard_file(const std::filesystem::path& run_dir, unsigned index);
// Where a shard or a merge is built before it is renamed into place.
std::filesystem::path partial_file(const std::filesystem::path& final_file);

// Why shard `index` of the plan in `run_dir` cannot be merged ("missing", "made from another
// plan", ...), or "" when its file is complete and made from this plan.
std::string shard_problem(const Plan& plan, const std::filesystem::path& run_dir, unsigned index);

// The shards still to run, in order.
std::vector<unsigned> missing_shards(const Plan& plan, const std::filesystem::path& run_dir);

// The plan file of a run folder (RUN/plan.tsv), or the file itself when given one.
std::filesystem::path plan_file_of(const std::filesystem::path& run_or_plan);

} // namespace dossier::shards
