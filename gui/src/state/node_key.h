#pragma once
// What a node of the explorer's graph stands for: an entity, or (in the community overview) a
// community drawn as one disc. The selection, layouts and everything else that must find a node
// again after the graph is rebuilt hold this key, never a node's position in the arrays. An entity
// or a community converts to a key; the way back is explicit and says which kind it is, so a
// community can no longer travel as an entity id (it once did, as a negative EntityId, and the
// node menu offered to merge an entity with "entity -1").
#include "dossier/model/ids.h"
#include "dossier/model/index.h"

#include <compare>
#include <cstddef>
#include <functional>

namespace dossier::gui {

// A community's number (core's communities count from 0; none() for an entity in none). Its own
// type, so neither a node index nor an entity id can be passed where a community is meant.
using CommunityIndex = Index<struct CommunityTag>;

class NodeKey {
public:
    NodeKey() = default;                                         // neither: no node has it
    NodeKey(EntityId entity) : entity_(entity) {}                // NOLINT: an entity is a node
    NodeKey(CommunityIndex community) : community_(community) {} // NOLINT: so is a community

    bool is_entity() const { return entity_.valid(); }
    bool is_community() const { return community_.valid(); }
    // The entity, or an invalid id for a community.
    EntityId entity() const { return entity_; }
    // The community, or none() for an entity.
    CommunityIndex community() const { return community_; }

    auto operator<=>(const NodeKey&) const = default;

private:
    EntityId entity_;
    CommunityIndex community_;
};

} // namespace dossier::gui

template <> struct std::hash<dossier::gui::NodeKey> {
    std::size_t operator()(const dossier::gui::NodeKey& key) const noexcept {
        return key.is_entity() ? std::hash<std::int64_t>{}(key.entity().value)
                               : ~std::hash<int>{}(key.community().value());
    }
};
