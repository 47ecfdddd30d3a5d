#include "dossier/store/entity_store.h"

#include "sqlite_connection.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace dossier::store {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Levenshtein distance on bytes, bounded: returns limit + 1 as soon as it must exceed limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a.size() > b.size() + limit || b.size() > a.size() + limit)
        return limit + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > limit)
            return limit + 1;
    }
    return row[b.size()];
}

Entity read_entity(detail::Statement& stmt) {
    Entity e;
    e.id = EntityId{stmt.int64(0)};
    e.type = parse_entity_type(stmt.text(1)).value_or(EntityType::Person);
    e.canonical_name = stmt.text(2);
    e.key = stmt.text(3);
    e.authority_id = stmt.text(4);
    e.rejected = stmt.int64(5) != 0;
    return e;
}

MentionRow read_mention(detail::Statement& stmt) {
    MentionRow row;
    row.mention.id = MentionId{stmt.int64(0)};
    row.mention.document = DocumentId{stmt.int64(1)};
    row.mention.span = {static_cast<std::uint32_t>(stmt.int64(2)),
                        static_cast<std::uint32_t>(stmt.int64(3))};
    row.mention.entity = EntityId{stmt.int64(4)};
    row.mention.method = parse_mention_method(stmt.text(5));
    row.mention.confidence = stmt.real(6);
    row.mention.surface = stmt.text(7);
    row.type = parse_entity_type(stmt.text(8)).value_or(EntityType::Person);
    row.canonical_name = stmt.text(9);
    return row;
}

// Steps a mention query (the columns read_mention expects) to the end.
std::vector<MentionRow> read_mentions(detail::Statement& stmt) {
    std::vector<MentionRow> rows;
    while (stmt.step())
        rows.push_back(read_mention(stmt));
    stmt.reset();
    return rows;
}

} // namespace

void EntityStore::clear_extraction() {
    auto& conn = project_.connection();
    conn.exec("DELETE FROM mentions");
    conn.exec("DELETE FROM entities WHERE origin = 'extract'");
    conn.exec("DELETE FROM aliases WHERE source = 'extract'");
}

void EntityStore::clear_mentions(const std::vector<DocumentId>& documents) {
    auto& stmt = project_.connection().prepare("DELETE FROM mentions WHERE document_id = ?1");
    for (auto id : documents)
        stmt.bind(1, id.value).run();
}

std::size_t EntityStore::remove_orphans() {
    auto& conn = project_.connection();
    conn.exec("DELETE FROM entities WHERE origin = 'extract'"
              " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)"
              " AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source_id = entities.id OR "
              "r.target_id = entities.id)"
              " AND document_id IS NULL");
    return static_cast<std::size_t>(conn.changes());
}

std::optional<EntityId> EntityStore::find(EntityType type, const std::string& key) {
    auto& stmt = project_.connection().prepare(
        "SELECT id FROM entities WHERE type = ?1 AND key = ?2 ORDER BY id LIMIT 1");
    stmt.bind(1, to_string(type)).bind(2, key);
    std::optional<EntityId> result;
    if (stmt.step())
        result = EntityId{stmt.int64(0)};
    stmt.reset();
    return result;
}

