#include "dossier/shards/merge.h"

#include "dossier/extract/extraction.h"
#include "dossier/store/shard_copy.h"
#include "dossier/store/store_error.h"
#include "shard_settings.h"

#include <chrono>
#include <optional>
#include <sstream>
#include <system_error>
#include <unordered_map>

namespace dossier::shards {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

void remove_project_files(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", "-extraction-lock"})
        fs::remove(fs::path(file.string() + suffix), ec);
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// What a shard recorded of its first reads (shard_settings.h), by the shard's document ids.
struct ShardRecord {
    std::unordered_map<std::int64_t, std::vector<std::string>> surnames;
    std::vector<std::int64_t> untitled;
};

ShardRecord read_record(const fs::path& shard) {
    auto project = store::Project::open(shard, store::OpenMode::ReadOnly);
    ShardRecord record;
    std::istringstream lines(project.setting(detail::kSurnamesSetting));
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (auto tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
            fields.push_back(line.substr(start, tab - start));
            start = tab + 1;
        }
        fields.push_back(line.substr(start));
        const auto id = std::stoll(fields.front());
        record.surnames[id].assign(fields.begin() + 1, fields.end());
    }
    std::istringstream untitled(project.setting(detail::kUntitledSetting));
    for (std::int64_t id = 0; untitled >> id;)
        record.untitled.push_back(id);
    return record;
}

std::string describe_problems(const std::vector<std::pair<unsigned, std::string>>& problems) {
    std::string text;
    for (std::size_t i = 0; i < problems.size(); ++i) {
        if (i == 20) {
            text += " and " + std::to_string(problems.size() - 20) + " more";
            break;
        }
        text +=
            (i ? ", " : "") + std::to_string(problems[i].first) + " (" + problems[i].second + ")";
    }
    return text;
}

// The merged project's documents and what finish_stored_first_reads needs of them, in order.
struct Merged {
    std::vector<DocumentId> ids;
    std::vector<std::vector<std::string>> surnames;
    std::vector<DocumentId> untitled_at_import;
};

void copy_shard(store::Project& project, std::optional<store::BulkLoad>& bulk,
                const fs::path& shard, const extract::ExtractionContext& context, unsigned jobs,
                Merged& merged, MergeOutcome& outcome) {
    const auto record = read_record(shard);
    store::CopiedDocuments documents;
    {
        store::ShardCopy copy(project, shard);
        store::Transaction tx(project);
        documents = copy.copy_documents();
        // A document an earlier shard holds too is left out, as a serial import skips it; the
        // shard's first reads would then bring the entities it alone created: read again here.
        if (documents.duplicates == 0)
            outcome.mentions_copied += copy.copy_first_reads();
        tx.commit();
    }
    outcome.duplicates += documents.duplicates;
    std::unordered_map<std::int64_t, DocumentId> global_of;
    for (std::size_t i = 0; i < documents.ids.size(); ++i)
        global_of.emplace(documents.shard_ids[i], documents.ids[i]);
    std::vector<std::vector<std::string>> surnames;
    if (documents.duplicates == 0) {
        for (auto local : documents.shard_ids) {
            const auto it = record.surnames.find(local);
            surnames.push_back(it == record.surnames.end() ? std::vector<std::string>{}
                                                           : it->second);
        }
    } else {
        bulk.reset(); // extraction looks mentions up: their indexes back first
        surnames = extract::store_first_reads(project, context, documents.ids, jobs);
        bulk.emplace(project);
    }
    merged.ids.insert(merged.ids.end(), documents.ids.begin(), documents.ids.end());
    for (auto& s : surnames)
        merged.surnames.push_back(std::move(s));
    for (auto local : record.untitled)
        if (const auto it = global_of.find(local); it != global_of.end())
            merged.untitled_at_import.push_back(it->second);
}

} // namespace

MergeOutcome merge_shards(const MergeRequest& request) {
    const auto plan_file = fs::absolute(plan_file_of(request.run_dir));
    const Plan plan = read_plan(plan_file);
    const auto run_dir = plan_file.parent_path();
    auto step = [&](const std::string& line) {
        if (request.step)
            request.step(line);
    };
    MergeOutcome outcome;
    for (unsigned i = 0; i < plan.shards; ++i)
        if (auto problem = shard_problem(plan, run_dir, i); !problem.empty())
            outcome.left_out.emplace_back(i, std::move(problem));
    if (!outcome.left_out.empty() && !request.allow_missing)
        throw PlanError(run_dir.string() + " : " + std::to_string(outcome.left_out.size()) +
                        " of " + std::to_string(plan.shards) +
                        " shards not ready: " + describe_problems(outcome.left_out) +
                        "; run them (dossier plan --missing lists them) or merge with "
                        "--allow-missing");
    const auto output = fs::absolute(request.output);
    std::error_code ec;
    if (fs::exists(output, ec))
        throw PlanError(request.output.string() +
                        " : already exists; the merge makes a new project (remove it or name "
                        "another)");
    const auto temp = partial_file(output);
    remove_project_files(temp);
    const auto context =
        extract::ExtractionContext::load(extract::ExtractionContext::default_data_dir());
    try {
        auto project = store::Project::open(temp, store::OpenMode::CreateIfMissing);
        Merged merged;
        const auto copy_started = Clock::now();
        std::optional<store::BulkLoad> bulk(std::in_place, project);
        for (unsigned i = 0; i < plan.shards; ++i) {
            if (!shard_problem(plan, run_dir, i).empty())
                continue;
            copy_shard(project, bulk, shard_file(run_dir, i), context, request.jobs, merged,
                       outcome);
            outcome.merged.push_back(i);
            step("copied shard " + std::to_string(i) + " (" + std::to_string(merged.ids.size()) +
                 " documents so far)");
        }
        bulk->finish();
        bulk.reset();
        outcome.copy_seconds = seconds_since(copy_started);
        const auto finish_started = Clock::now();
        {
            store::Transaction tx(project);
            store::index_merged_full_text(project, merged.untitled_at_import);
            tx.commit();
        }
        step("indexed the full text; reading again, resolving identities, relations");
        outcome.documents = merged.ids.size();
        extract::finish_stored_first_reads(project, context, merged.ids, std::move(merged.surnames),
                                           request.jobs);
        outcome.finish_seconds = seconds_since(finish_started);
    } catch (...) {
        remove_project_files(temp);
        throw;
    }
    // Closed: the WAL is in the file, which now takes the project's name.
    fs::rename(temp, output, ec);
    remove_project_files(temp);
    if (ec)
        throw store::StoreError(store::StoreError::Kind::Io, "cannot rename " + temp.string() +
                                                                 " to " + output.string() + ": " +
                                                                 ec.message());
    return outcome;
}

} // namespace dossier::shards
