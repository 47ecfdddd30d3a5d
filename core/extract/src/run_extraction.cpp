#include "dossier/curation/replay.h"
#include "dossier/extract/extraction.h"
#include "dossier/extract/name_key.h"
#include "dossier/extract/relation_pipeline.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/authority_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/extraction_lock.h"
#include "dossier/store/project_stats.h"
#include "dossier/store/thread_readers.h"
#include "relation_rebuild.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace dossier::extract {
namespace {

constexpr std::size_t kDocumentsPerTransaction = 64;
// What the first read keeps of documents for the second (FirstRead): about 10 kB for an 8 kB
// memorandum, so 600 such documents take 6 MB; beyond this, documents are read whole again.
constexpr std::size_t kFirstReadsBudgetBytes = std::size_t{64} << 20;

// Calls produce(i) for i in [0, count) on `jobs` threads and store(i, produced) on this one in
// order (ordered_parallel.h), in batches of kDocumentsPerTransaction, one transaction per batch
// so that a cancel or a kill keeps every committed batch, and after_batch(end) after each commit.
// The writes are those of a serial loop whatever `jobs` is. A cancelled `cancel` stops before
// the next batch; returns false then.
template <typename Produce, typename Store, typename AfterBatch>
bool write_in_batches(store::Project& project, std::size_t count, unsigned jobs,
                      const CancelToken& cancel, Produce produce, Store store,
                      AfterBatch after_batch) {
    std::unique_ptr<store::Transaction> tx;
    bool stopped = false;
    auto consume = [&](std::size_t i, auto produced) {
        if (i % kDocumentsPerTransaction == 0) {
            if (cancel.cancelled()) {
                stopped = true;
                return false;
            }
            tx = std::make_unique<store::Transaction>(project);
        }
        store(i, std::move(produced));
        if ((i + 1) % kDocumentsPerTransaction == 0 || i + 1 == count) {
            tx->commit();
            tx.reset();
            after_batch(i + 1);
        }
        return true;
    };
    for_each_in_order(count, jobs, produce, consume);
    return !stopped;
}

// Where a thread reads documents: the writer's own connection with one job (a serial run, as
// before), else a read connection of its own per worker thread.
class DocumentSource {
public:
    DocumentSource(store::Project& project, unsigned jobs)
        : project_(project), jobs_(jobs), readers_(project.path()) {}
    std::optional<Document> get(DocumentId id) {
        return store::DocumentStore(jobs_ <= 1 ? project_ : readers_.here()).get(id);
    }

private:
    store::Project& project_;
    unsigned jobs_;
    store::ThreadReaders readers_;
};

struct StoredPerson {
    EntityId id;
    std::string skeleton; // of the surname without an Arabic article ("el-Sherbiny" as "Sherbiny")
    PersonName name;
    bool linked = false;    // to an authority entry
    std::string source_ref; // the person id a source's annotation (TEI corresp) gave, if any
};

// The person id of a source-annotated person ("source:p_PHW1" -> "p_PHW1"), "" otherwise.
std::string source_ref_of(const std::string& key) {
    constexpr std::string_view prefix = "source:";
    return key.starts_with(prefix) ? key.substr(prefix.size()) : std::string();
}

bool same_given_names(const PersonName& a, const PersonName& b) {
    if (a.given.size() != b.given.size())
        return false;
    for (std::size_t i = 0; i < a.given.size(); ++i)
        if (normalize_name(a.given[i]) != normalize_name(b.given[i]))
            return false;
    return true;
}

// Across the corpus: a person known only by surname (or by a shorter form of a name) joins the
// one person with that surname skeleton whose given names fit; persons whose given names or
// initials conflict never merge; nothing merges when two candidates fit.
std::size_t resolve_persons_across_corpus(store::Project& project) {
    store::EntityStore entities(project);
    std::vector<StoredPerson> persons;
    std::map<std::string, std::vector<std::size_t>> by_surname;
    for (const auto& e : entities.list(EntityType::Person)) {
        StoredPerson p;
        p.id = e.id;
        p.name = parse_person_name(e.canonical_name);
        const auto bare = without_arabic_article(p.name.surname);
        p.skeleton = name_skeleton(bare.empty() ? p.name.surname : bare);
        p.linked = !e.authority_id.empty();
        p.source_ref = source_ref_of(e.key);
        by_surname[p.skeleton].push_back(persons.size());
        persons.push_back(std::move(p));
    }
    std::size_t merged = 0;
    // "Mr. Ben Gurion" reads as given name Ben and surname Gurion, "David Ben Gurion" perhaps
    // too: a person whose last given name and surname spell, as one skeleton, the surname of
    // the one other person (or that person's last given name and surname) is that person, when
    // their other given names fit.
    auto compound_of = [](const PersonName& name) {
        const auto& given = name.given;
        if (given.empty() || given.back().size() < 2 || given.back().back() == '.')
            return std::string();
        return name_skeleton(given.back() + name.surname);
    };
    for (std::size_t i = 0; i < persons.size(); ++i)
        if (auto compound = compound_of(persons[i].name); !compound.empty())
            by_surname[compound].push_back(i);
    std::vector<bool> joined(persons.size(), false);
    for (std::size_t i = 0; i < persons.size(); ++i) {
        const auto compound = compound_of(persons[i].name);
        if (compound.empty() || joined[i])
            continue;
        std::vector<std::size_t> others;
        for (auto j : by_surname[compound])
            if (j != i && !joined[j] && std::find(others.begin(), others.end(), j) == others.end())
                others.push_back(j);
        if (others.size() != 1)
            continue;
        const std::size_t t = others.front();
        const auto& target = persons[t];
        const std::vector<std::string> rest(persons[i].name.given.begin(),
                                            persons[i].name.given.end() - 1);
        std::vector<std::string> target_rest = target.name.given;
        if (compound_of(target.name) == compound)
            target_rest.pop_back();
        if (!given_names_compatible(rest, target_rest) || (persons[i].linked && target.linked))
            continue;
        const bool into_i = persons[i].linked && !target.linked;
        entities.merge_into(into_i ? target.id : persons[i].id, into_i ? persons[i].id : target.id);
        joined[into_i ? t : i] = true;
        ++merged;
    }
    std::map<std::string, std::vector<StoredPerson>> by_skeleton;
    for (std::size_t i = 0; i < persons.size(); ++i)
        if (!joined[i])
            by_skeleton[persons[i].skeleton].push_back(persons[i]);
    for (auto& [skeleton, people] : by_skeleton) {
        if (people.size() < 2)
            continue;
        // Most specific first: linked to an authority, then more given names.
        std::stable_sort(people.begin(), people.end(),
                         [](const StoredPerson& a, const StoredPerson& b) {
                             if (a.linked != b.linked)
                                 return a.linked;
                             return a.name.given.size() > b.name.given.size();
                         });
        std::vector<bool> gone(people.size(), false);
        // Most specific first, so that the shorter forms of one person ("O. Marchbank" of Oswin
        // T. Marchbank) have joined it before a bare surname counts who fits.
        for (std::size_t i = 0; i < people.size(); ++i) {
            if (gone[i])
                continue;
            // Another person who fits is a rival, unless that person is only this same name again
            // (a TEI "Pembrook" and a rule-found "Pembrook" next to Harold W. Pembrook): such a
            // twin is no second candidate, and the name joins a twin only when nothing fuller fits.
            std::size_t target = people.size(), twin = people.size();
            int fits = 0, twins = 0;
            // The person ids source annotations gave the names that fit (TEI corresp).
            std::vector<std::string_view> refs;
            if (!people[i].source_ref.empty())
                refs.push_back(people[i].source_ref);
            for (std::size_t j = 0; j < people.size(); ++j) {
                if (j == i || gone[j] ||
                    !given_names_compatible(people[i].name.given, people[j].name.given))
                    continue;
                if (const auto& ref = people[j].source_ref;
                    !ref.empty() && std::find(refs.begin(), refs.end(), ref) == refs.end())
                    refs.push_back(ref);
                const bool more_specific =
                    (people[j].linked && !people[i].linked) ||
                    (people[j].linked == people[i].linked &&
                     people[j].name.given.size() > people[i].name.given.size()) ||
                    (people[j].linked == people[i].linked &&
                     people[j].name.given.size() == people[i].name.given.size() && j < i);
                if (!more_specific || (people[i].linked && people[j].linked))
                    continue;
                if (people[j].linked == people[i].linked &&
                    same_given_names(people[i].name, people[j].name)) {
                    ++twins;
                    twin = j;
                } else {
                    ++fits;
                    target = j;
                }
            }
            // Sources annotated two different persons whom this name fits: which one it is,
            // nothing says.
            if (refs.size() > 1)
                continue;
            if (fits == 0 && twins == 1)
                target = twin;
            else if (fits != 1)
                continue;
            entities.merge_into(people[i].id, people[target].id);
            gone[i] = true;
            ++merged;
        }
    }
    return merged;
}

// The surnames a document's own person mentions name.
std::vector<std::string> person_surnames(const ExtractionResult& result) {
    std::vector<std::string> surnames;
    for (const auto& e : result.entities)
        if (e.type == EntityType::Person)
            surnames.push_back(parse_person_name(e.canonical_name).surname);
    return surnames;
}

Document header_as_document(const HeaderFields& header) {
    Document h;
    h.title = header.subject;
    h.date = header.date;
    h.classification = header.classification;
    h.archive_ref = header.reference;
    for (const auto& p : header.parties)
        h.parties.push_back({p.role, p.name});
    return h;
}

// One entity of a result in the store (found, or created), with its authority link and aliases.
EntityId store_entity(store::EntityStore& entities, const ExtractedEntity& e) {
    const auto id = entities.find_or_create(e.type, e.key, e.canonical_name);
    if (!e.authority_id.empty())
        entities.set_authority_id(id, e.authority_id);
    for (const auto& alias : e.aliases)
        entities.add_alias(id, alias, normalize_name(alias));
    return id;
}

// The result's entities in the store (found, or created in the result's order), with their
// authority links and aliases; their ids by result index.
std::vector<EntityId> store_entities(store::EntityStore& entities, const ExtractionResult& result) {
    std::vector<EntityId> ids;
    ids.reserve(result.entities.size());
    for (const auto& e : result.entities)
        ids.push_back(store_entity(entities, e));
    return ids;
}

Mention stored_mention(const Document& doc, const ExtractedMention& m, EntityId entity) {
    Mention stored;
    stored.document = doc.id;
    stored.span = m.span;
    stored.entity = entity;
    stored.method = m.method;
    stored.confidence = m.confidence;
    stored.surface = doc.text.substr(m.span.start, m.span.size());
    return stored;
}

// Writes `wanted` (the indices of the result's mentions to insert) in slices: a 50 MB document
// has ~650,000 mentions, each with its surface text.
template <typename Wanted>
void insert_mentions(store::EntityStore& entities, const Document& doc,
                     const ExtractionResult& result, const std::vector<EntityId>& ids,
                     Wanted wanted) {
    constexpr std::size_t kMentionsPerInsert = 1 << 15;
    std::vector<Mention> mentions;
    mentions.reserve(std::min(result.mentions.size(), kMentionsPerInsert));
    for (std::size_t i = 0; i < result.mentions.size(); ++i) {
        if (!wanted(i))
            continue;
        if (mentions.size() == kMentionsPerInsert) {
            entities.insert_mentions(mentions);
            mentions.clear();
        }
        const auto& m = result.mentions[i];
        mentions.push_back(stored_mention(doc, m, ids[m.entity]));
    }
    entities.insert_mentions(mentions);
}

std::vector<EntityId> store_result(store::EntityStore& entities, store::DocumentStore& documents,
                                   const Document& doc, const ExtractionResult& result) {
    documents.update_header(doc.id, header_as_document(result.header));
    entities.document_entity(doc.id, doc.title.empty() ? result.header.subject : doc.title);
    auto ids = store_entities(entities, result);
    insert_mentions(entities, doc, result, ids, [](std::size_t) { return true; });
    return ids;
}

using MentionIdentity = std::tuple<std::uint32_t, std::uint32_t, std::int64_t, int, double>;

MentionIdentity identity_of(const Mention& m) {
    return {m.span.start, m.span.end, m.entity.value, static_cast<int>(m.method), m.confidence};
}

MentionIdentity identity_of(const ExtractedMention& m, EntityId entity) {
    return {m.span.start, m.span.end, entity.value, static_cast<int>(m.method), m.confidence};
}

// Sorted, for binary search: a document's mentions, 32 bytes each.
using MentionIdentities = std::vector<MentionIdentity>;

bool holds(const MentionIdentities& sorted, const MentionIdentity& identity) {
    return std::binary_search(sorted.begin(), sorted.end(), identity);
}

std::string entity_key(const ExtractedEntity& e) {
    return std::string(to_string(e.type)) + "\t" + e.key;
}

// What the first read found and stored of a document, kept for the second read: the rules'
// state before pass 2, the stored entities with their aliases and the stored mentions. The
// store holds exactly these until the second read (identities merge only after it).
struct KeptFirstRead {
    FirstRead first;
    std::unordered_map<std::string, std::pair<EntityId, std::vector<std::string>>> entities;
    MentionIdentities mentions;

