// The copy step of `dossier merge` (store::ShardCopy: documents, entities found by type and key or
// created, aliases, mentions remapped through the shard's id maps, all with INSERT ... SELECT from
// the attached shard) against SQLite alone copying the same rows with plain INSERT ... SELECT
// (ids shifted by an offset, nothing looked up), into the same schema with the same pragmas,
// measured in the same run. The shards are generated: DOSSIER_BENCH_SHARDS (default 4) shard
// projects of DOSSIER_BENCH_SHARD_MENTIONS (default 500,000) mentions each, in 2,000 documents,
// over 20,000 entities per shard of which half are shared with the other shards.
// See docs/PERFORMANCE.md for the command and the figures.
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/shard_copy.h"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <sqlite3.h>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace dossier;

namespace {

std::size_t env_size(const char* name, std::size_t fallback) {
    const char* value = std::getenv(name);
    return value && *value ? static_cast<std::size_t>(std::stoull(value)) : fallback;
}

const std::size_t kShards = env_size("DOSSIER_BENCH_SHARDS", 4);
const std::size_t kMentionsPerShard = env_size("DOSSIER_BENCH_SHARD_MENTIONS", 500000);
constexpr std::size_t kDocumentsPerShard = 2000;
constexpr std::size_t kEntitiesPerShard = 20000;

fs::path bench_dir() {
    static const fs::path dir =
        fs::temp_directory_path() / ("dossier-merge-bench-" + std::to_string(::getpid()));
    return dir;
}

fs::path shard_path(std::size_t i) {
    return bench_dir() / ("shard-" + std::to_string(i) + ".dossier");
}

void make_shard(std::size_t index) {
    auto project = store::Project::open(shard_path(index), store::OpenMode::CreateIfMissing);
    store::Transaction tx(project);
    store::DocumentStore documents(project);
    store::EntityStore entities(project);
    std::string text;
    for (int w = 0; text.size() < 3000; ++w)
        text += "Ambassador Person" + std::to_string(w % 97) + " met the Minister. ";
    std::vector<DocumentId> doc_ids;
    for (std::size_t d = 0; d < kDocumentsPerShard; ++d) {
        Document doc;
        doc.sha256 = "shard" + std::to_string(index) + "-doc" + std::to_string(d);
        doc.source_path = doc.sha256 + ".txt";
        doc.format = "text";
        doc.text = text;
        doc_ids.push_back(documents.insert(doc, text.size()));
        entities.document_entity(doc_ids.back(), "");
    }
    std::vector<EntityId> entity_ids;
    for (std::size_t e = 0; e < kEntitiesPerShard; ++e) {
        // Half the keys are the same in every shard: the merge finds those.
        const auto key = e % 2 == 0 ? "shared" + std::to_string(e)
                                    : "s" + std::to_string(index) + "-" + std::to_string(e);
        const auto id = entities.find_or_create(EntityType::Person, key, "Person " + key);
        entities.add_alias(id, "Person " + key, key);
        entity_ids.push_back(id);
    }
    std::vector<Mention> mentions;
    const std::size_t per_document = kMentionsPerShard / kDocumentsPerShard;
    for (std::size_t d = 0; d < kDocumentsPerShard; ++d)
        for (std::size_t m = 0; m < per_document; ++m) {
            Mention mention;
            mention.document = doc_ids[d];
            mention.span = {static_cast<std::uint32_t>(m * 10),
                            static_cast<std::uint32_t>(m * 10 + 8)};
            mention.entity = entity_ids[(d * 7919 + m * 104729) % entity_ids.size()];
            mention.method = MentionMethod::Rule;
            mention.surface = text.substr((m * 10) % 2900, 8);
            mentions.push_back(std::move(mention));
        }
    entities.insert_mentions(mentions);
    tx.commit();
}

void make_shards_once() {
    static const bool made = [] {
        fs::create_directories(bench_dir());
        for (std::size_t i = 0; i < kShards; ++i)
            make_shard(i);
        return true;
    }();
    (void)made;
}

void remove_project(const fs::path& file) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(file.string() + suffix);
}

// An empty project with Dossier's schema, closed.
fs::path fresh_target() {
    const auto target = bench_dir() / "target.dossier";
    remove_project(target);
    store::Project::open(target, store::OpenMode::CreateIfMissing);
    return target;
}

void BM_MergeCopy(benchmark::State& state) {
    make_shards_once();
    std::size_t mentions = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto target = fresh_target();
        state.ResumeTiming();
        auto project = store::Project::open(target);
        store::BulkLoad bulk(project);
        for (std::size_t i = 0; i < kShards; ++i) {
            store::ShardCopy copy(project, shard_path(i));
            store::Transaction tx(project);
            copy.copy_documents();
            mentions += copy.copy_first_reads();
            tx.commit();
        }
        bulk.finish(); // the mentions' indexes made again: part of the copy's cost
    }
    state.counters["mention_rows_per_second"] =
        benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MergeCopy)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "?";
        sqlite3_free(error);
        throw std::runtime_error(message + " in " + sql);
    }
}

// SQLite alone: the same rows, ids shifted by the rows already there, with the connection set
// up as Dossier sets up a project's (WAL, synchronous NORMAL, foreign keys on, 64 MiB cache).
void BM_SqliteInsertSelect(benchmark::State& state) {
    make_shards_once();
    std::size_t mentions = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto target = fresh_target();
        state.ResumeTiming();
        sqlite3* db = nullptr;
        sqlite3_open(target.c_str(), &db);
        exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                 "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; "
                 "PRAGMA temp_store = MEMORY");
        for (std::size_t i = 0; i < kShards; ++i) {
            const std::string attach = "ATTACH DATABASE '" + shard_path(i).string() + "' AS shard";
            exec(db, attach.c_str());
            exec(db, "BEGIN IMMEDIATE");
            exec(db, "CREATE TEMP TABLE offsets AS SELECT"
                     " (SELECT coalesce(max(id), 0) FROM main.documents) AS d,"
                     " (SELECT coalesce(max(id), 0) FROM main.entities) AS e");
            exec(db, "INSERT INTO main.documents SELECT s.id + o.d, s.sha256, s.source_path,"
                     " s.source_key, s.format, s.title, s.date, s.date_precision,"
                     " s.classification, s.archive_ref, s.language, s.page_starts, s.byte_size,"
                     " s.imported_at, s.text FROM shard.documents s, temp.offsets o ORDER BY s.id");
            exec(db, "INSERT INTO main.entities SELECT s.id + o.e, s.type, s.canonical_name,"
                     " s.key, s.authority_id, s.document_id + o.d, s.rejected, s.origin"
                     " FROM shard.entities s, temp.offsets o ORDER BY s.id");
            exec(db, "INSERT INTO main.aliases SELECT a.entity_id + o.e, a.alias, a.key, a.source"
                     " FROM shard.aliases a, temp.offsets o");
            exec(db, "INSERT INTO main.mentions(document_id, start, end, entity_id, method,"
                     " confidence, surface) SELECT x.document_id + o.d, x.start, x.end,"
                     " x.entity_id + o.e, x.method, x.confidence, x.surface"
                     " FROM shard.mentions x, temp.offsets o ORDER BY x.id");
            mentions += static_cast<std::size_t>(sqlite3_changes(db));
            exec(db, "DROP TABLE temp.offsets");
            exec(db, "COMMIT");
            exec(db, "DETACH DATABASE shard");
        }
        sqlite3_close(db);
    }
    state.counters["mention_rows_per_second"] =
        benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SqliteInsertSelect)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ec;
    fs::remove_all(bench_dir(), ec);
    return 0;
}
