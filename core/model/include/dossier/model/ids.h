#pragma once
// Typed ids: a DocumentId cannot be passed where an EntityId is expected.
#include <compare>
#include <cstdint>
#include <functional>

namespace dossier {

template <class Tag> struct Id {
    std::int64_t value = 0;
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr bool valid() const { return value > 0; }
    constexpr auto operator<=>(const Id&) const = default;
};

using DocumentId = Id<struct DocumentTag>;
using EntityId = Id<struct EntityTag>;
using MentionId = Id<struct MentionTag>;
using RelationId = Id<struct RelationTag>;
using CurationId = Id<struct CurationTag>;

} // namespace dossier

template <class Tag> struct std::hash<dossier::Id<Tag>> {
    std::size_t operator()(const dossier::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
