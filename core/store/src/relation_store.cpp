#include "dossier/store/relation_store.h"

#include "dossier/store/savepoint.h"
#include "sqlite_connection.h"

#include <limits>
#include <map>
#include <string>

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

// Extraction writes tens of thousands of relations and hundreds of thousands of evidence rows in
// one go. One INSERT per row spent most of the relation pass in SQLite's per-statement work
// (opening and closing a cursor on the table, each index and each foreign-key parent, then
// halting the statement), not in the b-trees: a statement now carries a batch of rows.
// The literals stay literals: the macros below only repeat a row's placeholders.
#define DOSSIER_TIMES_4(row) row "," row "," row "," row
#define DOSSIER_TIMES_16(row)                                                                      \
    DOSSIER_TIMES_4(row) "," DOSSIER_TIMES_4(row) "," DOSSIER_TIMES_4(row) "," DOSSIER_TIMES_4(row)
#define DOSSIER_TIMES_64(row)                                                                      \
    DOSSIER_TIMES_16(row)                                                                          \
    "," DOSSIER_TIMES_16(row) "," DOSSIER_TIMES_16(row) "," DOSSIER_TIMES_16(row)
#define DOSSIER_TIMES_256(row)                                                                     \
    DOSSIER_TIMES_64(row)                                                                          \
    "," DOSSIER_TIMES_64(row) "," DOSSIER_TIMES_64(row) "," DOSSIER_TIMES_64(row)
#define DOSSIER_TIMES_1024(row)                                                                    \
    DOSSIER_TIMES_256(row)                                                                         \
    "," DOSSIER_TIMES_256(row) "," DOSSIER_TIMES_256(row) "," DOSSIER_TIMES_256(row)

namespace {

// Placeholders per row: a relation's id (given by the writer) and ten values (its origin is in
// the SQL); an evidence row's eight values. The row counts match the macros in the SQL.
constexpr int kRelationColumns = 11;
constexpr std::size_t kRelationsPerStatement = 256;
constexpr int kEvidenceColumns = 8;
constexpr std::size_t kEvidencePerStatement = 1024;

void bind_relation(detail::Statement& stmt, int first, RelationId id, const Relation& r) {
    stmt.bind(first, id.value)
        .bind(first + 1, r.type)
        .bind(first + 2, r.source.value)
        .bind(first + 3, r.target.value)
        .bind(first + 4, r.directed ? 1 : 0)
        .bind(first + 5, r.weight)
        .bind(first + 6, r.specificity)
        .bind(first + 7, r.confidence)
        .bind(first + 8, r.method);
}

void bind_evidence(detail::Statement& stmt, int first, RelationId id, const Evidence& e) {
    stmt.bind(first, id.value)
        .bind(first + 1, e.document.value)
        .bind(first + 2, static_cast<std::int64_t>(e.sentence.start))
        .bind(first + 3, static_cast<std::int64_t>(e.sentence.end))
        .bind(first + 4, static_cast<std::int64_t>(e.source_span.start))
        .bind(first + 5, static_cast<std::int64_t>(e.source_span.end))
        .bind(first + 6, static_cast<std::int64_t>(e.target_span.start))
        .bind(first + 7, static_cast<std::int64_t>(e.target_span.end));
}

// Writes evidence rows in the order they are added, kEvidencePerStatement to a statement; the
// rows' ids come out as one row at a time gives them (SQLite's next rowid, in order).
class EvidenceWriter {
public:
    explicit EvidenceWriter(detail::Connection& conn) : conn_(conn) {}

    void add(RelationId relation, const Evidence& evidence) {
        pending_.push_back({relation, &evidence});
        if (pending_.size() == kEvidencePerStatement)
            flush_batch();
    }

    void finish() {
        if (pending_.empty())
            return;
        auto& one = conn_.prepare(
            "INSERT INTO relation_evidence(relation_id, document_id, sentence_start, sentence_end,"
            " source_start, source_end, target_start, target_end)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        for (const auto& row : pending_) {
            bind_evidence(one, 1, row.relation, *row.evidence);
            one.run();
        }
        pending_.clear();
    }

private:
    struct Row {
        RelationId relation;
        const Evidence* evidence;
    };

    void flush_batch() {
        auto& batch = conn_.prepare(
            "INSERT INTO relation_evidence(relation_id, document_id, sentence_start, sentence_end,"
            " source_start, source_end, target_start, target_end) VALUES " DOSSIER_TIMES_1024(
                "(?,?,?,?,?,?,?,?)"));
        int first = 1;
        for (const auto& row : pending_) {
            bind_evidence(batch, first, row.relation, *row.evidence);
            first += kEvidenceColumns;
        }
        batch.run();
        pending_.clear();
    }

