#pragma once
// Private to dossier_store: the one place that sees sqlite3.h. Every SQL text passed here is a
// string literal of the store; values always go through bind(), never into the SQL.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace dossier::store::detail {

class Connection;

class Statement {
public:
    // `owner` is the connection that caches this statement (Connection::prepare); a statement of
    // the cache that writes outside a transaction first ends the reads other cached statements
    // left open (Connection::end_finished_reads).
    Statement(sqlite3* db, std::string_view sql, Connection* owner = nullptr);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind_blob(int index, std::span<const std::byte> value);
    Statement& bind_null(int index);
    Statement& bind_optional(int index, std::string_view value) {
        return value.empty() ? bind_null(index) : bind(index, value);
    }

    // True while a row is available; false when done. Throws StoreError on failure, and when
    // the connection ended this statement's read to begin a write (end_read_for_write).
    bool step();
    // Runs a statement that returns no rows and resets it.
    void run();
    void reset();
    // True between a step() that gave a row and the reset(): the statement holds a read
    // transaction open on its connection.
    bool busy() const;
    // Resets it because its connection begins a write; a later step() without a reset() throws
    // instead of reading on from the start.
    void end_read_for_write();

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;
    std::span<const std::byte> blob(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    Connection* owner_ = nullptr;
    bool read_ended_for_write_ = false;
};

class Connection {
public:
    Connection(const std::string& path, bool read_only, bool create);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // A cached prepared statement, reset and with bindings cleared.
    Statement& prepare(const char* sql);
    void exec(const char* sql);
    // BEGIN IMMEDIATE, after end_finished_reads(): every write transaction starts here.
    void begin_write();
    // A write must not start inside a read transaction: SQLite cannot wait for another process's
    // write lock then (its busy handler is skipped, as waiting could deadlock) and fails at once
    // with "database is locked". Cached statements read from (a single-row lookup stepped once,
    // never reset) keep such a read open, so they are reset here; any other statement still
    // being read is a bug of ours and throws. `writing` is the statement about to write, if any.
    void end_finished_reads(const Statement* writing = nullptr);
    std::int64_t last_insert_rowid() const;
    int changes() const;
    bool read_only() const { return read_only_; }
    sqlite3* handle() const { return db_; }

private:
    // SQLite's busy handler: waits for another process's write lock (see set_busy_notice).
    static int wait_for_lock(void* connection, int attempt);

    sqlite3* db_ = nullptr;
    bool read_only_ = false;
    std::string path_;
    std::chrono::steady_clock::time_point wait_started_;
    bool wait_noticed_ = false;
    std::map<const char*, std::unique_ptr<Statement>> cache_;
};

// Runs `sql` once (for DDL and one-off queries); sql must be a literal of the store.
std::int64_t query_int(Connection& conn, const char* sql);

// SQLITE_DBCONFIG_DEFENSIVE on, trusted_schema off (every connection, to projects and in memory);
// false when SQLite refused either.
bool distrust_schema(sqlite3* db);

[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view what);

// One line through the notice set by store::set_busy_notice (stderr by default), for other
// waits of the same kind (store::ExtractionLock).
void notify_waiting(const std::string& message);

} // namespace dossier::store::detail
