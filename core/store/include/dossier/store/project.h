#pragma once
// A Dossier project: one SQLite file (WAL, foreign keys on, schema version in user_version).
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace dossier::store {

namespace detail {
class Connection;
}

enum class OpenMode {
    ReadWrite,       // open an existing project for writing
    CreateIfMissing, // create it when the file does not exist
    ReadOnly,        // never writes, except to upgrade an older project's schema once (when
                     // the file may be written); also chosen automatically for files we may not
                     // write
};

class Project {
public:
    // The schema version this build writes. Older projects are migrated forward on open;
    // a project from a newer Dossier is refused untouched.
    static int current_schema_version();

    static Project open(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWrite);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    const std::filesystem::path& path() const;
    int schema_version() const;
    bool read_only() const;
    // Runs PRAGMA integrity_check; returns "ok" or SQLite's findings.
    std::string integrity_check();

    // Project-wide key/value settings (extraction version, last layout, ...).
    std::string setting(const std::string& key, const std::string& fallback = {});
    void set_setting(const std::string& key, const std::string& value);

    detail::Connection& connection();

private:
    struct Impl;
    explicit Project(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (an exception, a cancel).
class Transaction {
public:
    explicit Transaction(Project& project);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    detail::Connection& conn_;
    bool open_ = true;
};

// Another process holds the project's write lock (an import while the analyst corrects): writers
// wait for it, up to 10 minutes, instead of failing with "database is locked". Once a wait passes
// a second, `notice` gets one line saying so; by default the line goes to stderr. An empty
// function silences it.
void set_busy_notice(std::function<void(const std::string& message)> notice);

} // namespace dossier::store
