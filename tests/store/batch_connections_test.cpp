// What a batched, multi-threaded import relies on: a savepoint rolls back one file's rows inside
// a batch and keeps the others; a worker's read connection sees what was committed, never the
// writer's open transaction.
#include "dossier/store/document_store.h"
#include "dossier/store/savepoint.h"
#include "dossier/store/thread_readers.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <thread>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {

Document document(const std::string& name) {
    Document doc;
    doc.sha256 = "hash-" + name;
    doc.source_path = name + ".txt";
    doc.format = "text";
    doc.text = "Telegram " + name + ": the Ambassador called on the Minister.";
    return doc;
}

} // namespace

TEST(BatchConnections, ASavepointRolledBackDropsOnlyItsOwnRowsFromTheBatch) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentStore documents(project);
    {
        Transaction batch(project);
        {
            Savepoint first(project);
            documents.insert(document("one"), 10);
            first.release();
        }
        {
            Savepoint failing(project); // destroyed unreleased, as when a file's insert throws
            documents.insert(document("two"), 10);
        }
        {
            Savepoint third(project);
            documents.insert(document("three"), 10);
            third.release();
        }
        batch.commit();
    }
    EXPECT_TRUE(documents.contains_hash("hash-one"));
    EXPECT_FALSE(documents.contains_hash("hash-two"));
    EXPECT_TRUE(documents.contains_hash("hash-three"));
    EXPECT_EQ(documents.count(), 2u);
}

TEST(BatchConnections, AWorkersReadConnectionSeesCommittedRowsButNotTheOpenBatch) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    DocumentStore documents(project);
    {
        Transaction committed(project);
        documents.insert(document("committed"), 10);
        committed.commit();
    }
    ThreadReaders readers(project.path());
    Transaction open_batch(project);
    documents.insert(document("pending"), 10);
    bool sees_committed = false, sees_pending = true;
    std::thread worker([&] {
        DocumentStore seen(readers.here());
        sees_committed = seen.contains_hash("hash-committed");
        sees_pending = seen.contains_hash("hash-pending");
    });
    worker.join();
    EXPECT_TRUE(sees_committed);
    EXPECT_FALSE(sees_pending);
    // The writer's own connection sees its batch.
    EXPECT_TRUE(documents.contains_hash("hash-pending"));
}

TEST(BatchConnections, EachThreadGetsItsOwnReadConnectionAndKeepsIt) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    ThreadReaders readers(project.path());
    Project* mine = &readers.here();
    EXPECT_EQ(&readers.here(), mine);
    Project* other = nullptr;
    std::thread([&] { other = &readers.here(); }).join();
    EXPECT_NE(other, mine);
    EXPECT_TRUE(mine->read_only());
}
