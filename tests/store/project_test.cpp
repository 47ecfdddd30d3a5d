#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "dossier/store/store_error.h"
#include "test_support.h"

#include <chrono>
#include <gtest/gtest.h>
#include <memory>
#include <sys/stat.h>
#include <thread>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

TEST(Project, CreatesANewProjectAtTheCurrentSchemaVersion) {
    TempDir dir;
    auto project = Project::open(dir / "new.dossier", OpenMode::CreateIfMissing);
    EXPECT_EQ(project.schema_version(), Project::current_schema_version());
    EXPECT_EQ(project.integrity_check(), "ok");
    EXPECT_FALSE(project.read_only());
}

TEST(Project, RefusesToOpenAMissingFileUnlessAskedToCreate) {
    TempDir dir;
    try {
        Project::open(dir / "absent.dossier");
        FAIL() << "expected an error";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::CannotOpen);
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos);
    }
}

TEST(Project, SettingsPersistAcrossOpens) {
    TempDir dir;
    {
        auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
        project.set_setting("layout.engine", "sfdp");
    }
    auto project = Project::open(dir / "p.dossier");
    EXPECT_EQ(project.setting("layout.engine"), "sfdp");
    EXPECT_EQ(project.setting("absent", "fallback"), "fallback");
}

TEST(Project, AFileThatIsNotSQLiteIsRefusedWithAClearMessage) {
    TempDir dir;
    dossier::testing::write_file(dir / "notes.dossier", "These are my notes, not a database.\n");
    try {
        Project::open(dir / "notes.dossier");
        FAIL() << "expected an error";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::NotAProject);
        EXPECT_NE(std::string(e.what()).find("not a Dossier project"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(dossier::testing::read_file(dir / "notes.dossier"),
              "These are my notes, not a database.\n")
        << "the file must not be modified";
}

TEST(Project, AProjectFromANewerSchemaIsRefusedAndLeftUntouched) {
    TempDir dir;
    const auto path = dir / "future.dossier";
    { auto project = Project::open(path, OpenMode::CreateIfMissing); }
    // Simulate a newer Dossier having written the file.
    {
        auto project = Project::open(path);
        Transaction tx(project);
        tx.commit();
    }
    const std::string bump = "sqlite3 '" + path.string() + "' 'PRAGMA user_version = 99'";
    ASSERT_EQ(std::system(bump.c_str()), 0);
    const auto before = dossier::testing::read_file(path);
    try {
        Project::open(path);
        FAIL() << "expected an error";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::NewerSchema);
        EXPECT_NE(std::string(e.what()).find("newer Dossier"), std::string::npos) << e.what();
    }
    EXPECT_EQ(dossier::testing::read_file(path), before);
}

// A project from the previous schema opened only to read (`dossier info`, the explorer) is
// upgraded once instead of refused; documents it already held count as extracted.
TEST(Project, ReadingAProjectFromAnOlderSchemaUpgradesItOnce) {
    TempDir dir;
    const auto path = dir / "old.dossier";
    {
        auto project = Project::open(path, OpenMode::CreateIfMissing);
        project.set_setting("layout.engine", "neato");
        Document cable;
        cable.sha256 = "c1";
        cable.source_path = "c1.txt";
        cable.format = "text";
        cable.text = "Gromyko met Rusk.";
        Transaction tx(project);
        DocumentStore(project).insert(cable, 17);
        tx.commit();
    }
    // What a version-3 project looked like: no list of documents waiting for extraction.
    const std::string downgrade = "sqlite3 '" + path.string() +
                                  "' 'DROP TRIGGER documents_wait_for_extraction; DROP TABLE "
                                  "extraction_pending; PRAGMA user_version = 3'";
    ASSERT_EQ(std::system(downgrade.c_str()), 0);

    auto project = Project::open(path, OpenMode::ReadOnly);
    EXPECT_TRUE(project.read_only());
    EXPECT_EQ(project.schema_version(), Project::current_schema_version());
    EXPECT_EQ(project.setting("layout.engine"), "neato");
    EXPECT_EQ(project.integrity_check(), "ok");
    EXPECT_EQ(DocumentStore(project).count(), 1u);
    EXPECT_TRUE(DocumentStore(project).not_extracted().empty());
}

TEST(Project, AReadOnlyFileOpensReadOnlyAndRefusesWrites) {
    if (::geteuid() == 0)
        GTEST_SKIP() << "root ignores file permissions; the read-only mode is tested below";
    TempDir dir;
    const auto path = dir / "ro.dossier";
    { auto project = Project::open(path, OpenMode::CreateIfMissing); }
    ::chmod(path.c_str(), 0444);
    auto project = Project::open(path);
    EXPECT_TRUE(project.read_only());
    EXPECT_THROW(Transaction tx(project), StoreError);
}

TEST(Project, ReadOnlyModeRefusesWritesWithAMessage) {
    TempDir dir;
    const auto path = dir / "ro.dossier";
    { auto project = Project::open(path, OpenMode::CreateIfMissing); }
    auto project = Project::open(path, OpenMode::ReadOnly);
    EXPECT_TRUE(project.read_only());
    try {
        Transaction tx(project);
        FAIL() << "expected an error";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::ReadOnly);
        EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos);
    }
}

TEST(Project, UsesWalAndForeignKeys) {
    TempDir dir;
    const auto path = dir / "wal.dossier";
    { auto project = Project::open(path, OpenMode::CreateIfMissing); }
    const std::string cmd =
        "sqlite3 '" + path.string() + "' 'PRAGMA journal_mode' > '" + (dir / "out").string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    EXPECT_EQ(dossier::testing::read_file(dir / "out"), "wal\n");
}

// SQLite cannot wait for another connection's write lock from inside a read transaction, so a
// lookup that leaves its statement stepped (setting() reads one row) must not keep one open into
// the next transaction: before the fix this BEGIN IMMEDIATE failed at once with "database is
// locked" while the other side held the lock (issue 19, about 2% of `dossier extract` runs).
TEST(Project, ATransactionAfterASettingLookupWaitsForAnotherWritersLock) {
    TempDir dir;
    const auto path = dir / "p.dossier";
    auto reader = Project::open(path, OpenMode::CreateIfMissing);
    reader.set_setting("key", "value");
    auto other = Project::open(path);
    auto held = std::make_unique<Transaction>(other);
    std::thread release([&held] {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        held->commit();
    });
    EXPECT_EQ(reader.setting("key"), "value");
    try {
        Transaction tx(reader);
        reader.set_setting("key", "changed");
        tx.commit();
    } catch (const StoreError& e) {
        ADD_FAILURE() << "the transaction did not wait: " << e.what();
    }
    release.join();
    EXPECT_EQ(reader.setting("key"), "changed");
}
