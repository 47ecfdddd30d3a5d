#include "dossier/curation/curation_service.h"

#include "apply.h"

#include <cstdlib>

namespace dossier::curation {

std::string default_author() {
    const char* user = std::getenv("USER");
    return user && *user ? user : "unknown";
}

CurationService::CurationService(store::Project& project, std::string author)
    : project_(project), author_(author.empty() ? default_author() : std::move(author)) {}

CurationId CurationService::apply(const Operation& op) {
    store::Transaction tx(project_);
    const auto before = detail::apply_operation(project_, op.op, op.payload, false);
    store::CurationRecord record;
    record.author = author_;
    record.op = op.op;
    record.payload = op.payload.dump();
    record.before_state = before ? before->dump() : "{}";
    const auto id = store::CurationStore(project_).add_record(record);
    tx.commit();
    return id;
}

void CurationService::undo(CurationId id) {
    store::Transaction tx(project_);
    store::CurationStore store(project_);
    auto record = store.record(id);
    if (!record)
        throw CurationError("no curation record " + std::to_string(id.value));
    if (record->status == "undone")
        throw CurationError("record " + std::to_string(id.value) + " is undone already");
    if (record->status == "applied")
        detail::undo_operation(project_, record->op, nlohmann::json::parse(record->payload),
                               nlohmann::json::parse(record->before_state));
    store.update_record(id, "undone", "", record->before_state);
    tx.commit();
}

void CurationService::redo(CurationId id) {
    store::Transaction tx(project_);
    store::CurationStore store(project_);
    auto record = store.record(id);
    if (!record)
        throw CurationError("no curation record " + std::to_string(id.value));
    if (record->status != "undone")
        throw CurationError("record " + std::to_string(id.value) + " is not undone");
    const auto before = detail::apply_operation(project_, record->op,
                                                nlohmann::json::parse(record->payload), false);
    store.update_record(id, "applied", "", before ? before->dump() : "{}");
    tx.commit();
}

std::optional<CurationId> CurationService::last_undoable() {
    const auto records = store::CurationStore(project_).records();
    for (auto it = records.rbegin(); it != records.rend(); ++it)
        if (it->status != "undone")
            return it->id;
    return std::nullopt;
}

std::vector<store::CurationRecord> CurationService::log() {
    return store::CurationStore(project_).records();
}

} // namespace dossier::curation