    detail::Connection& conn_;
    std::vector<Row> pending_;
};

} // namespace

namespace {
// Writing every extracted relation anew into indexed tables costs a random insert into five
// indexes per relation and evidence row; once they outgrow SQLite's page cache each one reads
// pages back (a 10,000-cable merge spent two fifths of its time inserting relations). Set aside,
// they are built again afterwards by one sort each. The texts are schema v1's, which the schema
// audit compares. Inside a savepoint, so a failure brings them back with everything else.
void drop_relation_indexes(detail::Connection& conn) {
    conn.exec("DROP INDEX relations_source");
    conn.exec("DROP INDEX relations_target");
    conn.exec("DROP INDEX relations_type");
    conn.exec("DROP INDEX relation_evidence_relation");
    conn.exec("DROP INDEX relation_evidence_document");
}

void create_relation_indexes(detail::Connection& conn) {
    conn.exec("CREATE INDEX relations_source ON relations(source_id)");
    conn.exec("CREATE INDEX relations_target ON relations(target_id)");
    conn.exec("CREATE INDEX relations_type ON relations(type)");
    conn.exec("CREATE INDEX relation_evidence_relation ON relation_evidence(relation_id)");
    conn.exec("CREATE INDEX relation_evidence_document ON relation_evidence(document_id)");
}
} // namespace

void RelationStore::replace_extracted(const std::vector<Relation>& relations) {
    auto& conn = project_.connection();
    Savepoint step(project_);
    // The cascade to the evidence uses relation_evidence_relation: delete before setting it aside.
    conn.prepare("DELETE FROM relations WHERE origin = 'extract'").run();
    drop_relation_indexes(conn);
    write_extracted(relations);
    create_relation_indexes(conn);
    step.release();
}

void RelationStore::write_extracted(const std::vector<Relation>& relations) {
    auto& conn = project_.connection();
    // The ids SQLite would give row by row: one past the largest id left, then consecutive.
    // Given explicitly, a relation's evidence rows can be batched without asking for its id.
    auto& last = conn.prepare("SELECT coalesce(max(id), 0) FROM relations");
    last.step();
    const std::int64_t largest = last.int64(0);
    last.reset();
    constexpr auto kLargestRowid = std::numeric_limits<std::int64_t>::max();
    if (largest > kLargestRowid - static_cast<std::int64_t>(relations.size())) {
        // SQLite picks random free ids past the largest possible one: let it, row by row.
        for (const auto& relation : relations)
            insert(relation, "extract");
        return;
    }
    EvidenceWriter evidence(conn);
    auto& one = conn.prepare(
        "INSERT INTO relations(id, type, source_id, target_id, directed, weight, specificity,"
        " confidence, method, first_date, last_date, origin)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'extract')");
    auto& batch = conn.prepare(
        "INSERT INTO relations(id, type, source_id, target_id, directed, weight, specificity,"
        " confidence, method, first_date, last_date, origin) VALUES " DOSSIER_TIMES_256(
            "(?,?,?,?,?,?,?,?,?,?,?,'extract')"));
    std::int64_t next_id = largest + 1;
    std::size_t i = 0;
    // Dates as ISO text, formatted once per distinct date (relations share a few hundred dates;
    // formatting each one anew cost more than binding it). Text is bound without a copy: the
    // map's strings outlive every statement's run.
    std::map<PartialDate, std::string> iso_dates;
    auto iso = [&](const PartialDate& date) -> const std::string& {
        auto [it, fresh] = iso_dates.try_emplace(date);
        if (fresh)
            it->second = date.iso();
        return it->second;
    };
    // Relations in whole batches, each batch's evidence after it (the evidence rows' foreign
    // key needs its relation), all in the order the rows were given.
    auto write = [&](detail::Statement& stmt, std::size_t count) {
        for (std::size_t k = 0; k < count; ++k) {
            const auto& r = relations[i + k];
            const int first = 1 + static_cast<int>(k) * kRelationColumns;
            bind_relation(stmt, first, RelationId{next_id + static_cast<std::int64_t>(k)}, r);
            stmt.bind_optional(first + 9, iso(r.first_date))
                .bind_optional(first + 10, iso(r.last_date));
        }
        stmt.run();
        for (std::size_t k = 0; k < count; ++k)
            for (const auto& e : relations[i + k].evidence)
                evidence.add(RelationId{next_id + static_cast<std::int64_t>(k)}, e);
        next_id += static_cast<std::int64_t>(count);
        i += count;
    };
    while (relations.size() - i >= kRelationsPerStatement)
        write(batch, kRelationsPerStatement);
    while (i < relations.size())
        write(one, 1);
    evidence.finish();
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
