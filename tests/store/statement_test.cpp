// The store's SQLite wrapper: a failing bind is an error with SQLite's own message, and every
// connection distrusts the file's schema (defensive mode, trusted_schema off).
#include "dossier/store/store_error.h"
#include "sqlite_connection.h"

#include <gtest/gtest.h>
#include <string>

using dossier::store::StoreError;
using dossier::store::detail::Connection;
using dossier::store::detail::query_int;

namespace {

std::string bind_error(const std::function<void(Connection&)>& bind) {
    Connection conn(":memory:", false, true);
    try {
        bind(conn);
    } catch (const StoreError& e) {
        return e.what();
    }
    return {};
}

TEST(Statement, BindingAnIndexTheStatementDoesNotHaveFailsWithSqlitesMessage) {
    const char* sql = "SELECT ?1";
    const auto check = [&](const std::function<void(dossier::store::detail::Statement&)>& bind) {
        const auto error = bind_error([&](Connection& conn) { bind(conn.prepare(sql)); });
        EXPECT_NE(error.find("binding parameter 2"), std::string::npos) << error;
        EXPECT_NE(error.find("column index out of range"), std::string::npos) << error;
    };
    check([](auto& stmt) { stmt.bind(2, std::int64_t{7}); });
    check([](auto& stmt) { stmt.bind(2, 7.5); });
    check([](auto& stmt) { stmt.bind(2, std::string_view("text")); });
    check([](auto& stmt) { stmt.bind_null(2); });
    check([](auto& stmt) {
        const std::byte blob[2] = {std::byte{1}, std::byte{2}};
        stmt.bind_blob(2, blob);
    });
}

TEST(Statement, BindingAValidIndexStillWorks) {
    Connection conn(":memory:", false, true);
    auto& stmt = conn.prepare("SELECT ?1 + ?2");
    stmt.bind(1, 40).bind(2, std::int64_t{2});
    ASSERT_TRUE(stmt.step());
    EXPECT_EQ(stmt.int64(0), 42);
}

TEST(Connection, TrustedSchemaIsOff) {
    Connection conn(":memory:", false, true);
    EXPECT_EQ(query_int(conn, "PRAGMA trusted_schema"), 0);
}

TEST(Connection, DefensiveModeRefusesToEditTheSchemaTableDirectly) {
    Connection conn(":memory:", false, true);
    conn.exec("CREATE TABLE t (x)");
    conn.exec("PRAGMA writable_schema = ON");
    try {
        conn.exec("UPDATE sqlite_schema SET sql = 'CREATE TABLE t (y)' WHERE name = 't'");
        FAIL() << "defensive mode let SQL rewrite sqlite_schema";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("may not be modified"), std::string::npos) << e.what();
    }
}

TEST(Connection, ExecReportsSqlitesOwnMessage) {
    Connection conn(":memory:", false, true);
    try {
        conn.exec("SELECT * FROM no_such_table");
        FAIL() << "expected an error";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("no such table: no_such_table"), std::string::npos)
            << e.what();
    }
}

} // namespace

// Connection::begin_write ends the read a cached statement was left in (Project::setting steps
// once and leaves); one still being iterated when a write begins is our bug and says so instead
// of reading on from its first row.
TEST(Connection, AWriteEndsTheReadOfAFinishedCachedLookup) {
    Connection conn(":memory:", false, true);
    conn.exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES (1), (2)");
    auto& lookup = conn.prepare("SELECT v FROM t ORDER BY v");
    ASSERT_TRUE(lookup.step());
    ASSERT_TRUE(lookup.busy());
    conn.begin_write();
    EXPECT_FALSE(lookup.busy());
    try {
        lookup.step();
        ADD_FAILURE() << "a query cut short by a write read on";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("still being read"), std::string::npos) << e.what();
    }
    conn.exec("COMMIT");
    auto& again = conn.prepare("SELECT v FROM t ORDER BY v");
    ASSERT_TRUE(again.step());
    EXPECT_EQ(again.int64(0), 1);
}

TEST(Connection, AWriteWhileAnUncachedQueryIsBeingReadIsRefusedAsOurBug) {
    Connection conn(":memory:", false, true);
    conn.exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES (1), (2)");
    dossier::store::detail::Statement reading(conn.handle(), "SELECT v FROM t");
    ASSERT_TRUE(reading.step());
    try {
        conn.begin_write();
        ADD_FAILURE() << "a write began inside a read transaction";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("SELECT v FROM t"), std::string::npos) << e.what();
    }
}

TEST(Connection, AWriteOutsideATransactionEndsTheReadsOfFinishedLookups) {
    Connection conn(":memory:", false, true);
    conn.exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES (1)");
    auto& lookup = conn.prepare("SELECT v FROM t");
    ASSERT_TRUE(lookup.step());
    conn.prepare("INSERT INTO t VALUES (?1)").bind(1, 2).run();
    EXPECT_FALSE(lookup.busy());
    EXPECT_EQ(query_int(conn, "SELECT count(*) FROM t"), 2);
}
