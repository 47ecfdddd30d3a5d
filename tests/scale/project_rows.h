#pragma once
// Every row of a project's extraction tables, read raw (one line per row, columns joined by tabs,
// in primary-key order), so that two projects can be compared row by row: documents (without
// their import time), parties, entities, aliases, mentions, relations and their evidence.
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::testing {

using ProjectRows = std::map<std::string, std::vector<std::string>>; // table -> rows

inline std::vector<std::string> query_rows(sqlite3* db, const char* sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string(sqlite3_errmsg(db)) + " in " + sql);
    std::vector<std::string> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto* text = sqlite3_column_text(statement, c);
            row += (c ? "\t" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "∅");
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    return rows;
}

inline ProjectRows project_rows(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + path.string());
    }
    static const std::map<std::string, const char*> kQueries = {
        {"documents", "SELECT id, sha256, source_path, source_key, format, title, date, "
                      "date_precision, classification, archive_ref, language, byte_size, text "
                      "FROM documents ORDER BY id"},
        {"document_metadata", "SELECT * FROM document_metadata ORDER BY rowid"},
        {"extraction_pending", "SELECT * FROM extraction_pending ORDER BY 1"},
        {"document_parties", "SELECT * FROM document_parties ORDER BY 1, 2, 3"},
        {"entities", "SELECT * FROM entities ORDER BY id"},
        {"aliases", "SELECT * FROM aliases ORDER BY 1, 2"},
        {"mentions", "SELECT * FROM mentions ORDER BY id"},
        {"relations", "SELECT * FROM relations ORDER BY id"},
        {"relation_evidence", "SELECT * FROM relation_evidence ORDER BY id"}};
    ProjectRows rows;
    for (const auto& [table, sql] : kQueries)
        rows[table] = query_rows(db, sql);
    sqlite3_close(db);
    return rows;
}

// Every table of `expected` holds the same rows in `actual`, in the same order.
inline void expect_same_rows(const ProjectRows& expected, const ProjectRows& actual) {
    for (const auto& [table, rows] : expected) {
        const auto& other = actual.at(table);
        ASSERT_EQ(rows.size(), other.size()) << table;
        for (std::size_t i = 0; i < rows.size(); ++i)
            ASSERT_EQ(rows[i], other[i]) << table << " row " << i;
    }
}

} // namespace dossier::testing
