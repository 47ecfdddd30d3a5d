// Sharded runs (docs/SCALING.md): dossier plan, dossier extract-shard, and dossier merge RUN -o P
// (the subcommand is registered with the curation merge, curation_command.cpp).
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/shards/merge.h"
#include "dossier/shards/shard_run.h"
#include "dossier/store/store_error.h"
#include "shard_merge.h"

#include <iostream>
#include <memory>

namespace dossier::cli {
namespace {

void register_plan(CLI::App& app) {
    struct Options {
        std::vector<std::string> paths;
        unsigned shards = 0;
        std::string run_dir;
        std::string missing;
        InputOptions input;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "plan",
        "Plan a sharded run: the files 'dossier import' would take from these paths, in its "
        "order, split into shards balanced by bytes, written to RUN/plan.tsv. With --missing RUN: "
        "list the shards still to run, one per line.");
    command->add_option("PATH", options->paths, "Files or folders (folders are read recursively)");
    command->add_option("--shards", options->shards, "Number of shards")
        ->check(CLI::Range(1u, 1000000u));
    command->add_option("-o,--output", options->run_dir, "Run folder (created if missing)");
    command->add_option("--missing", options->missing,
                        "List the shards of this run folder that have no complete shard file");
    add_input_options(command, options->input);

    set_action(command, [options]() -> int {
        if (!options->missing.empty()) {
            if (!options->paths.empty() || options->shards || !options->run_dir.empty()) {
                print_error("plan --missing RUN : takes the run folder alone");
                return kFailure;
            }
            try {
                const auto plan_file = shards::plan_file_of(options->missing);
                const auto plan = shards::read_plan(plan_file);
                for (auto index : shards::missing_shards(plan, plan_file.parent_path()))
                    std::cout << index << '\n';
            } catch (const shards::PlanError& e) {
                print_error(e.what());
                return kFailure;
            }
            return kOk;
        }
        if (options->paths.empty() || options->shards == 0 || options->run_dir.empty()) {
            print_error("plan : give the files or folders, --shards K and -o RUN (or --missing "
                        "RUN)");
            return kFailure;
        }
        const auto max_size = checked_size_and_languages(options->input);
        if (!max_size)
            return kFailure;
        shards::PlanRequest request;
        for (const auto& p : options->paths)
            request.inputs.emplace_back(p);
        request.include = options->input.include;
        request.exclude = options->input.exclude;
        request.shards = options->shards;
        request.settings = {options->input.format, options->input.ocr, options->input.ocr_lang,
                            *max_size};
        try {
            auto outcome = shards::make_plan(request);
            for (const auto& problem : outcome.problems)
                std::cerr << "FAILED " << problem.path << ": " << problem.reason << '\n';
            if (outcome.plan.rows.empty()) {
                print_error("no files to import in the given paths");
                return kFailure;
            }
            shards::write_plan(outcome.plan, options->run_dir);
            std::cout << "planned " << outcome.plan.rows.size() << " files in "
                      << outcome.plan.shards << " shards: "
                      << (std::filesystem::path(options->run_dir) / "plan.tsv").string() << '\n';
            return outcome.problems.empty() ? kOk : kPartial;
        } catch (const shards::PlanError& e) {
            print_error(e.what());
            return kFailure;
        }
    });
}

void register_extract_shard(CLI::App& app) {
    struct Options {
        std::string plan;
        std::optional<unsigned> shard;
        unsigned jobs = all_cores();
        bool quiet = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "extract-shard",
        "Import and read one shard of a plan into RUN/shard-I.dossier (replaced when run again). "
        "Exit 0: all imported; 2: some files failed; 1: nothing could be done.");
    command->add_option("PLAN", options->plan, "The run's plan.tsv (or the run folder)")
        ->required();
    command->add_option("--shard", options->shard,
                        "Shard index, from 0 (default: SLURM_ARRAY_TASK_ID, "
                        "JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)");
    command
        ->add_option("--jobs,-j", options->jobs,
                     "Files read and documents extracted at once (default: every core)")
        ->check(CLI::Range(1u, 1024u));
    command->add_flag("--quiet", options->quiet, "No summary, only failures");

    set_action(command, [options]() -> int {
        shards::ShardRequest request;
        request.plan_file = shards::plan_file_of(options->plan);
        request.jobs = options->jobs;
        shards::ShardOutcome outcome;
        try {
            request.index =
                options->shard ? *options->shard : shards::shard_index_from_environment();
            outcome = shards::run_shard(request);
        } catch (const shards::PlanError& e) {
            print_error(std::string("extract-shard : ") + e.what());
            return kFailure;
        } catch (const store::StoreError& e) {
            print_error("extract-shard " + std::to_string(request.index) + " : " + e.what());
            return kFailure;
        }
        const auto& result = outcome.import;
        for (const auto& failure : result.failed)
            std::cerr << "FAILED " << failure.path << ": " << failure.reason << '\n';
        if (!options->quiet)
            std::cout << "shard " << request.index << ": imported " << result.imported.size()
                      << ", skipped " << result.skipped.size() << " (already present), failed "
                      << result.failed.size() << " -> " << outcome.file.string() << '\n';
        if (result.failed.empty())
            return kOk;
        const bool something_went_through = !result.imported.empty() || !result.skipped.empty();
        return something_went_through ? kPartial : kFailure;
    });
}

void register_shard_commands(CLI::App& app) {
    register_plan(app);
    register_extract_shard(app);
}

} // namespace

int run_shard_merge(const ShardMergeOptions& options) {
    shards::MergeRequest request;
    request.run_dir = options.run_dir;
    request.output = options.output;
    request.allow_missing = options.allow_missing;
    request.jobs = options.jobs;
    if (!options.quiet && stderr_is_terminal())
        request.step = [](const std::string& line) { std::cerr << line << '\n'; };
    shards::MergeOutcome outcome;
    try {
        outcome = shards::merge_shards(request);
    } catch (const shards::PlanError& e) {
        print_error(std::string("merge ") + e.what());
        return kFailure;
    } catch (const store::StoreError& e) {
        print_error("merge " + options.output + " : " + e.what());
        return kFailure;
    }
    for (const auto& [index, why] : outcome.left_out)
        std::cerr << "LEFT OUT shard " << index << ": " << why << '\n';
    if (!options.quiet)
        std::cout << "merged " << outcome.merged.size() << " shards: " << outcome.documents
                  << " documents (" << outcome.duplicates << " duplicates left out), "
                  << outcome.mentions_copied << " mentions copied in " << outcome.copy_seconds
                  << " s, corpus-wide extraction " << outcome.finish_seconds << " s -> "
                  << options.output << '\n';
    return outcome.left_out.empty() ? kOk : kPartial;
}

DOSSIER_REGISTER_COMMANDS(register_shard_commands);

} // namespace dossier::cli
