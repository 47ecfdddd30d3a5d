#include "dossier/store/change_watch.h"

#include "dossier/store/project_stats.h"
#include "sqlite_connection.h"

namespace dossier::store {

std::int64_t data_version(Project& project) {
    return detail::query_int(project.connection(), "PRAGMA data_version");
}

std::string shown_content_fingerprint(Project& project) {
    auto& conn = project.connection();
    // One statement, one read transaction: the parts agree with each other.
    auto& stmt = conn.prepare(
        "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(max(id), 0) FROM documents), "
        "(SELECT count(*) FROM entities), (SELECT coalesce(max(id), 0) FROM entities), "
        "(SELECT count(*) FROM relations), (SELECT coalesce(max(id), 0) FROM relations), "
        "(SELECT count(*) FROM curation), (SELECT coalesce(max(id), 0) FROM curation), "
        "(SELECT count(*) FROM curation WHERE status <> 'applied'), "
        "(SELECT count(*) FROM extraction_pending), "
        "(SELECT coalesce(max(value), '0') FROM settings WHERE key = ?1)");
    stmt.bind(1, kExtractionIncompleteSetting);
    std::string fingerprint;
    if (stmt.step()) {
        for (int column = 0; column < 10; ++column)
            fingerprint += std::to_string(stmt.int64(column)) + ' ';
        fingerprint += std::string(stmt.text(10));
    }
    stmt.reset(); // ends the read transaction: the next data_version sees other commits
    return fingerprint;
}

} // namespace dossier::store