    KeptFirstRead(FirstRead read, const ExtractionResult& result, const std::vector<EntityId>& ids)
        : first(std::move(read)) {
        for (std::size_t e = 0; e < result.entities.size(); ++e)
            entities.emplace(entity_key(result.entities[e]),
                             std::make_pair(ids[e], result.entities[e].aliases));
        mentions.reserve(result.mentions.size());
        for (const auto& m : result.mentions)
            mentions.push_back(identity_of(m, ids[m.entity]));
        std::sort(mentions.begin(), mentions.end());
    }
    // An estimate before building one, to bound what the first read keeps.
    static std::size_t memory_bytes(const FirstRead& read, const ExtractionResult& result) {
        std::size_t bytes = sizeof(KeptFirstRead) + read.memory_bytes() +
                            result.mentions.size() * sizeof(MentionIdentity);
        for (const auto& e : result.entities)
            bytes += 96 + e.key.size() + e.aliases.size() * 48;
        return bytes;
    }
};

// The second read of a document whose first result is stored: its header and document entity
// are the same (the corpus's surnames change only person mentions), and it mostly adds a few
// mentions to the first read's. So only the mentions the store lacks are written when every
// stored one is still in the new result; otherwise the document's mentions are replaced. The
// store ends as `clear_mentions` + `store_result` would leave it: entities are found or created
// in the same order, mentions listed by position (tested in
// CorpusPipeline.TheIncrementalSecondReadLeavesWhatReadingFromScratchLeaves). With `kept`, what
// the first read stored is known without asking the store.
void store_second_read(store::EntityStore& entities, const Document& doc,
                       const ExtractionResult& result, const KeptFirstRead* kept) {
    std::vector<EntityId> ids;
    ids.reserve(result.entities.size());
    for (const auto& e : result.entities) {
        if (kept)
            if (auto it = kept->entities.find(entity_key(e)); it != kept->entities.end()) {
                const auto& [id, aliases] = it->second;
                for (const auto& alias : e.aliases)
                    if (std::find(aliases.begin(), aliases.end(), alias) == aliases.end())
                        entities.add_alias(id, alias, normalize_name(alias));
                ids.push_back(id);
                continue;
            }
        ids.push_back(store_entity(entities, e));
    }
    MentionIdentities order; // by the result's mention index
    order.reserve(result.mentions.size());
    for (const auto& m : result.mentions)
        order.push_back(identity_of(m, ids[m.entity]));
    MentionIdentities wanted = order;
    std::sort(wanted.begin(), wanted.end());
    MentionIdentities read_from_store;
    if (!kept) {
        for (const auto& row : entities.mentions_in_document(doc.id))
            read_from_store.push_back(identity_of(row.mention));
        std::sort(read_from_store.begin(), read_from_store.end());
    }
    const MentionIdentities& stored = kept ? kept->mentions : read_from_store;
    const bool all_kept = std::all_of(stored.begin(), stored.end(), [&](const auto& identity) {
        return holds(wanted, identity);
    });
    if (!all_kept)
        entities.clear_mentions({doc.id});
    insert_mentions(entities, doc, result, ids,
                    [&](std::size_t i) { return !all_kept || !holds(stored, order[i]); });
}

std::vector<AuthorityName> authority_names(store::Project& project) {
    std::vector<AuthorityName> names;
    for (auto& e : store::AuthorityStore(project).all())
        names.push_back({e.external_id, e.type, e.name, e.aliases});
    return names;
}

// What the first pass leaves the second, by position in the run's document list: the surnames
// of each document's own persons, its first read's mention count, and (within a memory budget)
// the first read itself.
struct FirstPassState {
    std::vector<std::vector<std::string>> own_surnames;
    std::vector<std::size_t> first_read_mentions;
    std::vector<std::unique_ptr<KeptFirstRead>> first_reads;
    explicit FirstPassState(std::size_t documents)
        : own_surnames(documents), first_read_mentions(documents, 0), first_reads(documents) {}
};

// Clears what an earlier extraction left of `ids` (everything: all extraction results) and marks
// the extraction incomplete: cleared again only at the very end, so a kill or a cancel in between
// leaves the mark, and `dossier info` says the extraction needs running again.
void begin_extraction(store::Project& project, const std::vector<DocumentId>& ids,
                      bool everything) {
    store::EntityStore entity_store(project);
    store::Transaction tx(project);
    if (everything)
        entity_store.clear_extraction();
    else
        entity_store.clear_mentions(ids);
    project.set_setting(store::kExtractionIncompleteSetting, "1");
    tx.commit();
}

// The first read of every document, stored in document order (headers, document entities,
// entities, aliases, mentions); false when cancelled.
bool first_pass(store::Project& project, const ExtractionContext& context,
                const std::vector<DocumentId>& ids, FirstPassState& state,
                ExtractionSummary& summary, const std::function<void(std::size_t)>& report_progress,
                const CancelToken& cancel, SecondRead second_read, unsigned jobs) {
    store::DocumentStore document_store(project);
    store::EntityStore entity_store(project);
    std::size_t first_reads_bytes = 0;
    DocumentSource source(project, jobs);
    // The first read and its result, made on a worker; stored by the writer in document order.
    struct FirstPass {
        std::optional<Document> doc;
        std::optional<FirstRead> copy; // for the second read, when it may fit the budget
        std::size_t first_bytes = 0;   // the first read's memory_bytes()
        ExtractionResult result;
    };
    // Mirrors first_reads_bytes for the workers: it only grows during the first pass, so a
    // worker that sees the budget exceeded knows the writer will too and skips the copy.
    std::atomic<std::size_t> kept_bytes{0};
    auto read_one = [&](std::size_t i) {
        FirstPass item;
        item.doc = source.get(ids[i]);
        if (!item.doc)
            return item;
        FirstRead first = read_first(*item.doc, context);
        item.first_bytes = first.memory_bytes();
        if (second_read == SecondRead::Incremental &&
            kept_bytes.load() + item.first_bytes <= kFirstReadsBudgetBytes)
            item.copy.emplace(first);
        item.result = finish_reading(*item.doc, context, std::move(first));
        return item;
    };
    auto store_one = [&](std::size_t i, FirstPass item) {
        if (!item.doc)
            return;
        const auto& doc = *item.doc;
        const auto& result = item.result;
        const auto stored_ids = store_result(entity_store, document_store, doc, result);
        // Kept for the second read while it fits the budget: it then runs only the rules that
        // use what the corpus knows. A document not kept is read whole again.
        if (item.copy && first_reads_bytes + item.first_bytes <= kFirstReadsBudgetBytes) {
            const std::size_t bytes = KeptFirstRead::memory_bytes(*item.copy, result);
            if (first_reads_bytes + bytes <= kFirstReadsBudgetBytes) {
                state.first_reads[i] =
                    std::make_unique<KeptFirstRead>(std::move(*item.copy), result, stored_ids);
                first_reads_bytes += bytes;
                kept_bytes = first_reads_bytes;
            }
        }
        summary.mentions += result.mentions.size();
        ++summary.documents;
        state.own_surnames[i] = person_surnames(result);
        state.first_read_mentions[i] = result.mentions.size();
    };
    return write_in_batches(project, ids.size(), jobs, cancel, read_one, store_one,
                            report_progress);
}

// The corpus-wide rest of an extraction whose first reads are stored: the second read with the
// surnames of persons anywhere in the project known, identities resolved across the corpus,
// relations rebuilt, the analyst's corrections replayed, the documents marked as read and (with
// `clear_mark`) the extraction marked complete.
void finish_extraction(store::Project& project, const ExtractionContext& context,
                       const std::vector<DocumentId>& ids, FirstPassState& state,
                       ExtractionSummary& summary,
                       const std::function<void(std::size_t)>& report_progress,
                       const CancelToken& cancel, SecondRead second_read, unsigned jobs,
                       bool clear_mark) {
    store::DocumentStore document_store(project);
    store::EntityStore entity_store(project);
    DocumentSource source(project, jobs);
    // Only the documents that hold such a surname outside their own persons are read again.
    // Batched like the first read, so that a cancel or a kill keeps what was committed and a
    // large corpus does not hold the write lock for the whole pass.
    bool corpus_was_empty = true;
    if (!summary.cancelled) {
        CorpusSurnames corpus;
        for (const auto& e : entity_store.list(EntityType::Person))
            corpus.add(parse_person_name(e.canonical_name).surname);
        corpus_was_empty = corpus.empty();
        // A document and its second result, or nothing when it needs no second read. Made on a
        // worker: first_reads[i] is only reset by store_second (after this item was made).
        using SecondPass = std::optional<std::pair<Document, ExtractionResult>>;
        auto second_pass = [&](std::size_t i) -> SecondPass {
            auto doc = source.get(ids[i]);
            if (!doc || !corpus.could_add_to(doc->text, state.own_surnames[i]))
                return std::nullopt;
            const KeptFirstRead* kept = state.first_reads[i].get();
            auto result = kept ? finish_reading(*doc, context, kept->first, &corpus)
                               : extract_document(*doc, context, &corpus);
            return std::make_pair(std::move(*doc), std::move(result));
        };
        auto store_second = [&](std::size_t i, SecondPass item) {
            if (!item) {
                state.first_reads[i].reset(); // not needed any more
                return;
            }
            const auto& [doc, result] = *item;
            if (second_read == SecondRead::Incremental) {
                store_second_read(entity_store, doc, result, state.first_reads[i].get());
                state.first_reads[i].reset();
            } else {
                entity_store.clear_mentions({doc.id});
                store_result(entity_store, document_store, doc, result);
            }
            summary.mentions += result.mentions.size();
            summary.mentions -= state.first_read_mentions[i];
            ++summary.documents_read_again;
        };
        if (!corpus.empty())
            summary.cancelled =
                !write_in_batches(project, ids.size(), jobs, cancel, second_pass, store_second,
                                  [&](std::size_t end) { report_progress(ids.size() + end); });
    }
    if (!summary.cancelled && !ids.empty() && corpus_was_empty)
        report_progress(2 * ids.size()); // no second read ran: the bar still ends full
    store::Transaction tx(project);
    resolve_persons_across_corpus(project);
    entity_store.remove_orphans();
    tx.commit();
    // Relations from the new mentions, before curation moves/removes any. A cancel that lands
    // in this pass (which rolls itself back) is a cancel of the whole run: the mark stays.
    if (!summary.cancelled)
        summary.cancelled =
            detail::rebuild_relations_unreplayed(project, JobControl{cancel}, jobs).cancelled;
    // Once, after the relations: a re-extraction never undoes an analyst's work.
    curation::replay_curation(project);
    if (!summary.cancelled) {
        store::Transaction done(project);
        // By id, also for a run over everything: a document imported meanwhile was not read.
        document_store.mark_extracted(ids);
        if (clear_mark)
            project.set_setting(store::kExtractionIncompleteSetting, "0");
        done.commit();
    }
    summary.entities = entity_store.count();
}

} // namespace

