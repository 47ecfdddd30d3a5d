#pragma once
// The analyst's corrections as stored rows (the `curation` table), the low-level entity,
// mention, alias and relation edits the curation operations are made of, and pinned node
// positions. The operations themselves (what a merge or a split means, undo, replay) live in
// core/curation; this class only reads and writes rows. Writers expect the caller's transaction.
#include "dossier/model/entity.h"
#include "dossier/model/ids.h"
#include "dossier/store/project.h"

#include <optional>
#include <string>
#include <vector>

namespace dossier::store {

struct CurationRecord {
    CurationId id;
    std::string created_at; // ISO 8601 UTC; empty on insert means now
    std::string author;
    std::string op;                  // merge, split, rename, retype, reject, relate, unrelate, note
    std::string payload;             // JSON
    std::string before_state = "{}"; // JSON
    std::string status = "applied";  // applied | stale | undone
    std::string message;
};

// An entity row with every column, so an undo can put it back exactly (same id).
struct EntityRow {
    EntityId id;
    EntityType type = EntityType::Person;
    std::string canonical_name;
    std::string key;
    std::string authority_id;
    std::int64_t document_id = 0; // 0 when not a document entity
    bool rejected = false;
    std::string origin = "extract";
};

struct AliasRow {
    std::string alias;
    std::string key;
    std::string source;
};

struct MentionSpan {
    MentionId id;
    DocumentId document;
    Span span;
    std::string surface;
};

struct NodePosition {
    EntityId entity;
    double x = 0;
    double y = 0;
    bool pinned = false;
};

class CurationStore {
public:
    explicit CurationStore(Project& project) : project_(project) {}

    // --- records, in the order they were made
    CurationId add_record(const CurationRecord& record);
    std::optional<CurationRecord> record(CurationId id);
    std::vector<CurationRecord> records();
    void update_record(CurationId id, const std::string& status, const std::string& message,
                       const std::string& before_state);

    // --- entities
    std::optional<EntityRow> entity(EntityId id);
    // Lowest id with this key, of this type when `type` is given.
    std::optional<EntityId> find_by_key(std::optional<EntityType> type, const std::string& key);
    // The entity that carries `alias` (case-insensitive) as an alias an analyst added.
    std::optional<EntityId> find_by_curation_alias(const std::string& alias);
    // Inserts with row.id when it is valid (undo restores the same id), else a new id.
    EntityId insert_entity(const EntityRow& row);
    void delete_entity(EntityId id);
    void set_type(EntityId id, EntityType type);
    void set_rejected(EntityId id, bool rejected);

    std::vector<AliasRow> aliases(EntityId id);
    void add_alias(EntityId id, const AliasRow& alias); // ignored when already there
    void remove_alias(EntityId id, const std::string& alias);

    std::vector<MentionSpan> mentions(EntityId id);
    void move_mentions(const std::vector<MentionId>& mentions, EntityId to);

    // --- relations
    std::vector<RelationId> relations_from(EntityId source);
    std::vector<RelationId> relations_to(EntityId target);
    void set_relation_source(const std::vector<RelationId>& relations, EntityId source);
    void set_relation_target(const std::vector<RelationId>& relations, EntityId target);
    // Relations of this type between the two (either direction when `either_direction`).
    std::vector<RelationId> find_relations(const std::string& type, EntityId source,
                                           EntityId target, bool either_direction,
                                           const std::string& origin = {});
    void delete_relation(RelationId id);
    std::string relation_note(RelationId id);
    void set_relation_note(RelationId id, const std::string& note);

    // --- documents, by the hash that is the same in every project of one corpus
    std::optional<DocumentId> document_by_hash(const std::string& sha256);
    std::string document_hash(DocumentId id);

    // --- node positions (the layout and the GUI pin nodes an analyst placed). Stored under the
    // entity's identity (type + normalised key), so a pin survives re-extraction, which gives
    // entities new ids: position(new id) finds it again. Entities sharing an identity share a
    // position; positions() lists it once, under the lowest id. Setting a position of an entity
    // id that does not exist does nothing.
    void set_position(const NodePosition& position);
    void clear_pin(EntityId entity); // keeps the position, unpinned
    void remove_position(EntityId entity);
    std::optional<NodePosition> position(EntityId entity);
    std::vector<NodePosition> positions(bool pinned_only = false);

private:
    Project& project_;
};

} // namespace dossier::store
