#include "dossier/store/project.h"

#include "dossier/store/document_store.h"
#include "dossier/store/store_error.h"
#include "schema.h"
#include "sqlite_connection.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <unistd.h>

namespace dossier::store {

using detail::Connection;

struct Project::Impl {
    std::filesystem::path path;
    std::unique_ptr<Connection> conn;
    int schema_version = 0;
};

int Project::current_schema_version() {
    return static_cast<int>(detail::migrations().size());
}

namespace {

bool may_write(const std::filesystem::path& path) {
    return ::access(path.c_str(), W_OK) == 0 &&
           ::access(path.parent_path().empty() ? "." : path.parent_path().c_str(), W_OK) == 0;
}

void check_is_dossier_file(Connection& conn, const std::filesystem::path& path) {
    std::int64_t app_id = 0, tables = 0;
    try {
        // One statement, one snapshot: read apart, another process's commit could land between
        // the two reads (no application id yet, then its tables) and pass for a foreign file.
        detail::Statement header(conn.handle(),
                                 "SELECT application_id, (SELECT count(*) FROM sqlite_schema) "
                                 "FROM pragma_application_id");
        if (header.step()) {
            app_id = header.int64(0);
            tables = header.int64(1);
        }
    } catch (const StoreError& e) {
        if (e.kind() == StoreError::Kind::Busy)
            throw; // another process is writing it: a real project, try again
        throw StoreError(
            StoreError::Kind::NotAProject,
            "'" + path.string() +
                "' is not a Dossier project (not a readable SQLite database: " + e.what() + ")");
    }
    if (app_id != detail::kApplicationId && tables > 0)
        throw StoreError(StoreError::Kind::NotAProject,
                         "'" + path.string() + "' is an SQLite database but not a Dossier project");
}

void migrate(Connection& conn, int from) {
    auto steps = detail::migrations();
    conn.begin_write();
    try {
        // Two processes creating one project both saw version 0; the second gets the write lock
        // only after the first committed, so start from what is there now, not from what we read.
        from = static_cast<int>(detail::query_int(conn, "PRAGMA user_version"));
        for (auto v = static_cast<std::size_t>(from); v < steps.size(); ++v)
            conn.exec(steps[v]);
        // PRAGMA cannot take a bound parameter; the value is our own constant, not user input.
        const std::string set_version = "PRAGMA user_version = " + std::to_string(steps.size());
        conn.exec(set_version.c_str());
        const std::string set_app =
            "PRAGMA application_id = " + std::to_string(detail::kApplicationId);
        conn.exec(set_app.c_str());
        conn.exec("COMMIT");
    } catch (...) {
        conn.exec("ROLLBACK");
        throw;
    }
}

// Journal mode, pragmas and forward migrations; safe to run again after a busy failure.
void prepare_connection(Connection& conn, const std::filesystem::path& path, bool read_only,
                        int version) {
    if (!read_only) {
        conn.exec("PRAGMA journal_mode = WAL");
        conn.exec("PRAGMA synchronous = NORMAL");
    }
    conn.exec("PRAGMA foreign_keys = ON");
    conn.exec("PRAGMA cache_size = -65536"); // 64 MiB page cache
    conn.exec("PRAGMA temp_store = MEMORY");

    if (version < Project::current_schema_version()) {
        if (read_only)
            throw StoreError(StoreError::Kind::ReadOnly,
                             "project '" + path.string() + "' needs an upgrade to schema version " +
                                 std::to_string(Project::current_schema_version()) +
                                 " but is read-only");
        migrate(conn, version);
    }
}

// A project from someone else may hold triggers or views of theirs, which would run in every
// statement that touches their tables: refuse it before anything writes, naming what differs.
void refuse_foreign_schema(Connection& conn, const std::filesystem::path& path, int version) {
    const auto differences = detail::schema_differences(conn, version);
    if (differences.empty())
        return;
    std::string named;
    for (std::size_t i = 0; i < differences.size() && i < 5; ++i)
        named += (i ? ", " : "") + describe(differences[i]);
    if (differences.size() > 5)
        named += " and " + std::to_string(differences.size() - 5) + " more";
    throw StoreError(StoreError::Kind::ForeignSchema,
                     "project '" + path.string() + "' holds schema objects Dossier did not make (" +
                         named + "); look at them with 'dossier repair " + path.string() +
                         "' and remove them with 'dossier repair " + path.string() +
                         " --strip-foreign'");
}

// A new project is built under a temporary name next to `path` and hard-linked into place, so
// another process finds either no file or a whole project, never a file without its schema.
// link() fails with EEXIST when another process's project got there first: that one is kept.
// False when the file system has no hard links (the caller then creates the file in place).
bool create_by_link(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    const auto temp =
        path.string() + ".creating-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const auto remove_temp = [&temp] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            ::unlink((temp + suffix).c_str());
    };
    const auto folder =
        path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    if (!std::filesystem::is_directory(folder))
        return false; // the in-place open reports it
    try {
        Connection conn(temp, false, true);
        prepare_connection(conn, temp, false, 0);
    } catch (const StoreError& e) {
        remove_temp();
        // Name the project the user asked for, not the temporary file.
        std::string message = e.what();
        for (auto at = message.find(temp); at != std::string::npos; at = message.find(temp))
            message.replace(at, temp.size(), path.string());
        throw StoreError(e.kind(), message);
    } catch (...) {
        remove_temp();
        throw;
    }
    // The connection is closed: its WAL is checkpointed into the file and removed.
    const int linked = ::link(temp.c_str(), path.c_str());
    const int error = errno;
    remove_temp();
    if (linked == 0 || error == EEXIST)
        return true;
    if (error == EPERM || error == ENOTSUP || error == EOPNOTSUPP || error == EMLINK)
        return false;
    throw StoreError(StoreError::Kind::CannotOpen,
                     "cannot create project '" + path.string() + "': " + std::strerror(error));
}

// An import killed between two full-text batches leaves committed documents that search cannot
// find yet; the next writer to open the project indexes them.
void index_leftover_full_text(Project& project) {
    if (detail::query_int(project.connection(), "SELECT EXISTS (SELECT 1 FROM fts_pending)") == 0)
        return;
    try {
        Transaction tx(project);
        DocumentStore(project).index_deferred_full_text();
        tx.commit();
    } catch (const StoreError&) {
        // Busy (another writer will index them) or a full disk: opening must not fail for this
        // upkeep; the entries stay pending and the next writable open tries again.
    }
}

} // namespace

