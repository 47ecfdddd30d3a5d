#pragma once
// Curation records name entities and relations by what survives a re-extraction: an entity by
// its type, identity key and canonical name (row ids are renumbered every time extraction
// reruns), a relation by its type and the references of its two ends, a mention by the hash of
// its document and its byte span.
#include "dossier/model/document.h"
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"
#include "dossier/store/curation_store.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace dossier::curation {

struct EntityRef {
    EntityType type = EntityType::Person;
    std::string key;
    std::string name;
};

struct RelationRef {
    std::string type;
    EntityRef source;
    EntityRef target;
    bool directed = true;
};

nlohmann::json to_json(const EntityRef& ref);
EntityRef entity_ref_from_json(const nlohmann::json& j);
nlohmann::json to_json(const RelationRef& ref);
RelationRef relation_ref_from_json(const nlohmann::json& j);
// "Gromyko (person)" for messages.
std::string describe(const EntityRef& ref);

// The reference of an entity as it is now; nullopt when there is no such row.
std::optional<EntityRef> entity_ref(store::CurationStore& store, EntityId id);

// The entity a reference means in the current state of the project:
//  1. the entity with the same type and key (the normal case after a re-extraction);
//  2. an entity with the same key and another type (it was retyped);
//  3. the entity that carries the referenced name as an analyst-made alias (it was merged into
//     that entity, or renamed by a merge).
// nullopt when none: the entity vanished.
std::optional<EntityId> resolve(store::CurationStore& store, const EntityRef& ref);

// Lower-case ASCII, runs of white space as one space, trimmed: how surfaces and aliases compare.
std::string fold(std::string_view text);

} // namespace dossier::curation
