#include "sqlite_connection.h"

#include "dossier/store/project.h"
#include "dossier/store/store_error.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

namespace dossier::store::detail {

void throw_sqlite_error(sqlite3* db, int rc, std::string_view what) {
    const int primary = rc & 0xFF;
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    // Errors are one line; a malformed schema's message quotes its SQL, newlines and all (found by
    // fuzz_project_file).
    std::replace_if(
        message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    auto kind = StoreError::Kind::Other;
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        kind = StoreError::Kind::NotAProject;
    else if (primary == SQLITE_READONLY)
        kind = StoreError::Kind::ReadOnly;
    else if (primary == SQLITE_FULL)
        kind = StoreError::Kind::DiskFull;
    else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        kind = StoreError::Kind::Busy;
    else if (primary == SQLITE_CANTOPEN)
        kind = StoreError::Kind::CannotOpen;
    else if (primary == SQLITE_IOERR)
        kind = StoreError::Kind::Io;
    throw StoreError(kind, message);
}

Statement::Statement(sqlite3* db, std::string_view sql, Connection* owner)
    : db_(db), owner_(owner) {
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        throw_sqlite_error(db, rc, "preparing a query");
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

namespace {

// A bind fails on an index the statement does not have (SQLITE_RANGE), a value over SQLite's
// length limit (SQLITE_TOOBIG) or out of memory; the statement would otherwise run with NULL.
void check_bind(sqlite3* db, int rc, int index) {
    if (rc != SQLITE_OK)
        throw_sqlite_error(db, rc, "binding parameter " + std::to_string(index));
}

} // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(db_, sqlite3_bind_int64(stmt_, index, value), index);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    check_bind(db_, sqlite3_bind_double(stmt_, index, value), index);
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    check_bind(
        db_,
        sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8),
        index);
    return *this;
}
Statement& Statement::bind_blob(int index, std::span<const std::byte> value) {
    check_bind(db_, sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_STATIC),
               index);
    return *this;
}
Statement& Statement::bind_null(int index) {
    check_bind(db_, sqlite3_bind_null(stmt_, index), index);
    return *this;
}

bool Statement::step() {
    if (read_ended_for_write_)
        throw StoreError(StoreError::Kind::Other,
                         "internal error: a query was still being read when its connection began "
                         "writing (" +
                             std::string(sqlite3_sql(stmt_)) + ")");
    // The first step of a write outside a transaction takes the write lock: no read may be open.
    if (owner_ && !sqlite3_stmt_busy(stmt_) && !sqlite3_stmt_readonly(stmt_) &&
        sqlite3_get_autocommit(db_))
        owner_->end_finished_reads(this);
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(stmt_);
    throw_sqlite_error(db_, rc, "running a query");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    read_ended_for_write_ = false;
}

bool Statement::busy() const {
    return sqlite3_stmt_busy(stmt_) != 0;
}

void Statement::end_read_for_write() {
    sqlite3_reset(stmt_);
    read_ended_for_write_ = true;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}
std::string_view Statement::text(int column) const {
    auto p = sqlite3_column_text(stmt_, column);
    if (!p)
        return {};
    return {reinterpret_cast<const char*>(p),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}
std::span<const std::byte> Statement::blob(int column) const {
    auto p = static_cast<const std::byte*>(sqlite3_column_blob(stmt_, column));
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}
bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

namespace {

// False when a read-only connection cannot even read because the WAL index (-shm) cannot be made:
// READONLY without a -wal file, CANTOPEN when a -wal file is there but no -shm.
bool can_read_wal_index(sqlite3* db) {
    const int rc =
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    return (rc & 0xFF) != SQLITE_READONLY && (rc & 0xFF) != SQLITE_CANTOPEN;
}

// A -wal file with content: transactions a process committed but never copied into the project
// file (it was killed, or the -shm was removed). An immutable snapshot would not see them.
bool has_unmerged_wal(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path + "-wal", error);
    return !error && size > 0;
}

// file: URI for `path` with immutable=1; characters with a meaning in URIs are percent-escaped.
std::string immutable_uri(const std::string& path) {
    std::string uri = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7F) {
            static const char* hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 0xF];
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?immutable=1";
}

} // namespace

bool distrust_schema(sqlite3* db) {
    // Project files travel between analysts, so a file's schema is someone else's code. Defensive
    // mode keeps SQL from corrupting the file on purpose (writable_schema, shadow tables of FTS5);
    // trusted_schema off keeps triggers and views from calling functions or virtual tables that
    // are not marked harmless. PRAGMA trusted_schema = OFF, set through the C API.
    int defensive = -1, trusted = -1;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &defensive) == SQLITE_OK &&
           defensive == 1 &&
           sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &trusted) == SQLITE_OK &&
           trusted == 0;
}

