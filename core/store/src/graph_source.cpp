#include "dossier/store/graph_source.h"

#include "dossier/model/date.h"
#include "dossier/store/store_error.h"
#include "sqlite_connection.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <future>
#include <mutex>
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

// Relations by id range, in id order, limited by the query's weight and by the sorted `allowed`
// ids when the query selects documents. Relation types are interned into `types`; endpoints are
// not checked here. The columns are read through the C API directly, not through Statement: at
// half a million rows of eight columns every accessor call counts, and SQLite hands text out
// NUL-terminated, so a strlen of a type name or an ISO date (which hold no NUL) replaces one
// sqlite3_column_bytes call per text column (a tenth of the scan's CPU time).
class RelationScan {
public:
    RelationScan(detail::Connection& conn, const GraphSourceQuery& query,
                 const std::vector<std::int64_t>* allowed, std::vector<std::string>& types)
        : db_(conn.handle()), min_weight_(query.min_weight), allowed_(allowed),
          relation_type_(types) {
        // Without a weight limit the statement has no weight test: one comparison less per row.
        const char* sql =
            min_weight_ > 0.0
                ? "SELECT id, type, source_id, target_id, directed, weight, first_date, last_date"
                  " FROM relations WHERE id BETWEEN ?1 AND ?2 AND weight >= ?3 ORDER BY id"
                : "SELECT id, type, source_id, target_id, directed, weight, first_date, last_date"
                  " FROM relations WHERE id BETWEEN ?1 AND ?2 ORDER BY id";
        if (const int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr); rc != SQLITE_OK)
            detail::throw_sqlite_error(db_, rc, "preparing the relation scan");
    }
    ~RelationScan() { sqlite3_finalize(stmt_); }
    RelationScan(const RelationScan&) = delete;
    RelationScan& operator=(const RelationScan&) = delete;

    // Appends the relations with ids in [first, last] to `out`.
    void read(std::int64_t first, std::int64_t last, std::vector<GraphSourceRelation>& out) {
        sqlite3_reset(stmt_);
        sqlite3_bind_int64(stmt_, 1, first);
        sqlite3_bind_int64(stmt_, 2, last);
        if (min_weight_ > 0.0)
            sqlite3_bind_double(stmt_, 3, min_weight_);
        auto allowed_it = allowed_ ? std::lower_bound(allowed_->begin(), allowed_->end(), first)
                                   : std::vector<std::int64_t>::const_iterator{};
        int rc;
        while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
            const std::int64_t id = sqlite3_column_int64(stmt_, 0);
            if (allowed_) {
                while (allowed_it != allowed_->end() && *allowed_it < id)
                    ++allowed_it;
                if (allowed_it == allowed_->end())
                    break;
                if (*allowed_it != id)
                    continue;
            }
            auto& r = out.emplace_back();
            r.id = RelationId{id};
            r.type = relation_type_(text(1));
            r.source = EntityId{sqlite3_column_int64(stmt_, 2)};
            r.target = EntityId{sqlite3_column_int64(stmt_, 3)};
            r.directed = sqlite3_column_int64(stmt_, 4) != 0;
            r.weight = sqlite3_column_double(stmt_, 5);
            r.first_date.assign(text(6));
            r.last_date.assign(text(7));
        }
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            sqlite3_reset(stmt_);
            detail::throw_sqlite_error(db_, rc, "reading relations");
        }
        sqlite3_reset(stmt_);
    }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    double min_weight_;
    const std::vector<std::int64_t>* allowed_;
    RelationTypeInterner relation_type_;

    std::string_view text(int column) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string_view(p) : std::string_view();
    }
};

// The relation id range shared by two readers: the caller's thread takes chunks from the bottom
// and the second thread from the top until they meet. Whichever runs faster reads more (the
// caller also reads the entities first, and on a busy machine either thread may get less of a
// core), and both finish within one chunk of each other. Chunks cover a 64th of the range or
// 8,192 ids, whichever is more, so that sparse ids cannot make them numerous.
class IdRangeSplit {
public:
    struct Range {
        std::int64_t first, last;
    };
    IdRangeSplit(std::int64_t first, std::int64_t last)
        : lower_(first), upper_(last),
          chunk_(std::max<std::uint64_t>(kMinimumChunk, span(first, last) / 64)),
          done_(first > last) {}

    // [lower_, upper_] is what nobody has taken yet (while not done_).
    std::optional<Range> take_lower() {
        std::lock_guard lock(mutex_);
        if (done_)
            return std::nullopt;
        const Range r{lower_, span(lower_, upper_) < chunk_
                                  ? upper_
                                  : lower_ + static_cast<std::int64_t>(chunk_ - 1)};
        if (r.last == upper_)
            done_ = true;
        else
            lower_ = r.last + 1;
        return r;
    }
    std::optional<Range> take_upper() {
        std::lock_guard lock(mutex_);
        if (done_)
            return std::nullopt;
        const Range r{
            span(lower_, upper_) < chunk_ ? lower_ : upper_ - static_cast<std::int64_t>(chunk_ - 1),
            upper_};
        if (r.first == lower_)
            done_ = true;
        else
            upper_ = r.first - 1;
        return r;
    }
    void stop() {
        std::lock_guard lock(mutex_);
        done_ = true;
    }

private:
    static constexpr std::uint64_t kMinimumChunk = 8192;
    static std::uint64_t span(std::int64_t first, std::int64_t last) {
        return static_cast<std::uint64_t>(last) - static_cast<std::uint64_t>(first);
    }
    std::mutex mutex_;
    std::int64_t lower_, upper_;
    std::uint64_t chunk_;
    bool done_;
};

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

