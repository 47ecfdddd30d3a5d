// Project::open compares a project's schema objects with what its own schema version defines
// (Dossier's migrations, run in memory) and refuses a file with objects of someone else's;
// strip_foreign_schema removes them after a look.
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "dossier/store/schema_audit.h"
#include "dossier/store/store_error.h"
#include "schema.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {

// SQL run on the file with plain SQLite, as another program (or a hostile sender) would.
void plant(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::int64_t raw_count(const std::filesystem::path& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    std::int64_t n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

std::filesystem::path project_with_documents(const TempDir& dir, int documents) {
    const auto path = dir / "p.dossier";
    auto project = Project::open(path, OpenMode::CreateIfMissing);
    Transaction tx(project);
    for (int i = 0; i < documents; ++i) {
        Document doc;
        doc.sha256 = "sha-" + std::to_string(i);
        doc.source_path = "doc-" + std::to_string(i) + ".txt";
        doc.format = "text";
        doc.text = "Gromyko met Rusk.";
        DocumentStore(project).insert(doc, 17);
    }
    tx.commit();
    return path;
}

std::string open_error(const std::filesystem::path& path) {
    try {
        Project::open(path);
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::ForeignSchema) << e.what();
        return e.what();
    }
    return {};
}

TEST(SchemaAudit, ProjectsMadeByEachSchemaVersionMatchWhatTheirVersionDefines) {
    const auto steps = detail::migrations();
    for (std::size_t version = 0; version <= steps.size(); ++version) {
        SCOPED_TRACE("version " + std::to_string(version));
        TempDir dir;
        const auto path = dir / "v.dossier";
        std::string sql;
        for (std::size_t v = 0; v < version; ++v)
            sql += steps[v];
        sql += "PRAGMA user_version = " + std::to_string(version) +
               "; PRAGMA application_id = " + std::to_string(detail::kApplicationId) + ";";
        plant(path, sql);
        EXPECT_TRUE(audit_project_schema(path).empty());
        auto project = Project::open(path); // migrates it to the current version
        EXPECT_EQ(project.schema_version(), Project::current_schema_version());
        EXPECT_TRUE(audit_project_schema(path).empty());
    }
}

TEST(SchemaAudit, PlantedTriggerIsRefusedByNameAndDeletesNothing) {
    TempDir dir;
    const auto path = project_with_documents(dir, 14);
    plant(path, "CREATE TRIGGER t AFTER INSERT ON documents BEGIN DELETE FROM documents WHERE id "
                "<> NEW.id; END");
    const auto error = open_error(path);
    EXPECT_NE(error.find("foreign trigger t"), std::string::npos) << error;
    EXPECT_NE(error.find("dossier repair"), std::string::npos) << error;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    EXPECT_EQ(raw_count(path, "SELECT count(*) FROM documents"), 14);
}

TEST(SchemaAudit, ForeignViewAndIndexAndTableAreEachNamed) {
    TempDir dir;
    const auto path = project_with_documents(dir, 2);
    plant(path, "CREATE VIEW peek AS SELECT text FROM documents;"
                "CREATE INDEX documents_by_title ON documents(title);"
                "CREATE TABLE notes (x)");
    const auto error = open_error(path);
    for (const char* named :
         {"foreign view peek", "foreign index documents_by_title", "foreign table notes"})
        EXPECT_NE(error.find(named), std::string::npos) << error;
}

TEST(SchemaAudit, AlteredTriggerOfOursIsRefusedAndStrippingPutsOursBack) {
    TempDir dir;
    const auto path = project_with_documents(dir, 3);
    plant(path, "DROP TRIGGER documents_wait_for_extraction;"
                "CREATE TRIGGER documents_wait_for_extraction AFTER INSERT ON documents "
                "BEGIN DELETE FROM documents WHERE id <> new.id; END");
    EXPECT_NE(open_error(path).find("altered trigger documents_wait_for_extraction"),
              std::string::npos);
    const auto stripped = strip_foreign_schema(path);
    ASSERT_EQ(stripped.size(), 1u);
    EXPECT_EQ(stripped[0].problem, SchemaDifference::Problem::Altered);
    EXPECT_TRUE(audit_project_schema(path).empty());
    auto project = Project::open(path);
    EXPECT_EQ(DocumentStore(project).count(), 3u);
    EXPECT_EQ(project.integrity_check(), "ok");
}

TEST(SchemaAudit, StrippingDropsForeignObjectsAndKeepsTheData) {
    TempDir dir;
    const auto path = project_with_documents(dir, 14);
    plant(path, "CREATE TRIGGER t AFTER INSERT ON documents BEGIN DELETE FROM documents WHERE id "
                "<> NEW.id; END; CREATE VIEW \"odd \"\"name\" AS SELECT 1;"
                "CREATE INDEX documents_by_title ON documents(title)");
    const auto stripped = strip_foreign_schema(path);
    EXPECT_EQ(stripped.size(), 3u);
    EXPECT_TRUE(audit_project_schema(path).empty());
    auto project = Project::open(path);
    Document more;
    more.sha256 = "more";
    more.source_path = "more.txt";
    more.format = "text";
    more.text = "Another cable.";
    Transaction tx(project);
    DocumentStore(project).insert(more, 14);
    tx.commit();
    EXPECT_EQ(DocumentStore(project).count(), 15u);
}

TEST(SchemaAudit, MissingTableOfOursCannotBeStrippedAndTheFileStaysAsItWas) {
    TempDir dir;
    const auto path = project_with_documents(dir, 1);
    plant(path, "DROP TABLE settings; CREATE TRIGGER t AFTER INSERT ON documents BEGIN SELECT 1; "
                "END");
    EXPECT_NE(open_error(path).find("missing table settings"), std::string::npos);
    try {
        strip_foreign_schema(path);
        FAIL() << "a missing table was 'repaired'";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("restore the project"), std::string::npos) << e.what();
    }
    EXPECT_EQ(raw_count(path, "SELECT count(*) FROM sqlite_schema WHERE name = 't'"), 1);
}

TEST(SchemaAudit, OtherSpellingOfOurOwnDefinitionIsNotForeign) {
    TempDir dir;
    const auto path = project_with_documents(dir, 1);
    // The index of version 1, re-created by hand: other case, spacing, quoting and a comment.
    plant(path, "DROP INDEX documents_date; CREATE   index \"Documents_Date\" ON documents ( date "
                ") -- by hand\n;");
    EXPECT_TRUE(audit_project_schema(path).empty());
}

} // namespace

namespace {

// Found by fuzz_project_file: SQLite's "malformed database schema" message quotes the broken
// SQL, line breaks included, and the refusal spanned several lines.
TEST(SchemaAudit, MalformedSchemaIsRefusedInOneLine) {
    TempDir dir;
    const auto path = project_with_documents(dir, 1);
    plant(path, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE TABLE "
                "documents (\n    id INTEGER PRIMARY KEY,\n    `broken' WHERE name = 'documents'");
    try {
        Project::open(path);
        FAIL() << "a malformed schema was opened";
    } catch (const StoreError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("malformed database schema"), std::string::npos) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
}

} // namespace
