#include "dossier/store/relation_store.h"

#include "sqlite_connection.h"

namespace dossier::store {
namespace {

std::uint32_t u32(std::int64_t value) {
    return static_cast<std::uint32_t>(value);
}

PartialDate date_from_column(std::string_view text) {
    auto date = parse_iso_date(text);
    return date ? *date : PartialDate{};
}

// The SELECT shared by get() and list(); the columns are read by read_row().
#define DOSSIER_RELATION_COLUMNS                                                                   \
    "SELECT r.id, r.type, r.source_id, r.target_id, r.directed, r.weight, r.specificity,"          \
    " coalesce(r.first_date, ''), coalesce(r.last_date, ''), r.confidence, r.method, r.origin,"    \
    " s.canonical_name, s.type, t.canonical_name, t.type"                                          \
    " FROM relations r JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = "           \
    "r.target_id"

RelationRow read_row(const detail::Statement& stmt) {
    RelationRow row;
    auto& r = row.relation;
    r.id = RelationId{stmt.int64(0)};
    r.type = stmt.text(1);
    r.source = EntityId{stmt.int64(2)};
    r.target = EntityId{stmt.int64(3)};
    r.directed = stmt.int64(4) != 0;
    r.weight = stmt.real(5);
    r.specificity = stmt.real(6);
    r.first_date = date_from_column(stmt.text(7));
    r.last_date = date_from_column(stmt.text(8));
    r.confidence = stmt.real(9);
    r.method = stmt.text(10);
    row.origin = stmt.text(11);
    row.source_name = stmt.text(12);
    row.source_type = parse_entity_type(stmt.text(13)).value_or(EntityType::Person);
    row.target_name = stmt.text(14);
    row.target_type = parse_entity_type(stmt.text(15)).value_or(EntityType::Person);
    return row;
}

} // namespace

void RelationStore::replace_extracted(const std::vector<Relation>& relations) {
    project_.connection().prepare("DELETE FROM relations WHERE origin = 'extract'").run();
    for (const auto& relation : relations)
        insert(relation, "extract");
}

RelationId RelationStore::insert(const Relation& r, const std::string& origin) {
    auto& conn = project_.connection();
    auto& stmt = conn.prepare(
        "INSERT INTO relations(type, source_id, target_id, directed, weight, specificity,"
        " first_date, last_date, confidence, method, origin)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    stmt.bind(1, r.type)
        .bind(2, r.source.value)
        .bind(3, r.target.value)
        .bind(4, r.directed ? 1 : 0)
        .bind(5, r.weight)
        .bind(6, r.specificity)
        .bind_optional(7, r.first_date.iso())
        .bind_optional(8, r.last_date.iso())
        .bind(9, r.confidence)
        .bind(10, r.method)
        .bind(11, origin)
        .run();
    const RelationId id{conn.last_insert_rowid()};
    auto& ev = conn.prepare(
        "INSERT INTO relation_evidence(relation_id, document_id, sentence_start, sentence_end,"
        " source_start, source_end, target_start, target_end)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto& e : r.evidence)
        ev.bind(1, id.value)
            .bind(2, e.document.value)
            .bind(3, static_cast<std::int64_t>(e.sentence.start))
            .bind(4, static_cast<std::int64_t>(e.sentence.end))
            .bind(5, static_cast<std::int64_t>(e.source_span.start))
            .bind(6, static_cast<std::int64_t>(e.source_span.end))
            .bind(7, static_cast<std::int64_t>(e.target_span.start))
            .bind(8, static_cast<std::int64_t>(e.target_span.end))
            .run();
    return id;
}

std::vector<Evidence> RelationStore::evidence_of(RelationId id) {
    std::vector<Evidence> result;
    auto& stmt = project_.connection().prepare(
        "SELECT document_id, sentence_start, sentence_end, source_start, source_end, target_start,"
        " target_end FROM relation_evidence WHERE relation_id = ?1 ORDER BY document_id, "
        "sentence_start, id");
    stmt.bind(1, id.value);
    while (stmt.step())
        result.push_back({DocumentId{stmt.int64(0)},
                          {u32(stmt.int64(1)), u32(stmt.int64(2))},
                          {u32(stmt.int64(3)), u32(stmt.int64(4))},
                          {u32(stmt.int64(5)), u32(stmt.int64(6))}});
    stmt.reset();
    return result;
}

std::optional<RelationRow> RelationStore::get(RelationId id) {
    auto& stmt = project_.connection().prepare(DOSSIER_RELATION_COLUMNS " WHERE r.id = ?1");
    stmt.bind(1, id.value);
    if (!stmt.step())
        return std::nullopt;
    auto row = read_row(stmt);
    stmt.reset();
    row.relation.evidence = evidence_of(id);
    return row;
}

std::vector<RelationRow> RelationStore::list(const std::string& type, bool with_evidence) {
    std::vector<RelationRow> rows;
    auto& stmt = project_.connection().prepare(
        DOSSIER_RELATION_COLUMNS
        " WHERE ?1 = '' OR r.type = ?1 ORDER BY r.type, r.weight DESC, r.id");
    stmt.bind(1, type);
    while (stmt.step())
        rows.push_back(read_row(stmt));
    stmt.reset();
    if (with_evidence)
        for (auto& row : rows)
            row.relation.evidence = evidence_of(row.relation.id);
    return rows;
}

std::size_t RelationStore::count(const std::string& origin) {
    auto& stmt = project_.connection().prepare(
        "SELECT count(*) FROM relations WHERE ?1 = '' OR origin = ?1");
    stmt.bind(1, origin);
    stmt.step();
    auto n = static_cast<std::size_t>(stmt.int64(0));
    stmt.reset();
    return n;
}

} // namespace dossier::store