Project Project::open(const std::filesystem::path& path, OpenMode mode) {
    bool exists = std::filesystem::exists(path);
    if (!exists && mode == OpenMode::CreateIfMissing && create_by_link(path))
        exists = true;
    if (!exists && mode != OpenMode::CreateIfMissing)
        throw StoreError(StoreError::Kind::CannotOpen,
                         "project '" + path.string() + "' does not exist");
    if (exists && std::filesystem::is_directory(path))
        throw StoreError(StoreError::Kind::CannotOpen,
                         "'" + path.string() + "' is a folder, not a project file");
    bool read_only = mode == OpenMode::ReadOnly || (exists && !may_write(path));

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->conn = std::make_unique<Connection>(path.string(), read_only, !exists);
    auto& conn = *impl->conn;

    // Two processes creating or upgrading one project at once: reading the header, switching to
    // WAL and migrating take locks SQLite may refuse at once (SQLITE_BUSY without waiting for its
    // busy handler while the other side changes the journal mode). All of it is idempotent, so
    // wait and redo it.
    for (int attempt = 0;; ++attempt) {
        try {
            if (exists)
                check_is_dossier_file(conn, path);
            // Read the version before anything writes: a newer project must stay untouched.
            const int version = static_cast<int>(detail::query_int(conn, "PRAGMA user_version"));
            if (version > current_schema_version())
                throw StoreError(StoreError::Kind::NewerSchema,
                                 "project '" + path.string() + "' has schema version " +
                                     std::to_string(version) +
                                     ", made by a newer Dossier; this build reads up to version " +
                                     std::to_string(current_schema_version()) +
                                     ". Upgrade Dossier to open it.");
            // Reading an older project that may be written: upgrade it once through a writable
            // open (the forward migration any writer would run), then read the upgraded file.
            // Without this, `dossier info` on a project made by the previous release failed.
            if (read_only && mode == OpenMode::ReadOnly && version < current_schema_version() &&
                may_write(path)) {
                impl->conn.reset();
                Project::open(path, OpenMode::ReadWrite);
                return Project::open(path, OpenMode::ReadOnly);
            }
            refuse_foreign_schema(conn, path, version);
            prepare_connection(conn, path, read_only, version);
            break;
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Busy || attempt >= 100)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(50 + 10 * attempt));
        }
    }
    impl->schema_version = static_cast<int>(detail::query_int(conn, "PRAGMA user_version"));
    Project project(std::move(impl));
    if (!read_only)
        index_leftover_full_text(project);
    return project;
}

Project::Project(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

const std::filesystem::path& Project::path() const {
    return impl_->path;
}
int Project::schema_version() const {
    return impl_->schema_version;
}
bool Project::read_only() const {
    return impl_->conn->read_only();
}
detail::Connection& Project::connection() {
    return *impl_->conn;
}

std::string Project::integrity_check() {
    auto& stmt = impl_->conn->prepare("PRAGMA integrity_check");
    std::string result;
    while (stmt.step()) {
        if (!result.empty())
            result += '\n';
        result += stmt.text(0);
    }
    return result;
}

std::string Project::setting(const std::string& key, const std::string& fallback) {
    auto& stmt = impl_->conn->prepare("SELECT value FROM settings WHERE key = ?1");
    stmt.bind(1, key);
    return stmt.step() ? std::string(stmt.text(0)) : fallback;
}

void Project::set_setting(const std::string& key, const std::string& value) {
    auto& stmt = impl_->conn->prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) ON "
                                      "CONFLICT(key) DO UPDATE SET value = excluded.value");
    stmt.bind(1, key).bind(2, value).run();
}

Transaction::Transaction(Project& project) : conn_(project.connection()) {
    if (conn_.read_only())
        throw StoreError(StoreError::Kind::ReadOnly,
                         "the project is open read-only; changes cannot be saved");
    conn_.begin_write();
}

Transaction::~Transaction() {
    if (open_) {
        try {
            conn_.exec("ROLLBACK");
        } catch (...) {
            // The connection already rolled back (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }
}

void Transaction::commit() {
    conn_.exec("COMMIT");
    open_ = false;
}

} // namespace dossier::store