ExtractionSummary run_extraction(store::Project& project, const std::vector<DocumentId>& documents,
                                 const JobControl& control, unsigned jobs) {
    auto context = ExtractionContext::load(ExtractionContext::default_data_dir());
    context.add_authority(authority_names(project));
    return run_extraction(project, context, documents, control, SecondRead::Incremental, jobs);
}

ExtractionSummary run_extraction(store::Project& project, const ExtractionContext& context,
                                 const std::vector<DocumentId>& documents,
                                 const JobControl& control, SecondRead second_read, unsigned jobs) {
    // Correction commands from other processes wait while the entities are cleared and rebuilt
    // (they would find no entity, or one about to vanish), and this waits for those in flight.
    const store::ExtractionLock turn(project.path(), store::ExtractionLock::Mode::Extraction);
    const bool everything = documents.empty();
    const std::vector<DocumentId> ids =
        everything ? store::DocumentStore(project).ids() : documents;
    ExtractionSummary summary;
    // A run over some documents cannot finish what an earlier cut-short run left: only a run
    // over every document, or one that found no mark, clears it at the end.
    const bool marked_before = project.setting(store::kExtractionIncompleteSetting, "0") == "1";
    begin_extraction(project, ids, everything);
    // Progress counts two steps per document, the first read and the second (most documents
    // need no second read and pass quickly), so the bar never goes back. Offered once per
    // batch of 64 documents; the last step of each pass always passes.
    ProgressReporter progress(control);
    auto report_progress = [&](std::size_t steps_done) {
        const bool first = steps_done <= ids.size();
        const JobProgress step{steps_done, 2 * ids.size(), first ? "first read" : "second read"};
        if (steps_done == ids.size() || steps_done == 2 * ids.size())
            progress.report_now(step);
        else
            progress.report(step);
    };
    FirstPassState state(ids.size());
    summary.cancelled = !first_pass(project, context, ids, state, summary, report_progress,
                                    control.cancel, second_read, jobs);
    finish_extraction(project, context, ids, state, summary, report_progress, control.cancel,
                      second_read, jobs, everything || !marked_before);
    return summary;
}

