#include "dossier/store/project_stats.h"

#include "sqlite_connection.h"

namespace dossier::store {
namespace {
std::int64_t scalar(detail::Connection& conn, const char* sql) {
    auto& stmt = conn.prepare(sql);
    std::int64_t value = stmt.step() ? stmt.int64(0) : 0;
    stmt.reset();
    return value;
}
void grouped(detail::Connection& conn, const char* sql, std::map<std::string, std::int64_t>& out) {
    auto& stmt = conn.prepare(sql);
    while (stmt.step())
        out[std::string(stmt.text(0))] = stmt.int64(1);
    stmt.reset();
}
} // namespace

ProjectStats project_stats(Project& project) {
    auto& conn = project.connection();
    ProjectStats s;
    s.schema_version = project.schema_version();
    s.documents = scalar(conn, "SELECT count(*) FROM documents");
    s.text_bytes =
        scalar(conn, "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents");
    s.entities = scalar(conn, "SELECT count(*) FROM entities WHERE rejected = 0");
    s.mentions = scalar(conn, "SELECT count(*) FROM mentions");
    s.relations = scalar(conn, "SELECT count(*) FROM relations");
    s.evidence = scalar(conn, "SELECT count(*) FROM relation_evidence");
    s.authority_entries = scalar(conn, "SELECT count(*) FROM authority_entries");
    s.curation_records = scalar(conn, "SELECT count(*) FROM curation");
    s.extraction_incomplete = project.setting(kExtractionIncompleteSetting, "0") == "1";
    s.documents_not_extracted = scalar(conn, "SELECT count(*) FROM extraction_pending");
    grouped(conn,
            "SELECT type, count(*) FROM entities WHERE rejected = 0 GROUP BY type ORDER BY type",
            s.entities_by_type);
    grouped(conn, "SELECT type, count(*) FROM relations GROUP BY type ORDER BY type",
            s.relations_by_type);
    return s;
}

} // namespace dossier::store
