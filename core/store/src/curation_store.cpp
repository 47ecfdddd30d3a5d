#include "dossier/store/curation_store.h"

#include "sqlite_connection.h"

namespace dossier::store {
namespace {

CurationRecord read_record(const detail::Statement& stmt) {
    CurationRecord r;
    r.id = CurationId{stmt.int64(0)};
    r.created_at = stmt.text(1);
    r.author = stmt.text(2);
    r.op = stmt.text(3);
    r.payload = stmt.text(4);
    r.before_state = stmt.text(5);
    r.status = stmt.text(6);
    r.message = stmt.text(7);
    return r;
}

template <class IdT> std::vector<IdT> collect_ids(detail::Statement& stmt) {
    std::vector<IdT> ids;
    while (stmt.step())
        ids.push_back(IdT{stmt.int64(0)});
    stmt.reset();
    return ids;
}

NodePosition read_position(const detail::Statement& stmt) {
    return {EntityId{stmt.int64(0)}, stmt.real(1), stmt.real(2), stmt.int64(3) != 0};
}

} // namespace

CurationId CurationStore::add_record(const CurationRecord& record) {
    auto& conn = project_.connection();
    conn.prepare("INSERT INTO curation(created_at, author, op, payload, before_state, status,"
                 " message) VALUES (coalesce(?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?2, ?3,"
                 " ?4, ?5, ?6, ?7)")
        .bind_optional(1, record.created_at)
        .bind(2, record.author)
        .bind(3, record.op)
        .bind(4, record.payload)
        .bind(5, record.before_state)
        .bind(6, record.status)
        .bind(7, record.message)
        .run();
    return CurationId{conn.last_insert_rowid()};
}

std::optional<CurationRecord> CurationStore::record(CurationId id) {
    auto& stmt = project_.connection().prepare(
        "SELECT id, created_at, author, op, payload, before_state, status, message FROM curation"
        " WHERE id = ?1");
    stmt.bind(1, id.value);
    std::optional<CurationRecord> result;
    if (stmt.step())
        result = read_record(stmt);
    stmt.reset();
    return result;
}

std::vector<CurationRecord> CurationStore::records() {
    auto& stmt = project_.connection().prepare(
        "SELECT id, created_at, author, op, payload, before_state, status, message FROM curation"
        " ORDER BY id");
    std::vector<CurationRecord> result;
    while (stmt.step())
        result.push_back(read_record(stmt));
    stmt.reset();
    return result;
}

void CurationStore::update_record(CurationId id, const std::string& status,
                                  const std::string& message, const std::string& before_state) {
    project_.connection()
        .prepare("UPDATE curation SET status = ?2, message = ?3, before_state = ?4 WHERE id = ?1")
        .bind(1, id.value)
        .bind(2, status)
        .bind(3, message)
        .bind(4, before_state)
        .run();
}

std::optional<EntityRow> CurationStore::entity(EntityId id) {
    auto& stmt = project_.connection().prepare(
        "SELECT id, type, canonical_name, key, authority_id, coalesce(document_id, 0), rejected,"
        " origin FROM entities WHERE id = ?1");
    stmt.bind(1, id.value);
    std::optional<EntityRow> result;
    if (stmt.step()) {
        EntityRow row;
        row.id = EntityId{stmt.int64(0)};
        row.type = parse_entity_type(stmt.text(1)).value_or(EntityType::Person);
        row.canonical_name = stmt.text(2);
        row.key = stmt.text(3);
        row.authority_id = stmt.text(4);
        row.document_id = stmt.int64(5);
        row.rejected = stmt.int64(6) != 0;
        row.origin = stmt.text(7);
        result = std::move(row);
    }
    stmt.reset();
    return result;
}

std::optional<EntityId> CurationStore::find_by_key(std::optional<EntityType> type,
                                                   const std::string& key) {
    auto& stmt = project_.connection().prepare(
        "SELECT id FROM entities WHERE key = ?2 AND (?1 IS NULL OR type = ?1) ORDER BY id LIMIT 1");
    if (type)
        stmt.bind(1, to_string(*type));
    else
        stmt.bind_null(1);
    stmt.bind(2, key);
    std::optional<EntityId> result;
    if (stmt.step())
        result = EntityId{stmt.int64(0)};
    stmt.reset();
    return result;
}

std::optional<EntityId> CurationStore::find_by_curation_alias(const std::string& alias) {
    auto& stmt = project_.connection().prepare(
        "SELECT entity_id FROM aliases WHERE source = 'curation' AND lower(alias) = lower(?1)"
        " ORDER BY entity_id LIMIT 1");
    stmt.bind(1, alias);
    std::optional<EntityId> result;
    if (stmt.step())
        result = EntityId{stmt.int64(0)};
    stmt.reset();
    return result;
}

EntityId CurationStore::insert_entity(const EntityRow& row) {
    auto& conn = project_.connection();
    auto& stmt = conn.prepare(
        "INSERT INTO entities(id, type, canonical_name, key, authority_id, document_id, rejected,"
        " origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (row.id.valid())
        stmt.bind(1, row.id.value);
    else
        stmt.bind_null(1);
    stmt.bind(2, to_string(row.type)).bind(3, row.canonical_name).bind(4, row.key);
    stmt.bind(5, row.authority_id);
    if (row.document_id > 0)
        stmt.bind(6, row.document_id);
    else
        stmt.bind_null(6);
    stmt.bind(7, row.rejected ? 1 : 0).bind(8, row.origin).run();
    return EntityId{conn.last_insert_rowid()};
}

void CurationStore::delete_entity(EntityId id) {
    project_.connection().prepare("DELETE FROM entities WHERE id = ?1").bind(1, id.value).run();
}

void CurationStore::set_type(EntityId id, EntityType type) {
    project_.connection()
        .prepare("UPDATE entities SET type = ?2 WHERE id = ?1")
        .bind(1, id.value)
        .bind(2, to_string(type))
        .run();
}

void CurationStore::set_rejected(EntityId id, bool rejected) {
    project_.connection()
        .prepare("UPDATE entities SET rejected = ?2 WHERE id = ?1")
        .bind(1, id.value)
        .bind(2, rejected ? 1 : 0)
        .run();
}

std::vector<AliasRow> CurationStore::aliases(EntityId id) {
    auto& stmt = project_.connection().prepare(
        "SELECT alias, key, source FROM aliases WHERE entity_id = ?1 ORDER BY alias");
    stmt.bind(1, id.value);
    std::vector<AliasRow> result;
    while (stmt.step())
        result.push_back(
            {std::string(stmt.text(0)), std::string(stmt.text(1)), std::string(stmt.text(2))});
    stmt.reset();
    return result;
}

void CurationStore::add_alias(EntityId id, const AliasRow& alias) {
    project_.connection()
        .prepare(
            "INSERT OR IGNORE INTO aliases(entity_id, alias, key, source) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, id.value)
        .bind(2, alias.alias)
        .bind(3, alias.key)
        .bind(4, alias.source)
        .run();
}

void CurationStore::remove_alias(EntityId id, const std::string& alias) {
    project_.connection()
        .prepare("DELETE FROM aliases WHERE entity_id = ?1 AND alias = ?2")
        .bind(1, id.value)
        .bind(2, alias)
        .run();
}

std::vector<MentionSpan> CurationStore::mentions(EntityId id) {
    auto& stmt = project_.connection().prepare(
        "SELECT id, document_id, start, end, surface FROM mentions WHERE entity_id = ?1"
        " ORDER BY document_id, start, id");
    stmt.bind(1, id.value);
    std::vector<MentionSpan> result;
    while (stmt.step())
        result.push_back(
            {MentionId{stmt.int64(0)},
             DocumentId{stmt.int64(1)},
             {static_cast<std::uint32_t>(stmt.int64(2)), static_cast<std::uint32_t>(stmt.int64(3))},
             std::string(stmt.text(4))});
    stmt.reset();
    return result;
}

void CurationStore::move_mentions(const std::vector<MentionId>& mentions, EntityId to) {
    auto& stmt = project_.connection().prepare("UPDATE mentions SET entity_id = ?2 WHERE id = ?1");
    for (auto id : mentions)
        stmt.bind(1, id.value).bind(2, to.value).run();
}

std::vector<RelationId> CurationStore::relations_from(EntityId source) {
    auto& stmt =
        project_.connection().prepare("SELECT id FROM relations WHERE source_id = ?1 ORDER BY id");
    stmt.bind(1, source.value);
    return collect_ids<RelationId>(stmt);
}

std::vector<RelationId> CurationStore::relations_to(EntityId target) {
    auto& stmt =
        project_.connection().prepare("SELECT id FROM relations WHERE target_id = ?1 ORDER BY id");
    stmt.bind(1, target.value);
    return collect_ids<RelationId>(stmt);
}

void CurationStore::set_relation_source(const std::vector<RelationId>& relations, EntityId source) {
    auto& stmt = project_.connection().prepare("UPDATE relations SET source_id = ?2 WHERE id = ?1");
    for (auto id : relations)
        stmt.bind(1, id.value).bind(2, source.value).run();
}

void CurationStore::set_relation_target(const std::vector<RelationId>& relations, EntityId target) {
    auto& stmt = project_.connection().prepare("UPDATE relations SET target_id = ?2 WHERE id = ?1");
    for (auto id : relations)
        stmt.bind(1, id.value).bind(2, target.value).run();
}

std::vector<RelationId> CurationStore::find_relations(const std::string& type, EntityId source,
                                                      EntityId target, bool either_direction,
                                                      const std::string& origin) {
    auto& stmt = project_.connection().prepare(
        "SELECT id FROM relations WHERE type = ?1 AND (?4 = '' OR origin = ?4) AND"
        " ((source_id = ?2 AND target_id = ?3) OR (?5 AND source_id = ?3 AND target_id = ?2))"
        " ORDER BY id");
    stmt.bind(1, type)
        .bind(2, source.value)
        .bind(3, target.value)
        .bind(4, origin)
        .bind(5, either_direction ? 1 : 0);
    return collect_ids<RelationId>(stmt);
}

void CurationStore::delete_relation(RelationId id) {
    project_.connection().prepare("DELETE FROM relations WHERE id = ?1").bind(1, id.value).run();
}

std::string CurationStore::relation_note(RelationId id) {
    auto& stmt = project_.connection().prepare("SELECT note FROM relations WHERE id = ?1");
    stmt.bind(1, id.value);
    std::string note;
    if (stmt.step())
        note = stmt.text(0);
    stmt.reset();
    return note;
}

void CurationStore::set_relation_note(RelationId id, const std::string& note) {
    project_.connection()
        .prepare("UPDATE relations SET note = ?2 WHERE id = ?1")
        .bind(1, id.value)
        .bind(2, note)
        .run();
}

std::optional<DocumentId> CurationStore::document_by_hash(const std::string& sha256) {
    auto& stmt = project_.connection().prepare("SELECT id FROM documents WHERE sha256 = ?1");
    stmt.bind(1, sha256);
    std::optional<DocumentId> result;
    if (stmt.step())
        result = DocumentId{stmt.int64(0)};
    stmt.reset();
    return result;
}

std::string CurationStore::document_hash(DocumentId id) {
    auto& stmt = project_.connection().prepare("SELECT sha256 FROM documents WHERE id = ?1");
    stmt.bind(1, id.value);
    std::string hash;
    if (stmt.step())
        hash = stmt.text(0);
    stmt.reset();
    return hash;
}

// Positions are stored under the entity's identity (type, key), not its id (schema v3), so they
// survive re-extraction; every query goes through the entity row to translate.
void CurationStore::set_position(const NodePosition& position) {
    project_.connection()
        .prepare("INSERT INTO node_positions(entity_type, entity_key, x, y, pinned)"
                 " SELECT type, key, ?2, ?3, ?4 FROM entities WHERE id = ?1"
                 " ON CONFLICT(entity_type, entity_key) DO UPDATE SET x = ?2, y = ?3, pinned = ?4")
        .bind(1, position.entity.value)
        .bind(2, position.x)
        .bind(3, position.y)
        .bind(4, position.pinned ? 1 : 0)
        .run();
}

void CurationStore::clear_pin(EntityId entity) {
    project_.connection()
        .prepare("UPDATE node_positions SET pinned = 0 WHERE (entity_type, entity_key) ="
                 " (SELECT type, key FROM entities WHERE id = ?1)")
        .bind(1, entity.value)
        .run();
}

void CurationStore::remove_position(EntityId entity) {
    project_.connection()
        .prepare("DELETE FROM node_positions WHERE (entity_type, entity_key) ="
                 " (SELECT type, key FROM entities WHERE id = ?1)")
        .bind(1, entity.value)
        .run();
}

std::optional<NodePosition> CurationStore::position(EntityId entity) {
    auto& stmt = project_.connection().prepare(
        "SELECT e.id, p.x, p.y, p.pinned FROM entities e JOIN node_positions p"
        " ON p.entity_type = e.type AND p.entity_key = e.key WHERE e.id = ?1");
    stmt.bind(1, entity.value);
    std::optional<NodePosition> result;
    if (stmt.step())
        result = read_position(stmt);
    stmt.reset();
    return result;
}

std::vector<NodePosition> CurationStore::positions(bool pinned_only) {
    // One row per stored position whose entity exists now, under the lowest id with that identity
    // (the one find_by_key returns); positions of entities that are gone are not listed.
    auto& stmt = project_.connection().prepare(
        "SELECT min(e.id), p.x, p.y, p.pinned FROM node_positions p JOIN entities e"
        " ON e.type = p.entity_type AND e.key = p.entity_key WHERE ?1 = 0 OR p.pinned = 1"
        " GROUP BY p.entity_type, p.entity_key ORDER BY 1");
    stmt.bind(1, pinned_only ? 1 : 0);
    std::vector<NodePosition> result;
    while (stmt.step())
        result.push_back(read_position(stmt));
    stmt.reset();
    return result;
}

} // namespace dossier::store
