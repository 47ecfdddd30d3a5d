#include "dossier/model/entity_type.h"

#include <array>
#include <utility>

namespace dossier {
namespace {
constexpr std::array<std::pair<EntityType, std::string_view>, 6> kNames{{
    {EntityType::Person, "person"},
    {EntityType::Organization, "organization"},
    {EntityType::Country, "country"},
    {EntityType::Place, "place"},
    {EntityType::Document, "document"},
    {EntityType::Date, "date"},
}};
}

std::string_view to_string(EntityType type) {
    for (const auto& [value, name] : kNames)
        if (value == type)
            return name;
    return "unknown";
}

std::optional<EntityType> parse_entity_type(std::string_view text) {
    for (const auto& [value, name] : kNames)
        if (name == text)
            return value;
    return std::nullopt;
}

} // namespace dossier
