#include "dossier/shards/shard_run.h"

#include "dossier/extract/extraction.h"
#include "dossier/store/extraction_lock.h"
#include "dossier/store/shard_copy.h"
#include "dossier/store/store_error.h"
#include "shard_settings.h"

#include <cstdlib>
#include <system_error>
#include <unistd.h>

namespace dossier::shards {
namespace fs = std::filesystem;
namespace {

void remove_project_files(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", "-extraction-lock"})
        fs::remove(fs::path(file.string() + suffix), ec);
}

ingest::ImportOptions import_options(const Plan& plan, const std::vector<const PlanRow*>& rows,
                                     const ShardRequest& request) {
    ingest::ImportOptions options;
    for (const auto* row : rows)
        options.inputs.emplace_back(row->path);
    options.format = plan.settings.format;
    options.max_file_bytes = plan.settings.max_file_bytes;
    options.ocr.mode = plan.settings.ocr == "never"    ? importers::OcrMode::Never
                       : plan.settings.ocr == "always" ? importers::OcrMode::Always
                                                       : importers::OcrMode::Auto;
    options.ocr.languages = plan.settings.ocr_lang;
    options.jobs = request.jobs;
    options.control.progress = request.progress;
    return options;
}

std::string joined_ids(const std::vector<DocumentId>& ids) {
    std::string out;
    for (auto id : ids)
        out += (out.empty() ? "" : " ") + std::to_string(id.value);
    return out;
}

std::string surname_lines(const std::vector<DocumentId>& ids,
                          const std::vector<std::vector<std::string>>& surnames) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out += std::to_string(ids[i].value);
        for (const auto& s : surnames[i])
            out += "\t" + s;
        out += "\n";
    }
    return out;
}

} // namespace

unsigned shard_index_from_environment() {
    for (const char* name :
         {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"}) {
        const char* value = std::getenv(name);
        if (!value || !*value)
            continue;
        const std::string text(value);
        if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
            throw PlanError(std::string(name) + "='" + text + "' is not a shard index");
        return static_cast<unsigned>(std::stoul(text));
    }
    throw PlanError("no shard index: give --shard I, or run as an array job (SLURM_ARRAY_TASK_ID, "
                    "JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX set)");
}

ShardOutcome run_shard(const ShardRequest& request) {
    const auto plan_file = fs::absolute(request.plan_file);
    const Plan plan = read_plan(plan_file);
    if (request.index >= plan.shards)
        throw PlanError("shard " + std::to_string(request.index) + " is out of range: " +
                        plan_file.string() + " has " + std::to_string(plan.shards) +
                        " shards (0 to " + std::to_string(plan.shards - 1) + ")");
    ShardOutcome outcome;
    outcome.file = shard_file(plan_file.parent_path(), request.index);
    std::vector<const PlanRow*> rows;
    for (const auto& row : plan.rows)
        if (row.shard == request.index)
            rows.push_back(&row);
    outcome.files = rows.size();

    const auto temp = partial_file(outcome.file);
    remove_project_files(temp);
    // Loaded before the folder changes: DOSSIER_DATA_DIR may be relative.
    const auto context =
        extract::ExtractionContext::load(extract::ExtractionContext::default_data_dir());
    // Relative paths are read from where the plan was made and recorded as given, as the serial
    // import run there records them.
    std::error_code ec;
    if (!plan.base.empty() && fs::is_directory(plan.base, ec))
        fs::current_path(plan.base, ec);
    try {
        auto project = store::Project::open(temp, store::OpenMode::CreateIfMissing);
        outcome.import = ingest::ImportJob(import_options(plan, rows, request)).run(project);
        const auto untitled = store::untitled_documents(project);
        const auto& ids = outcome.import.imported;
        const auto surnames = extract::store_first_reads(project, context, ids, request.jobs);
        store::Transaction tx(project);
        project.set_setting(detail::kPlanSetting, plan.fingerprint);
        project.set_setting(detail::kIndexSetting, std::to_string(request.index));
        project.set_setting(detail::kSurnamesSetting, surname_lines(ids, surnames));
        project.set_setting(detail::kUntitledSetting, joined_ids(untitled));
        project.set_setting(detail::kCompleteSetting, "1");
        tx.commit();
    } catch (...) {
        remove_project_files(temp);
        throw;
    }
    // The project is closed: its WAL is in the file, which now takes the shard's name.
    fs::rename(temp, outcome.file, ec);
    remove_project_files(temp);
    if (ec)
        throw store::StoreError(store::StoreError::Kind::Io, "cannot rename " + temp.string() +
                                                                 " to " + outcome.file.string() +
                                                                 ": " + ec.message());
    return outcome;
}

} // namespace dossier::shards
