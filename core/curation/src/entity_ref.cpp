#include "dossier/curation/entity_ref.h"

#include <cctype>

namespace dossier::curation {

nlohmann::json to_json(const EntityRef& ref) {
    return {{"type", std::string(to_string(ref.type))}, {"key", ref.key}, {"name", ref.name}};
}

EntityRef entity_ref_from_json(const nlohmann::json& j) {
    EntityRef ref;
    const auto type = parse_entity_type(j.at("type").get<std::string>());
    if (!type)
        throw nlohmann::json::other_error::create(
            501, "unknown entity type '" + j.at("type").get<std::string>() + "'", &j);
    ref.type = *type;
    ref.key = j.at("key").get<std::string>();
    ref.name = j.value("name", std::string{});
    return ref;
}

nlohmann::json to_json(const RelationRef& ref) {
    return {{"type", ref.type},
            {"source", to_json(ref.source)},
            {"target", to_json(ref.target)},
            {"directed", ref.directed}};
}

RelationRef relation_ref_from_json(const nlohmann::json& j) {
    RelationRef ref;
    ref.type = j.at("type").get<std::string>();
    ref.source = entity_ref_from_json(j.at("source"));
    ref.target = entity_ref_from_json(j.at("target"));
    ref.directed = j.value("directed", true);
    return ref;
}

std::string describe(const EntityRef& ref) {
    return "'" + ref.name + "' (" + std::string(to_string(ref.type)) + ")";
}

std::optional<EntityRef> entity_ref(store::CurationStore& store, EntityId id) {
    auto row = store.entity(id);
    if (!row)
        return std::nullopt;
    return EntityRef{row->type, row->key, row->canonical_name};
}

std::optional<EntityId> resolve(store::CurationStore& store, const EntityRef& ref) {
    if (auto id = store.find_by_key(ref.type, ref.key))
        return id;
    if (auto id = store.find_by_key(std::nullopt, ref.key))
        return id;
    if (!ref.name.empty())
        return store.find_by_curation_alias(ref.name);
    return std::nullopt;
}

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace dossier::curation
