#include "dossier/curation/exchange.h"

#include "dossier/curation/operation.h"
#include "dossier/store/curation_store.h"

namespace dossier::curation {

namespace {
constexpr const char* kFormat = "dossier-curation";
constexpr int kVersion = 1;
} // namespace

nlohmann::json export_curation(store::Project& project) {
    nlohmann::json records = nlohmann::json::array();
    for (const auto& r : store::CurationStore(project).records()) {
        if (r.status == "undone")
            continue;
        records.push_back({{"op", r.op},
                           {"author", r.author},
                           {"created_at", r.created_at},
                           {"payload", nlohmann::json::parse(r.payload)}});
    }
    return {{"format", kFormat}, {"version", kVersion}, {"records", records}};
}

ReplayReport import_curation(store::Project& project, const nlohmann::json& file) {
    if (!file.is_object() || file.value("format", std::string{}) != kFormat)
        throw CurationError("not a Dossier curation file (no \"format\": \"dossier-curation\")");
    if (file.value("version", 0) != kVersion)
        throw CurationError("unsupported curation file version " +
                            std::to_string(file.value("version", 0)));
    if (!file.contains("records") || !file.at("records").is_array())
        throw CurationError("curation file without a \"records\" list");
    {
        store::Transaction tx(project);
        store::CurationStore store(project);
        for (const auto& r : file.at("records")) {
            if (!r.is_object() || !r.contains("op") || !r.contains("payload") ||
                !r.at("op").is_string() || !r.at("payload").is_object())
                throw CurationError("curation file record without \"op\" and \"payload\"");
            store::CurationRecord record;
            record.op = r.at("op").get<std::string>();
            record.author = r.value("author", std::string{});
            record.created_at = r.value("created_at", std::string{});
            record.payload = r.at("payload").dump();
            store.add_record(record);
        }
        tx.commit();
    }
    return replay_curation(project);
}

} // namespace dossier::curation
