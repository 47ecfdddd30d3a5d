#pragma once
#include <optional>
#include <string_view>

namespace dossier {

enum class EntityType { Person, Organization, Country, Place, Document, Date };

std::string_view to_string(EntityType type);
std::optional<EntityType> parse_entity_type(std::string_view text);

} // namespace dossier