// The second reader of a large relation scan: a thread on its own read-only connection takes
// chunks from the top of the id range while the caller's thread reads the entities and then
// chunks from the bottom. SQLite's row decoding is most of the load, and WAL lets two
// connections read at once. Both must read the same committed state: the second connection's
// read transaction starts right after the caller's, and the files are checked unchanged across
// both starts; otherwise (a commit slipped in) the caller reads everything itself.
class SecondReader {
public:
    static constexpr std::uint64_t kMinimumRows = 100'000; // below this a thread costs more

    SecondReader(const std::filesystem::path& path, const FileStamp& before,
                 const GraphSourceQuery& query, const std::vector<std::int64_t>* allowed,
                 IdRangeSplit& split, std::size_t expected_rows)
        : conn_(std::in_place, path.string(), true, false), split_(split) {
        conn_->exec("PRAGMA mmap_size = 1073741824"); // a cold connection: map pages, no copies
        conn_->exec("BEGIN");
        detail::query_int(*conn_, "SELECT count(*) FROM (SELECT 1 FROM relations LIMIT 1)");
        if (!(FileStamp::of(path) == before))
            return; // a commit may lie between the two read transactions
        started_ = true;
        rows_.reserve(expected_rows);
        thread_ = std::thread([this, &query, allowed] {
            try {
                {
                    RelationScan scan(*conn_, query, allowed, types_);
                    while (auto chunk = split_.take_upper()) {
                        chunk_starts_.push_back(rows_.size());
                        scan.read(chunk->first, chunk->last, rows_);
                    }
                }
                rows_ready_.set_value();
            } catch (...) {
                rows_ready_.set_exception(std::current_exception());
                return;
            }
            // Ending the read and closing the connection (which unmaps the file) after the rows
            // are handed over keeps that off the caller's path: it is merging them meanwhile.
            try {
                conn_->exec("COMMIT");
            } catch (...) {
                // A read transaction that cannot end is rolled back by closing.
            }
            conn_.reset();
        });
    }
    ~SecondReader() {
        if (thread_.joinable()) {
            split_.stop(); // the caller is leaving by an exception: no more chunks
            thread_.join();
        }
    }
    SecondReader(const SecondReader&) = delete;
    SecondReader& operator=(const SecondReader&) = delete;

    bool started() const { return started_; }
    // Waits for the thread's rows; rethrows what it threw.
    void finish() { rows_ready_.get_future().get(); }
    const std::vector<std::string>& types() const { return types_; }
    // Calls f on every row read, in id order (the chunks were taken from the top down).
    template <class F> void for_each_in_id_order(F&& f) const {
        for (std::size_t c = chunk_starts_.size(); c-- > 0;) {
            const auto end = c + 1 < chunk_starts_.size() ? chunk_starts_[c + 1] : rows_.size();
            for (auto i = chunk_starts_[c]; i < end; ++i)
                f(rows_[i]);
        }
    }

private:
    std::optional<detail::Connection> conn_; // closed by the thread when it is done
    IdRangeSplit& split_;
    bool started_ = false;
    std::thread thread_;
    std::promise<void> rows_ready_;
    std::vector<GraphSourceRelation> rows_;
    std::vector<std::size_t> chunk_starts_;
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

std::vector<RelationId> relations_in_document_subset(Project& project,
                                                     const GraphSourceQuery& query) {
    std::vector<RelationId> out;
    if (!query.restricts_documents())
        return out;
    auto& conn = project.connection();
    ReadTransaction read(conn);
    for (auto id : relations_in_documents(conn, selected_documents(conn, query)))
        out.push_back(RelationId{id});
    return out;
}

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

    // Two readers on two connections when the scan is large and this load owns its transaction
    // (a caller's open transaction may hold changes a second connection cannot see). Room for
    // the rows is reserved from the id range, which is dense in practice but need not be.
    constexpr std::uint64_t kMostReserved = std::uint64_t{1} << 22;
    const std::uint64_t id_span = last_id < first_id ? 0
                                                     : static_cast<std::uint64_t>(last_id) -
                                                           static_cast<std::uint64_t>(first_id) + 1;
    const auto expected_rows = static_cast<std::size_t>(
        std::min<std::uint64_t>(by_documents ? allowed.size() : id_span, kMostReserved));
    IdRangeSplit split(first_id, last_id);
    std::optional<SecondReader> second;
    if (read.own() && id_span >= SecondReader::kMinimumRows &&
        (!by_documents || allowed.size() >= SecondReader::kMinimumRows))
        second.emplace(project.path(), stamp, query, allowed_ptr, split, expected_rows / 2 + 8192);
    if (second && !second->started())
        second.reset();

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

    source.relations.reserve(expected_rows);
    {
        RelationScan scan(conn, query, allowed_ptr, source.relation_types);
        while (auto chunk = split.take_lower())
            scan.read(chunk->first, chunk->last, source.relations);
    }
    // Relations whose ends are not kept (rejected, or of a type this build does not know) go.
    std::erase_if(source.relations, [&](const GraphSourceRelation& r) {
        return !is_kept(r.source) || !is_kept(r.target);
    });
    if (second) {
        second->finish();
        RelationTypeInterner relation_type(source.relation_types);
        std::vector<std::uint32_t> type_of;
        for (const auto& name : second->types())
            type_of.push_back(relation_type(name));
        second->for_each_in_id_order([&](const GraphSourceRelation& r) {
            if (is_kept(r.source) && is_kept(r.target)) {
                source.relations.push_back(r);
                source.relations.back().type = type_of[r.type];
            }
        });
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
