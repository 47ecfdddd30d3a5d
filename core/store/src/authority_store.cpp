#include "dossier/store/authority_store.h"

#include "sqlite_connection.h"

namespace dossier::store {
namespace {

std::string join_aliases(const std::vector<std::string>& aliases) {
    std::string out;
    for (const auto& a : aliases) {
        if (!out.empty())
            out += '|';
        out += a;
    }
    return out;
}

std::vector<std::string> split_aliases(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        auto bar = text.find('|', start);
        if (bar == std::string_view::npos)
            bar = text.size();
        if (bar > start)
            out.emplace_back(text.substr(start, bar - start));
        start = bar + 1;
    }
    return out;
}

} // namespace

void AuthorityStore::upsert(const AuthorityEntry& entry) {
    auto& stmt = project_.connection().prepare(
        "INSERT INTO authority_entries(external_id, type, name, aliases, birth_year, death_year, "
        "note, source)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(external_id) DO UPDATE SET"
        " type = excluded.type, name = excluded.name, aliases = excluded.aliases,"
        " birth_year = excluded.birth_year, death_year = excluded.death_year, note = excluded.note,"
        " source = excluded.source");
    // Bound without a copy (SQLITE_STATIC): the joined aliases must outlive run() below.
    const std::string aliases = join_aliases(entry.aliases);
    stmt.bind(1, entry.external_id)
        .bind(2, to_string(entry.type))
        .bind(3, entry.name)
        .bind(4, aliases);
    if (entry.birth_year)
        stmt.bind(5, *entry.birth_year);
    else
        stmt.bind_null(5);
    if (entry.death_year)
        stmt.bind(6, *entry.death_year);
    else
        stmt.bind_null(6);
    stmt.bind(7, entry.note).bind(8, entry.source).run();
}

std::vector<AuthorityEntry> AuthorityStore::all() {
    std::vector<AuthorityEntry> result;
    auto& stmt = project_.connection().prepare(
        "SELECT external_id, type, name, aliases, birth_year, death_year, note, source"
        " FROM authority_entries ORDER BY id");
    while (stmt.step()) {
        AuthorityEntry e;
        e.external_id = stmt.text(0);
        e.type = parse_entity_type(stmt.text(1)).value_or(EntityType::Person);
        e.name = stmt.text(2);
        e.aliases = split_aliases(stmt.text(3));
        if (!stmt.is_null(4))
            e.birth_year = static_cast<int>(stmt.int64(4));
        if (!stmt.is_null(5))
            e.death_year = static_cast<int>(stmt.int64(5));
        e.note = stmt.text(6);
        e.source = stmt.text(7);
        result.push_back(std::move(e));
    }
    stmt.reset();
    return result;
}

std::size_t AuthorityStore::count() {
    auto& stmt = project_.connection().prepare("SELECT count(*) FROM authority_entries");
    stmt.step();
    auto n = static_cast<std::size_t>(stmt.int64(0));
    stmt.reset();
    return n;
}

} // namespace dossier::store