EntityId EntityStore::find_or_create(EntityType type, const std::string& key,
                                     const std::string& canonical_name, const std::string& origin) {
    if (auto id = find(type, key))
        return *id;
    auto& conn = project_.connection();
    auto& insert = conn.prepare(
        "INSERT INTO entities(type, canonical_name, key, origin) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, to_string(type)).bind(2, canonical_name).bind(3, key).bind(4, origin).run();
    return EntityId{conn.last_insert_rowid()};
}

std::optional<EntityId> EntityStore::find_document_entity(DocumentId document) {
    auto& find_doc = project_.connection().prepare(
        "SELECT id FROM entities WHERE document_id = ?1 ORDER BY id LIMIT 1");
    find_doc.bind(1, document.value);
    std::optional<EntityId> id;
    if (find_doc.step())
        id = EntityId{find_doc.int64(0)};
    find_doc.reset();
    return id;
}

std::vector<EntityId> EntityStore::rejected_ids() {
    auto& stmt = project_.connection().prepare("SELECT id FROM entities WHERE rejected != 0");
    std::vector<EntityId> ids;
    while (stmt.step())
        ids.push_back(EntityId{stmt.int64(0)});
    stmt.reset();
    return ids;
}

EntityId EntityStore::document_entity(DocumentId document, const std::string& title) {
    if (const auto id = find_document_entity(document))
        return *id;
    auto& conn = project_.connection();
    auto& insert =
        conn.prepare("INSERT INTO entities(type, canonical_name, key, document_id, origin)"
                     " VALUES ('document', ?1, ?2, ?3, 'document')");
    const std::string name = title.empty() ? "document " + std::to_string(document.value) : title;
    insert.bind(1, name)
        .bind(2, "doc:" + std::to_string(document.value))
        .bind(3, document.value)
        .run();
    return EntityId{conn.last_insert_rowid()};
}

void EntityStore::set_authority_id(EntityId entity, const std::string& authority_id) {
    project_.connection()
        .prepare("UPDATE entities SET authority_id = ?2 WHERE id = ?1")
        .bind(1, entity.value)
        .bind(2, authority_id)
        .run();
}

void EntityStore::set_canonical_name(EntityId entity, const std::string& name) {
    project_.connection()
        .prepare("UPDATE entities SET canonical_name = ?2 WHERE id = ?1")
        .bind(1, entity.value)
        .bind(2, name)
        .run();
}

void EntityStore::add_alias(EntityId entity, const std::string& alias, const std::string& key,
                            const std::string& source) {
    project_.connection()
        .prepare(
            "INSERT OR IGNORE INTO aliases(entity_id, alias, key, source) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, entity.value)
        .bind(2, alias)
        .bind(3, key)
        .bind(4, source)
        .run();
}

void EntityStore::merge_into(EntityId from, EntityId into) {
    if (from == into)
        return;
    auto& conn = project_.connection();
    conn.prepare("UPDATE mentions SET entity_id = ?2 WHERE entity_id = ?1")
        .bind(1, from.value)
        .bind(2, into.value)
        .run();
    conn.prepare("UPDATE OR IGNORE aliases SET entity_id = ?2 WHERE entity_id = ?1")
        .bind(1, from.value)
        .bind(2, into.value)
        .run();
    conn.prepare("UPDATE relations SET source_id = ?2 WHERE source_id = ?1")
        .bind(1, from.value)
        .bind(2, into.value)
        .run();
    conn.prepare("UPDATE relations SET target_id = ?2 WHERE target_id = ?1")
        .bind(1, from.value)
        .bind(2, into.value)
        .run();
    conn.prepare("DELETE FROM entities WHERE id = ?1").bind(1, from.value).run();
}

void EntityStore::insert_mentions(const std::vector<Mention>& mentions) {
    auto& stmt = project_.connection().prepare(
        "INSERT INTO mentions(document_id, start, end, entity_id, method, confidence, surface)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const auto& m : mentions)
        stmt.bind(1, m.document.value)
            .bind(2, static_cast<std::int64_t>(m.span.start))
            .bind(3, static_cast<std::int64_t>(m.span.end))
            .bind(4, m.entity.value)
            .bind(5, to_string(m.method))
            .bind(6, m.confidence)
            .bind(7, m.surface)
            .run();
}

std::optional<Entity> EntityStore::get(EntityId id) {
    auto& conn = project_.connection();
    auto& stmt = conn.prepare(
        "SELECT id, type, canonical_name, key, authority_id, rejected FROM entities WHERE id = ?1");
    stmt.bind(1, id.value);
    if (!stmt.step())
        return std::nullopt;
    Entity e = read_entity(stmt);
    stmt.reset();
    auto& aliases = conn.prepare("SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias");
    aliases.bind(1, id.value);
    while (aliases.step())
        e.aliases.emplace_back(aliases.text(0));
    aliases.reset();
    return e;
}

EntityLookup EntityStore::find_by_name(const std::string& name) {
    auto& conn = project_.connection();
    EntityLookup result;
    const std::string wanted = lower_ascii(name);
    // Exact canonical name, most mentioned first.
    auto& exact = conn.prepare(
        "SELECT e.id FROM entities e WHERE lower(e.canonical_name) = ?1 ORDER BY"
        " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) DESC, e.id LIMIT 1");
    exact.bind(1, wanted);
    std::optional<EntityId> found;
    if (exact.step())
        found = EntityId{exact.int64(0)};
    exact.reset();
    if (!found) {
        auto& alias =
            conn.prepare("SELECT a.entity_id FROM aliases a WHERE lower(a.alias) = ?1 ORDER BY"
                         " (SELECT count(*) FROM mentions m WHERE m.entity_id = a.entity_id) DESC, "
                         "a.entity_id LIMIT 1");
        alias.bind(1, wanted);
        if (alias.step())
            found = EntityId{alias.int64(0)};
        alias.reset();
    }
    if (found) {
        result.entity = get(*found);
        return result;
    }
    // Close matches: small edit distance on canonical names and aliases, or a shared prefix.
    struct Candidate {
        std::size_t distance;
        EntityId id;
    };
    std::vector<Candidate> candidates;
    const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 4);
    auto& names = conn.prepare(
        "SELECT id, canonical_name FROM entities UNION ALL SELECT entity_id, alias FROM aliases");
    std::unordered_map<std::int64_t, std::size_t> best;
    while (names.step()) {
        const std::string candidate = lower_ascii(names.text(1));
        std::size_t d = edit_distance(wanted, candidate, limit);
        if (d > limit && candidate.find(wanted) != std::string::npos && wanted.size() >= 3)
            d = limit; // a part of the name ("gromyko" in "andrei a. gromyko")
        if (d > limit)
            continue;
        auto [it, inserted] = best.emplace(names.int64(0), d);
        if (!inserted)
            it->second = std::min(it->second, d);
    }
    names.reset();
    for (const auto& [id, d] : best)
        candidates.push_back({d, EntityId{id}});
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
    });
    for (std::size_t i = 0; i < candidates.size() && i < 5; ++i)
        if (auto e = get(candidates[i].id))
            result.close.push_back(std::move(*e));
    return result;
}

