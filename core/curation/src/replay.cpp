#include "dossier/curation/replay.h"

#include "apply.h"
#include "dossier/curation/operation.h"
#include "dossier/store/curation_store.h"

namespace dossier::curation {
namespace {

// Kept, never dropped: the reason goes into the record and into the report.
void mark_stale(store::CurationStore& store, const store::CurationRecord& record,
                const std::string& why, ReplayReport& report) {
    store.update_record(record.id, "stale", why, record.before_state);
    report.stale.push_back({record.id, record.op, why});
}

} // namespace

ReplayReport replay_curation(store::Project& project) {
    store::CurationStore store(project);
    ReplayReport report;
    if (project.read_only())
        return report;
    auto records = store.records();
    if (records.empty())
        return report;
    store::Transaction tx(project);
    for (const auto& record : records) {
        if (record.status == "undone")
            continue;
        try {
            const auto before = detail::apply_operation(
                project, record.op, nlohmann::json::parse(record.payload), true);
            store.update_record(record.id, "applied", "",
                                before ? before->dump() : record.before_state);
            ++report.replayed;
        } catch (const NotApplicable& e) {
            mark_stale(store, record, e.what(), report);
        } catch (const CurationError& e) {
            mark_stale(store, record, e.what(), report); // a record this build cannot read
        } catch (const nlohmann::json::exception& e) {
            mark_stale(store, record, e.what(), report);
        }
    }
    tx.commit();
    return report;
}

ReplayReport curation_status(store::Project& project) {
    ReplayReport report;
    for (const auto& record : store::CurationStore(project).records()) {
        if (record.status == "applied")
            ++report.replayed;
        else if (record.status == "stale")
            report.stale.push_back({record.id, record.op, record.message});
    }
    return report;
}

std::string describe(const ReplayReport& report) {
    if (report.replayed == 0 && report.stale.empty())
        return {};
    std::string line = std::to_string(report.replayed) +
                       (report.replayed == 1 ? " correction" : " corrections") + " replayed, " +
                       std::to_string(report.stale.size()) +
                       (report.stale.size() == 1 ? " no longer applies" : " no longer apply");
    for (std::size_t i = 0; i < report.stale.size(); ++i) {
        const auto& s = report.stale[i];
        line += (i == 0 ? ": " : "; ") + ("#" + std::to_string(s.id.value)) + " " + s.op + ": " +
                s.message;
    }
    return line;
}

} // namespace dossier::curation
