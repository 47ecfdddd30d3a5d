#include "dossier/store/graph_source.h"

#include "dossier/model/date.h"
#include "dossier/store/store_error.h"
#include "sqlite_connection.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>

namespace dossier::store {
namespace {

// A partial ISO date as the closed interval of days it names, padded so that plain string
// comparison orders it: "1980" -> ["1980-01-01", "1980-12-31"]. Month ends use 31 for every
// month; as a comparison bound that is equivalent to the real last day.
std::string first_day(std::string_view iso) {
    std::string out(iso.substr(0, 10));
    if (out.size() == 4)
        out += "-01-01";
    else if (out.size() == 7)
        out += "-01";
    return out;
}
std::string last_day(std::string_view iso) {
    std::string out(iso.substr(0, 10));
    if (out.size() == 4)
        out += "-12-31";
    else if (out.size() == 7)
        out += "-31";
    return out;
}

void check_date(const std::string& text, const char* which) {
    if (!text.empty() && !parse_iso_date(text))
        throw StoreError(StoreError::Kind::Other,
                         std::string("graph filter: ") + which + " '" + text +
                             "' is not an ISO date (1980, 1980-10 or 1980-10-02)");
}

// Documents in the subset the query names (date range AND full text AND ids), sorted.
std::vector<std::int64_t> selected_documents(detail::Connection& conn,
                                             const GraphSourceQuery& query) {
    std::vector<std::int64_t> docs;
    bool restricted = false;
    auto intersect = [&](std::vector<std::int64_t> next) {
        std::sort(next.begin(), next.end());
        next.erase(std::unique(next.begin(), next.end()), next.end());
        if (!restricted) {
            docs = std::move(next);
            restricted = true;
            return;
        }
        std::vector<std::int64_t> both;
        std::set_intersection(docs.begin(), docs.end(), next.begin(), next.end(),
                              std::back_inserter(both));
        docs = std::move(both);
    };

    if (!query.date_from.empty() || !query.date_to.empty()) {
        check_date(query.date_from, "date_from");
        check_date(query.date_to, "date_to");
        const std::string from =
            query.date_from.empty() ? std::string() : first_day(query.date_from);
        const std::string to =
            query.date_to.empty() ? std::string("9999-12-31") : last_day(query.date_to);
        std::vector<std::int64_t> in_range;
        auto& stmt =
            conn.prepare("SELECT id, date FROM documents WHERE date IS NOT NULL AND date <> ''");
        while (stmt.step()) {
            const auto date = stmt.text(1);
            if (first_day(date) <= to && last_day(date) >= from)
                in_range.push_back(stmt.int64(0));
        }
        intersect(std::move(in_range));
    }
    if (!query.fts_query.empty()) {
        std::vector<std::int64_t> hits;
        auto& stmt = conn.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1");
        stmt.bind(1, query.fts_query);
        try {
            while (stmt.step())
                hits.push_back(stmt.int64(0));
        } catch (const StoreError& e) {
            throw StoreError(StoreError::Kind::Other, "graph filter: full-text query '" +
                                                          query.fts_query +
                                                          "' is not valid FTS5 (" + e.what() + ")");
        }
        intersect(std::move(hits));
    }
    if (!query.document_ids.empty()) {
        std::vector<std::int64_t> ids;
        for (auto id : query.document_ids)
            ids.push_back(id.value);
        intersect(std::move(ids));
    }
    return docs;
}

// Relations with at least one evidence row in one of `docs` (sorted), sorted by id.
std::vector<std::int64_t> relations_in_documents(detail::Connection& conn,
                                                 const std::vector<std::int64_t>& docs) {
    std::vector<std::int64_t> relations;
    if (docs.empty())
        return relations;
    // One scan of the evidence table beats one indexed query per document once the subset is
    // more than a handful of documents, and costs ~1 µs per evidence row.
    auto& stmt = conn.prepare("SELECT relation_id, document_id FROM relation_evidence");
    while (stmt.step())
        if (std::binary_search(docs.begin(), docs.end(), stmt.int64(1)))
            relations.push_back(stmt.int64(0));
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    return relations;
}

std::vector<std::uint32_t> decode_page_starts(std::span<const std::byte> bytes) {
    std::vector<std::uint32_t> starts(bytes.size() / 4);
    for (std::size_t i = 0; i < starts.size(); ++i)
        for (std::size_t b = 0; b < 4; ++b)
            starts[i] |= static_cast<std::uint32_t>(bytes[i * 4 + b]) << (8 * b);
    return starts;
}

// Counts per entity id from a `SELECT entity_id, count(*) ... GROUP BY entity_id` statement, as a
// vector indexed by id (ids are dense rowids).
std::vector<std::uint32_t> counts_by_entity(detail::Statement& stmt) {
    std::vector<std::uint32_t> counts;
    while (stmt.step()) {
        const auto id = stmt.int64(0);
        if (id < 0)
            continue;
        if (id >= static_cast<std::int64_t>(counts.size()))
            counts.resize(static_cast<std::size_t>(id) + 1 + counts.size() / 2, 0);
        counts[static_cast<std::size_t>(id)] = static_cast<std::uint32_t>(stmt.int64(1));
    }
    return counts;
}

// Entity types parsed once per distinct spelling: rows arrive in id order, so consecutive rows
// often share a type and the last answer is checked first.
class EntityTypeReader {
public:
    std::optional<EntityType> operator()(std::string_view text) {
        if (text != last_text_) {
            last_text_ = std::string(text);
            last_type_ = parse_entity_type(text);
        }
        return last_type_;
    }

private:
    std::string last_text_ = "\x01"; // no type is spelled like this
    std::optional<EntityType> last_type_;
};

// Relation type names as small integers. A project has a few dozen types at most, so a linear
// search (last hit first) beats hashing every row's type string.
class RelationTypeInterner {
public:
    explicit RelationTypeInterner(std::vector<std::string>& names) : names_(names) {}
    std::uint32_t operator()(std::string_view type) {
        if (last_ < names_.size() && names_[last_] == type)
            return static_cast<std::uint32_t>(last_);
        for (last_ = 0; last_ < names_.size(); ++last_)
            if (names_[last_] == type)
                return static_cast<std::uint32_t>(last_);
        names_.emplace_back(type);
        return static_cast<std::uint32_t>(last_);
    }

private:
    std::vector<std::string>& names_;
    std::size_t last_ = 0;
};

// Relations with ids in [first, last], in id order, limited by the query's weight and by the
// sorted `allowed` ids when the query selects documents. Relation types are interned into
// `types`; endpoints are not checked here.
void scan_relations(detail::Connection& conn, const GraphSourceQuery& query, std::int64_t first,
                    std::int64_t last, const std::vector<std::int64_t>* allowed,
                    std::vector<GraphSourceRelation>& out, std::vector<std::string>& types) {
    // Without a weight limit the statement has no weight test: one comparison less per row.
    auto& relations =
        query.min_weight > 0.0
            ? conn.prepare("SELECT id, type, source_id, target_id, directed, weight, first_date,"
                           " last_date FROM relations WHERE id BETWEEN ?1 AND ?2 AND weight >= ?3"
                           " ORDER BY id")
            : conn.prepare("SELECT id, type, source_id, target_id, directed, weight, first_date,"
                           " last_date FROM relations WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
    relations.bind(1, first).bind(2, last);
    if (query.min_weight > 0.0)
        relations.bind(3, query.min_weight);
    RelationTypeInterner relation_type(types);
    auto allowed_it = allowed ? std::lower_bound(allowed->begin(), allowed->end(), first)
                              : std::vector<std::int64_t>::const_iterator{};
    while (relations.step()) {
        const std::int64_t id = relations.int64(0);
        if (allowed) {
            while (allowed_it != allowed->end() && *allowed_it < id)
                ++allowed_it;
            if (allowed_it == allowed->end())
                break;
            if (*allowed_it != id)
                continue;
        }
        auto& r = out.emplace_back();
        r.id = RelationId{id};
        r.type = relation_type(relations.text(1));
        r.source = EntityId{relations.int64(2)};
        r.target = EntityId{relations.int64(3)};
        r.directed = relations.int64(4) != 0;
        r.weight = relations.real(5);
        r.first_date.assign(relations.text(6));
        r.last_date.assign(relations.text(7));
    }
    relations.reset();
}

// Size and modification time of the project file and its WAL: every commit changes one of them
// (checkpoints too, which only costs a needless fallback).
struct FileStamp {
    std::uintmax_t size = 0, wal_size = 0;
    std::filesystem::file_time_type time{}, wal_time{};
    bool operator==(const FileStamp&) const = default;
    static FileStamp of(const std::filesystem::path& path) {
        FileStamp s;
        std::error_code ec;
        s.size = std::filesystem::file_size(path, ec);
        s.time = std::filesystem::last_write_time(path, ec);
        const auto wal = std::filesystem::path(path.string() + "-wal");
        s.wal_size = std::filesystem::file_size(wal, ec);
        s.wal_time = std::filesystem::last_write_time(wal, ec);
        return s;
    }
};

// The upper half of a large relation scan, read by a second thread on its own read-only
// connection while the caller's thread reads entities and the lower half: SQLite's row decoding
// is most of the load, and WAL lets two connections read at once. Both must read the same
// committed state: the second connection's read transaction starts right after the caller's,
// and the files are checked unchanged across both starts; otherwise (a commit slipped in) the
// caller reads everything itself.
class UpperHalfScan {
public:
    static constexpr std::int64_t kMinimumRows = 100'000; // below this a thread costs more

    UpperHalfScan(const std::filesystem::path& path, const FileStamp& before,
                  const GraphSourceQuery& query, std::int64_t first, std::int64_t last,
                  const std::vector<std::int64_t>* allowed)
        : conn_(path.string(), true, false) {
        conn_.exec("PRAGMA mmap_size = 1073741824"); // a cold connection: map pages, no copies
        conn_.exec("BEGIN");
        detail::query_int(conn_, "SELECT count(*) FROM (SELECT 1 FROM relations LIMIT 1)");
        if (!(FileStamp::of(path) == before))
            return; // a commit may lie between the two read transactions
        started_ = true;
        thread_ = std::thread([this, query, first, last, allowed] {
            try {
                scan_relations(conn_, query, first, last, allowed, rows_, types_);
            } catch (...) {
                error_ = std::current_exception();
            }
        });
    }
    ~UpperHalfScan() {
        if (thread_.joinable())
            thread_.join();
    }
    UpperHalfScan(const UpperHalfScan&) = delete;
    UpperHalfScan& operator=(const UpperHalfScan&) = delete;

    bool started() const { return started_; }
    // Waits for the thread; rethrows what it threw.
    void finish() {
        thread_.join();
        conn_.exec("COMMIT");
        if (error_)
            std::rethrow_exception(error_);
    }
    std::vector<GraphSourceRelation>& rows() { return rows_; }
    const std::vector<std::string>& types() const { return types_; }

private:
    detail::Connection conn_;
    bool started_ = false;
    std::thread thread_;
    std::exception_ptr error_;
    std::vector<GraphSourceRelation> rows_;
    std::vector<std::string> types_;
};

// A read transaction on the caller's connection for the length of the load, so that every
// query of it sees one committed state; nothing when the caller already holds a transaction.
class ReadTransaction {
public:
    explicit ReadTransaction(detail::Connection& conn)
        : conn_(conn), own_(sqlite3_get_autocommit(conn.handle()) != 0) {
        if (own_)
            conn_.exec("BEGIN");
    }
    ~ReadTransaction() {
        if (own_)
            sqlite3_exec(conn_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    bool own() const { return own_; }

private:
    detail::Connection& conn_;
    bool own_;
};

} // namespace

GraphSource load_graph_source(Project& project, const GraphSourceQuery& query) {
    auto& conn = project.connection();
    GraphSource source;
    const auto stamp = FileStamp::of(project.path());
    ReadTransaction read(conn);

    // The relation id range, which also starts the read transaction. Two subqueries: SQLite
    // answers a lone min() or max() of the rowid from the b-tree's ends, but scans a whole index
    // for both in one SELECT.
    auto& range = conn.prepare("SELECT coalesce((SELECT min(id) FROM relations), 0),"
                               " coalesce((SELECT max(id) FROM relations), -1)");
    range.step();
    const std::int64_t first_id = range.int64(0), last_id = range.int64(1);
    range.reset();

    std::vector<std::int64_t> allowed;
    const bool by_documents = query.restricts_documents();
    if (by_documents)
        allowed = relations_in_documents(conn, selected_documents(conn, query));
    const auto* allowed_ptr = by_documents ? &allowed : nullptr;

    // Two halves on two connections when the scan is large and this load owns its transaction
    // (a caller's open transaction may hold changes a second connection cannot see).
    const std::int64_t middle = first_id + (last_id - first_id) / 2;
    std::optional<UpperHalfScan> upper;
    if (read.own() && last_id - first_id >= UpperHalfScan::kMinimumRows &&
        (!by_documents || allowed.size() >= static_cast<std::size_t>(UpperHalfScan::kMinimumRows)))
        upper.emplace(project.path(), stamp, query, middle + 1, last_id, allowed_ptr);
    if (upper && !upper->started())
        upper.reset();

    // Alias and mention counts by one grouped scan each (both read an index in entity order)
    // rather than two correlated subqueries per entity.
    const auto aliases = counts_by_entity(
        conn.prepare("SELECT entity_id, count(*) FROM aliases GROUP BY entity_id"));
    const auto mentions = counts_by_entity(
        conn.prepare("SELECT entity_id, count(*) FROM mentions GROUP BY entity_id"));
    auto count_of = [](const std::vector<std::uint32_t>& counts, std::int64_t id) {
        return id >= 0 && id < static_cast<std::int64_t>(counts.size())
                   ? counts[static_cast<std::size_t>(id)]
                   : 0u;
    };

    auto& entities = conn.prepare("SELECT id, type, canonical_name, rejected FROM entities"
                                  " WHERE ?1 OR rejected = 0 ORDER BY id");
    entities.bind(1, query.include_rejected ? 1 : 0);
    // Kept entities as a flag per id: ids are SQLite rowids, dense in practice, and a flat
    // array is several times faster than a hash set for the million endpoint checks below.
    std::vector<char> kept;
    auto keep = [&kept](std::int64_t id) {
        if (id >= static_cast<std::int64_t>(kept.size()))
            kept.resize(static_cast<std::size_t>(id) + 1 + kept.size() / 2, 0);
        kept[static_cast<std::size_t>(id)] = 1;
    };
    auto is_kept = [&kept](EntityId id) {
        return id.value >= 0 && id.value < static_cast<std::int64_t>(kept.size()) &&
               kept[static_cast<std::size_t>(id.value)];
    };
    EntityTypeReader entity_type;
    while (entities.step()) {
        // Types this build does not know (a newer rules file) cannot be drawn; they are skipped.
        auto type = entity_type(entities.text(1));
        if (!type)
            continue;
        GraphSourceEntity e;
        e.id = EntityId{entities.int64(0)};
        e.type = *type;
        e.name = std::string(entities.text(2));
        e.rejected = entities.int64(3) != 0;
        e.alias_count = count_of(aliases, e.id.value);
        e.mention_count = count_of(mentions, e.id.value);
        keep(e.id.value);
        source.entities.push_back(std::move(e));
    }

    source.relations.reserve(static_cast<std::size_t>(
        by_documents ? allowed.size() : std::max<std::int64_t>(0, last_id - first_id + 1)));
    scan_relations(conn, query, first_id, upper ? middle : last_id, allowed_ptr, source.relations,
                   source.relation_types);
    // Relations whose ends are not kept (rejected, or of a type this build does not know) go.
    std::erase_if(source.relations, [&](const GraphSourceRelation& r) {
        return !is_kept(r.source) || !is_kept(r.target);
    });
    if (upper) {
        upper->finish();
        RelationTypeInterner relation_type(source.relation_types);
        std::vector<std::uint32_t> type_of;
        for (const auto& name : upper->types())
            type_of.push_back(relation_type(name));
        for (auto& r : upper->rows())
            if (is_kept(r.source) && is_kept(r.target)) {
                r.type = type_of[r.type];
                source.relations.push_back(r);
            }
    }
    return source;
}

std::vector<EntityName> load_entity_names(Project& project) {
    auto& conn = project.connection();
    std::vector<EntityName> names;
    auto& stmt = conn.prepare("SELECT id, type, canonical_name, 0, rejected FROM entities"
                              " UNION ALL SELECT e.id, e.type, a.alias, 1, e.rejected"
                              " FROM aliases a JOIN entities e ON e.id = a.entity_id");
    while (stmt.step()) {
        auto type = parse_entity_type(stmt.text(1));
        if (!type)
            continue;
        names.push_back({EntityId{stmt.int64(0)}, *type, std::string(stmt.text(2)),
                         stmt.int64(3) != 0, stmt.int64(4) != 0});
    }
    return names;
}

std::vector<EvidenceSentence> load_evidence(Project& project,
                                            std::span<const RelationId> relations) {
    auto& conn = project.connection();
    std::vector<EvidenceSentence> out;
    // The span is in bytes; substr on a BLOB counts bytes where on TEXT it would count characters.
    auto& stmt =
        conn.prepare("SELECT re.document_id, d.title, d.date, re.sentence_start, re.sentence_end,"
                     " CAST(substr(CAST(d.text AS BLOB), re.sentence_start + 1, re.sentence_end - "
                     "re.sentence_start) AS TEXT),"
                     " d.page_starts"
                     " FROM relation_evidence re JOIN documents d ON d.id = re.document_id"
                     " WHERE re.relation_id = ?1 ORDER BY re.document_id, re.sentence_start");
    for (auto relation : relations) {
        stmt.reset();
        stmt.bind(1, relation.value);
        while (stmt.step()) {
            EvidenceSentence e;
            e.relation = relation;
            e.document = DocumentId{stmt.int64(0)};
            e.document_title = std::string(stmt.text(1));
            e.document_date = std::string(stmt.text(2));
            e.sentence_start = static_cast<std::uint32_t>(stmt.int64(3));
            e.sentence_end = static_cast<std::uint32_t>(stmt.int64(4));
            e.sentence = std::string(stmt.text(5));
            if (!stmt.is_null(6)) {
                auto starts = decode_page_starts(stmt.blob(6));
                auto it = std::upper_bound(starts.begin(), starts.end(), e.sentence_start);
                e.page = starts.empty()
                             ? 0
                             : static_cast<int>(std::max<std::ptrdiff_t>(1, it - starts.begin()));
            }
            out.push_back(std::move(e));
        }
    }
    stmt.reset();
    return out;
}

EntityId GraphSourceWriter::add_entity(EntityType type, const std::string& name, bool rejected) {
    auto& conn = project_.connection();
    auto& stmt = conn.prepare(
        "INSERT INTO entities(type, canonical_name, key, rejected) VALUES (?1, ?2, lower(?2), ?3)");
    stmt.bind(1, to_string(type)).bind(2, name).bind(3, rejected ? 1 : 0).run();
    return EntityId{conn.last_insert_rowid()};
}

void GraphSourceWriter::add_alias(EntityId entity, const std::string& alias) {
    auto& stmt = project_.connection().prepare(
        "INSERT OR IGNORE INTO aliases(entity_id, alias, key) VALUES (?1, ?2, lower(?2))");
    stmt.bind(1, entity.value).bind(2, alias).run();
}

void GraphSourceWriter::add_mention(EntityId entity, DocumentId document, std::uint32_t start,
                                    std::uint32_t end) {
    auto& stmt = project_.connection().prepare(
        "INSERT INTO mentions(document_id, start, end, entity_id, method, surface)"
        " VALUES (?1, ?2, ?3, ?4, 'rule', CAST(substr(CAST((SELECT text FROM documents WHERE id = "
        "?1) AS BLOB),"
        " ?2 + 1, ?3 - ?2) AS TEXT))");
    stmt.bind(1, document.value)
        .bind(2, static_cast<std::int64_t>(start))
        .bind(3, static_cast<std::int64_t>(end))
        .bind(4, entity.value)
        .run();
}

RelationId GraphSourceWriter::add_relation(const std::string& type, EntityId source,
                                           EntityId target, bool directed, double weight,
                                           const std::string& first_date,
                                           const std::string& last_date) {
    auto& conn = project_.connection();
    auto& stmt = conn.prepare("INSERT INTO relations(type, source_id, target_id, directed, weight, "
                              "first_date, last_date, method)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'synthetic')");
    stmt.bind(1, type)
        .bind(2, source.value)
        .bind(3, target.value)
        .bind(4, directed ? 1 : 0)
        .bind(5, weight)
        .bind_optional(6, first_date)
        .bind_optional(7, last_date)
        .run();
    return RelationId{conn.last_insert_rowid()};
}

void GraphSourceWriter::add_evidence(RelationId relation, DocumentId document,
                                     std::uint32_t sentence_start, std::uint32_t sentence_end) {
    auto& stmt = project_.connection().prepare(
        "INSERT INTO relation_evidence(relation_id, document_id, sentence_start, sentence_end)"
        " VALUES (?1, ?2, ?3, ?4)");
    stmt.bind(1, relation.value)
        .bind(2, document.value)
        .bind(3, static_cast<std::int64_t>(sentence_start))
        .bind(4, static_cast<std::int64_t>(sentence_end))
        .run();
}

} // namespace dossier::store