std::vector<EntitySummary> EntityStore::list(std::optional<EntityType> type) {
    auto& conn = project_.connection();
    std::vector<EntitySummary> result;
    auto& stmt = conn.prepare(
        "SELECT e.id, e.type, e.canonical_name, e.authority_id, coalesce(e.document_id, 0),"
        " count(m.id), count(DISTINCT m.document_id), min(d.date), max(d.date), e.key"
        " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id"
        " LEFT JOIN documents d ON d.id = m.document_id"
        " WHERE (?1 IS NULL OR e.type = ?1) AND e.rejected = 0"
        " GROUP BY e.id ORDER BY e.type, count(m.id) DESC, e.canonical_name");
    if (type)
        stmt.bind(1, to_string(*type));
    else
        stmt.bind_null(1);
    std::unordered_map<std::int64_t, std::size_t> index;
    while (stmt.step()) {
        EntitySummary s;
        s.id = EntityId{stmt.int64(0)};
        s.type = parse_entity_type(stmt.text(1)).value_or(EntityType::Person);
        s.canonical_name = stmt.text(2);
        s.authority_id = stmt.text(3);
        s.document = DocumentId{stmt.int64(4)};
        s.mentions = stmt.int64(5);
        s.documents = stmt.int64(6);
        s.first_date = stmt.text(7);
        s.last_date = stmt.text(8);
        s.key = stmt.text(9);
        index[s.id.value] = result.size();
        result.push_back(std::move(s));
    }
    stmt.reset();
    auto& aliases = conn.prepare("SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
    while (aliases.step()) {
        auto it = index.find(aliases.int64(0));
        if (it != index.end() && aliases.text(1) != result[it->second].canonical_name)
            result[it->second].aliases.emplace_back(aliases.text(1));
    }
    aliases.reset();
    return result;
}

std::vector<MentionRow> EntityStore::mentions_in_document(DocumentId document) {
    auto& stmt = project_.connection().prepare(
        "SELECT m.id, m.document_id, m.start, m.end, m.entity_id, m.method, m.confidence, "
        "m.surface,"
        " e.type, e.canonical_name FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE m.document_id = ?1 ORDER BY m.start, m.id");
    stmt.bind(1, document.value);
    return read_mentions(stmt);
}

std::vector<MentionRow> EntityStore::mentions_of(EntityId entity) {
    auto& stmt = project_.connection().prepare(
        "SELECT m.id, m.document_id, m.start, m.end, m.entity_id, m.method, m.confidence, "
        "m.surface,"
        " e.type, e.canonical_name FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE m.entity_id = ?1 ORDER BY m.document_id, m.start");
    stmt.bind(1, entity.value);
    return read_mentions(stmt);
}

std::vector<MentionRow> EntityStore::all_mentions() {
    auto& stmt = project_.connection().prepare(
        "SELECT m.id, m.document_id, m.start, m.end, m.entity_id, m.method, m.confidence, "
        "m.surface,"
        " e.type, e.canonical_name FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " ORDER BY m.document_id, m.start");
    return read_mentions(stmt);
}

std::size_t EntityStore::count() {
    auto& stmt = project_.connection().prepare("SELECT count(*) FROM entities");
    stmt.step();
    auto n = static_cast<std::size_t>(stmt.int64(0));
    stmt.reset();
    return n;
}

} // namespace dossier::store