std::vector<std::vector<std::string>> store_first_reads(store::Project& project,
                                                        const ExtractionContext& context,
                                                        const std::vector<DocumentId>& documents,
                                                        unsigned jobs) {
    const store::ExtractionLock turn(project.path(), store::ExtractionLock::Mode::Extraction);
    begin_extraction(project, documents, false);
    FirstPassState state(documents.size());
    ExtractionSummary summary;
    // Nothing is kept for a second read in this process: the merge reads those documents whole.
    first_pass(
        project, context, documents, state, summary, [](std::size_t) {}, CancelToken{},
        SecondRead::FromScratch, jobs);
    return std::move(state.own_surnames);
}

ExtractionSummary finish_stored_first_reads(store::Project& project,
                                            const ExtractionContext& context,
                                            const std::vector<DocumentId>& documents,
                                            std::vector<std::vector<std::string>> own_surnames,
                                            unsigned jobs) {
    const store::ExtractionLock turn(project.path(), store::ExtractionLock::Mode::Extraction);
    if (own_surnames.size() != documents.size())
        throw std::invalid_argument("finish_stored_first_reads: one surname list per document");
    FirstPassState state(documents.size());
    state.own_surnames = std::move(own_surnames);
    ExtractionSummary summary;
    summary.documents = documents.size();
    // The incremental second read without a kept first read asks the store what the first read
    // stored, as a serial run does for documents beyond its memory budget.
    finish_extraction(
        project, context, documents, state, summary, [](std::size_t) {}, CancelToken{},
        SecondRead::Incremental, jobs, true);
    return summary;
}

} // namespace dossier::extract
