// The schema a project's version defines is what Dossier's own migrations make, run here in an
// in-memory database: no list of objects to keep in step with schema.cpp, and a new migration is
// covered the day it is added.
#include "dossier/store/schema_audit.h"

#include "dossier/store/store_error.h"
#include "schema.h"
#include "sqlite_connection.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>

namespace dossier::store {
namespace detail {
namespace {

struct SchemaObject {
    std::string type;
    std::string name;
    std::string sql; // as stored
};

using Schema = std::map<std::pair<std::string, std::string>, SchemaObject>; // (type, name)

std::string lower_case(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool is_word(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// SQL text with what does not change its meaning ironed out, so that two spellings of one
// definition compare equal (a project set back to an older version by hand, another SQLite
// version's ALTER TABLE ... RENAME, which quotes the new name): comments and whitespace between
// tokens go, keywords and identifiers are lower-cased ("quoted" plain identifiers unquoted).
// String literals stay exactly as they are.
std::string normalised(std::string_view sql) {
    std::string out;
    bool space = false;
    const auto emit = [&](std::string_view token) {
        if (space && !out.empty() && is_word(out.back()) && is_word(token.front()))
            out += ' ';
        space = false;
        out.append(token);
    };
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == '\'') {
            auto end = i + 1; // to the closing quote; '' inside is a quote, not the end
            while (end < sql.size() && !(sql[end] == '\'' && sql.substr(end, 2) != "''"))
                end += sql.substr(end, 2) == "''" ? 2 : 1;
            end = std::min(end + 1, sql.size());
            emit(sql.substr(i, end - i));
            i = end;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            const auto end = sql.find('\n', i);
            i = end == std::string_view::npos ? sql.size() : end;
            space = true;
        } else if (sql.substr(i, 2) == "/*") {
            const auto end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
            space = true;
        } else if (c == '"' || c == '`' || c == '[') {
            const char close = c == '[' ? ']' : c;
            auto end = i + 1;
            while (end < sql.size() && is_word(sql[end]))
                ++end;
            if (end < sql.size() && sql[end] == close && end > i + 1 &&
                !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
                emit(lower_case(std::string(sql.substr(i + 1, end - i - 1))));
                i = end + 1;
            } else {
                emit(sql.substr(i, 1));
                ++i;
            }
        } else {
            const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            emit(std::string_view(&lower, 1));
            ++i;
        }
    }
    return out;
}

// Statistics tables (ANALYZE, PRAGMA optimize) are SQLite's, made at run time.
Schema read_schema(Connection& conn) {
    Schema schema;
    Statement stmt(conn.handle(), "SELECT type, name, sql FROM main.sqlite_schema "
                                  "WHERE substr(name, 1, 11) <> 'sqlite_stat'");
    while (stmt.step()) {
        SchemaObject object{std::string(stmt.text(0)), std::string(stmt.text(1)),
                            std::string(stmt.text(2))};
        auto key = std::make_pair(object.type, lower_case(object.name)); // as SQLite compares
        schema.emplace(std::move(key), std::move(object));
    }
    return schema;
}

const Schema& defined_schema(int version) {
    static std::mutex mutex;
    static std::map<int, Schema> cache;
    const std::lock_guard lock(mutex);
    auto found = cache.find(version);
    if (found != cache.end())
        return found->second;
    Connection memory(":memory:", false, true);
    const auto steps = migrations();
    for (int v = 0; v < version && v < static_cast<int>(steps.size()); ++v)
        memory.exec(steps[static_cast<std::size_t>(v)]);
    return cache.emplace(version, read_schema(memory)).first->second;
}

bool same_sql(const SchemaObject& a, const SchemaObject& b) {
    return normalised(a.sql) == normalised(b.sql);
}

} // namespace

std::vector<SchemaDifference> schema_differences(Connection& conn, int version) {
    using Problem = SchemaDifference::Problem;
    const auto& defined = defined_schema(version);
    const auto& latest = defined_schema(static_cast<int>(migrations().size()));
    const auto actual = read_schema(conn);
    std::vector<SchemaDifference> differences;
    for (const auto& [key, object] : actual) {
        const auto ours = defined.find(key);
        if (ours != defined.end()) {
            if (!same_sql(object, ours->second))
                differences.push_back({Problem::Altered, object.type, object.name, object.sql});
            continue;
        }
        const auto later = latest.find(key);
        if (later == latest.end() || !same_sql(object, later->second))
            differences.push_back({Problem::Foreign, object.type, object.name, object.sql});
    }
    for (const auto& [key, object] : defined)
        if (!actual.contains(key))
            differences.push_back({Problem::Missing, object.type, object.name, object.sql});
    return differences;
}

} // namespace detail

std::string describe(const SchemaDifference& difference) {
    using Problem = SchemaDifference::Problem;
    const char* problem = difference.problem == Problem::Foreign   ? "foreign"
                          : difference.problem == Problem::Altered ? "altered"
                                                                   : "missing";
    // A foreign object may be named anything, line breaks included; the error stays one line.
    std::string name = difference.name;
    std::replace_if(
        name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, '?');
    return std::string(problem) + " " + difference.type + " " + name;
}

namespace {

struct RawProject {
    std::unique_ptr<detail::Connection> conn;
    int version = 0;
};

// The file opened without Project::open's checks (which would refuse it), after the same test
// that it is a Dossier project of a version this build knows.
RawProject open_raw(const std::filesystem::path& path, bool read_only) {
    if (!std::filesystem::is_regular_file(path))
        throw StoreError(StoreError::Kind::CannotOpen,
                         "project '" + path.string() + "' does not exist");
    RawProject raw;
    raw.conn = std::make_unique<detail::Connection>(path.string(), read_only, false);
    detail::Statement header(raw.conn->handle(), "SELECT application_id, user_version "
                                                 "FROM pragma_application_id, pragma_user_version");
    if (!header.step() || header.int64(0) != detail::kApplicationId)
        throw StoreError(StoreError::Kind::NotAProject,
                         "'" + path.string() + "' is not a Dossier project");
    raw.version = static_cast<int>(header.int64(1));
    if (raw.version > static_cast<int>(detail::migrations().size()))
        throw StoreError(StoreError::Kind::NewerSchema,
                         "project '" + path.string() + "' has schema version " +
                             std::to_string(raw.version) + ", made by a newer Dossier");
    return raw;
}

// "name" with its quotes doubled: a foreign object may be named anything.
std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Finished before the caller drops anything: DROP fails while a statement still reads.
bool still_there(detail::Connection& conn, const SchemaDifference& d) {
    detail::Statement exists(conn.handle(),
                             "SELECT 1 FROM main.sqlite_schema WHERE type = ?1 AND name = ?2");
    exists.bind(1, d.type).bind(2, d.name);
    return exists.step();
}

int drop_order(const SchemaDifference& d) {
    return d.type == "trigger" ? 0 : d.type == "view" ? 1 : d.type == "index" ? 2 : 3;
}

} // namespace

std::vector<SchemaDifference> audit_project_schema(const std::filesystem::path& path) {
    auto raw = open_raw(path, true);
    return detail::schema_differences(*raw.conn, raw.version);
}

std::vector<SchemaDifference> strip_foreign_schema(const std::filesystem::path& path) {
    using Problem = SchemaDifference::Problem;
    auto raw = open_raw(path, false);
    auto& conn = *raw.conn;
    conn.begin_write();
    try {
        auto differences = detail::schema_differences(conn, raw.version);
        for (const auto& d : differences)
            if (d.type == "table" && d.problem != Problem::Foreign)
                throw StoreError(StoreError::Kind::ForeignSchema,
                                 "project '" + path.string() + "': " + describe(d) +
                                     " cannot be put back by stripping; restore the project "
                                     "from a copy you trust");
        std::stable_sort(differences.begin(), differences.end(), [](const auto& a, const auto& b) {
            return drop_order(a) < drop_order(b);
        });
        for (const auto& d : differences) {
            if (d.problem == Problem::Missing)
                continue;
            // Dropping a table drops its indexes and triggers too; skip what is already gone.
            if (!still_there(conn, d))
                continue;
            // Built SQL, unlike the rest of the store: the type is one of SQLite's four words read
            // from sqlite_schema and the name is quoted, so the file cannot inject SQL here.
            const std::string drop = "DROP " + d.type + " main." + quoted(d.name);
            conn.exec(drop.c_str());
        }
        // Ours, as the migrations define them: put back what was altered or missing.
        const auto now = detail::schema_differences(conn, raw.version);
        for (const auto& d : now)
            if (d.problem == Problem::Missing && !d.sql.empty())
                conn.exec(d.sql.c_str()); // SQL of our own migrations, from the in-memory run
        if (!detail::schema_differences(conn, raw.version).empty())
            throw StoreError(StoreError::Kind::ForeignSchema,
                             "project '" + path.string() +
                                 "': the schema still differs after "
                                 "stripping");
        conn.exec("COMMIT");
        return differences;
    } catch (...) {
        sqlite3_exec(conn.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace dossier::store