namespace {

constexpr auto kBusyNoticeAfter = std::chrono::seconds(1);
constexpr auto kBusyGiveUpAfter = std::chrono::minutes(10);

std::mutex busy_notice_mutex;
std::function<void(const std::string&)>& busy_notice() {
    static std::function<void(const std::string&)> notice = [](const std::string& message) {
        std::cerr << "dossier: " << message << std::endl;
    };
    return notice;
}

} // namespace

void notify_waiting(const std::string& message) {
    const std::lock_guard lock(busy_notice_mutex);
    if (busy_notice())
        busy_notice()(message);
}

} // namespace dossier::store::detail

namespace dossier::store {
void set_busy_notice(std::function<void(const std::string& message)> notice) {
    const std::lock_guard lock(detail::busy_notice_mutex);
    detail::busy_notice() = std::move(notice);
}
} // namespace dossier::store

namespace dossier::store::detail {

int Connection::wait_for_lock(void* connection, int attempt) {
    auto& self = *static_cast<Connection*>(connection);
    const auto now = std::chrono::steady_clock::now();
    if (attempt == 0) {
        self.wait_started_ = now;
        self.wait_noticed_ = false;
    }
    const auto waited = now - self.wait_started_;
    if (waited > kBusyGiveUpAfter)
        return 0; // SQLITE_BUSY reaches the caller
    if (waited > kBusyNoticeAfter && !self.wait_noticed_) {
        self.wait_noticed_ = true;
        const std::lock_guard lock(busy_notice_mutex);
        if (busy_notice())
            busy_notice()("another process is writing to '" + self.path_ +
                          "'; waiting for it to finish");
    }
    // Short sleeps first (most writes take milliseconds), then 50 ms steps.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50, 1 << std::min(attempt, 6))));
    return 1;
}

Connection::Connection(const std::string& path, bool read_only, bool create)
    : read_only_(read_only), path_(path) {
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !read_only)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX; // one connection per thread, by design
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string what = "cannot open project '" + path + "'";
        sqlite3* db = db_;
        db_ = nullptr;
        try {
            throw_sqlite_error(db, rc, what);
        } catch (...) {
            sqlite3_close_v2(db);
            throw;
        }
    }
    sqlite3_extended_result_codes(db_, 1);
    if (read_only && !can_read_wal_index(db_)) {
        // A WAL project in a folder we may not write: SQLite cannot create the -shm index, so even
        // reads fail with "attempt to write a readonly database". Read it as an immutable snapshot,
        // unless committed work waits in the -wal file: the snapshot would silently not show it.
        sqlite3_close_v2(db_);
        db_ = nullptr;
        if (has_unmerged_wal(path))
            throw StoreError(StoreError::Kind::ReadOnly,
                             "project '" + path + "' has committed changes in '" + path +
                                 "-wal' not yet merged into it, and its folder is read-only: "
                                 "open it once where it can be written (copy both files)");
        rc = sqlite3_open_v2(immutable_uri(path).c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3* db = db_;
            db_ = nullptr;
            try {
                throw_sqlite_error(db, rc, "cannot open project '" + path + "' read-only");
            } catch (...) {
                sqlite3_close_v2(db);
                throw;
            }
        }
        sqlite3_extended_result_codes(db_, 1);
    }
    if (!distrust_schema(db_)) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StoreError(StoreError::Kind::Other, "SQLite refused its defensive settings");
    }
    // A second writer (GUI and CLI on one project) waits instead of failing with "locked".
    sqlite3_busy_handler(db_, &Connection::wait_for_lock, this);
}

Connection::~Connection() {
    cache_.clear();
    sqlite3_close_v2(db_);
}

Statement& Connection::prepare(const char* sql) {
    auto& slot = cache_[sql];
    if (!slot)
        slot = std::make_unique<Statement>(db_, sql, this);
    else
        slot->reset();
    return *slot;
}

void Connection::exec(const char* sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        // sqlite3_errmsg (read by throw_sqlite_error) holds the same text as `error`.
        sqlite3_free(error);
        throw_sqlite_error(db_, rc, "executing a statement");
    }
}

void Connection::end_finished_reads(const Statement* writing) {
    for (auto& [sql, statement] : cache_)
        if (statement.get() != writing && statement->busy())
            statement->end_read_for_write();
    for (sqlite3_stmt* open = sqlite3_next_stmt(db_, nullptr); open;
         open = sqlite3_next_stmt(db_, open))
        if (sqlite3_stmt_busy(open))
            throw StoreError(StoreError::Kind::Other,
                             "internal error: a write began while a query was still being read (" +
                                 std::string(sqlite3_sql(open)) + ")");
}

void Connection::begin_write() {
    end_finished_reads();
    exec("BEGIN IMMEDIATE");
}

std::int64_t Connection::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_);
}
int Connection::changes() const {
    return sqlite3_changes(db_);
}

std::int64_t query_int(Connection& conn, const char* sql) {
    Statement stmt(conn.handle(), sql);
    return stmt.step() ? stmt.int64(0) : 0;
}

} // namespace dossier::store::detail
