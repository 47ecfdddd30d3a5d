#pragma once
// Entity extraction: a pure per-document step (text -> mentions, entities, header fields) and a
// corpus step that writes results to the project and resolves identities across documents.
#include "dossier/extract/extraction_context.h"
#include "dossier/model/document.h"
#include "dossier/model/entity.h"
#include "dossier/model/job_control.h"
#include "dossier/store/project.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::extract {

// An entity as one document names it; `key` is its identity key within its type (see
// name_key.h). Entities of a result are distinct by (type, key).
struct ExtractedEntity {
    EntityType type = EntityType::Person;
    std::string key;
    std::string canonical_name;
    std::string authority_id;         // external id when linked to an authority entry
    std::vector<std::string> aliases; // every surface form seen in the document
};

struct ExtractedMention {
    Span span;
    std::size_t entity = 0; // index into ExtractionResult::entities
    MentionMethod method = MentionMethod::Rule;
    double confidence = 1.0;
};

// A party named in the header, with where it was read.
struct HeaderParty {
    DocumentParty::Role role = DocumentParty::Role::Recipient;
    std::string name;
    Span span;
};

// What the header of a plain-text cable, protocol or memorandum says.
struct HeaderFields {
    std::vector<HeaderParty> parties; // addressees, sender, signatory
    PartialDate date;
    Span date_span;
    std::string reference;      // "P217/57"
    std::string classification; // "TOP SECRET"
    std::string subject;
    // The part of the text that is header (addressee lists etc.): co-occurrence skips it.
    Span header_span;
};

struct ExtractionResult {
    std::vector<ExtractedEntity> entities;
    std::vector<ExtractedMention> mentions; // sorted by span start, non-overlapping
    HeaderFields header;
};

// Surnames of persons the rest of the corpus names ("Dillon" after "Douglas Dillon" in another
// document), so a document that names them by surname alone is read with them known.
class CorpusSurnames {
public:
    // One word of at least three letters, or a hyphenated compound of capitalised words
    // ("Lloyd-George", counted per call: one call per person); others ignored.
    void add(std::string_view surname);
    bool empty() const { return hashes_.empty(); }
    bool contains_hash(std::uint64_t folded_hash) const { return hashes_.count(folded_hash) != 0; }
    // How many added persons have the hyphenated surname whose parts hash to `parts_key` (the
    // combined folded hashes of its parts, in order): a compound known as a person's surname is
    // one person, not a pair of persons.
    std::size_t persons_with_compound_surname(std::uint64_t parts_key) const {
        const auto it = compound_persons_.find(parts_key);
        return it == compound_persons_.end() ? 0 : it->second;
    }
    // Whether `text` has a capitalised word that is one of these surnames and not in `own`
    // (surnames the document's own mentions already name): only then can a second read add any.
    bool could_add_to(std::string_view text, const std::vector<std::string>& own) const;

private:
    std::unordered_set<std::uint64_t> hashes_;
    std::unordered_map<std::uint64_t, std::size_t> compound_persons_;
};

// What the first rules found in a document (pass 1: tables, titles, context rules, source
// annotations), before the rules that use what the document and the corpus know of persons
// (pass 2). Nothing in it depends on the corpus, so run_extraction keeps it from the first read
// for the second. Opaque; copyable.
class FirstRead {
public:
    FirstRead();
    ~FirstRead();
    FirstRead(FirstRead&&) noexcept;
    FirstRead& operator=(FirstRead&&) noexcept;
    FirstRead(const FirstRead& other);
    FirstRead& operator=(const FirstRead&) = delete;
    bool empty() const { return !state_; }
    std::size_t memory_bytes() const; // an estimate, to bound what a caller keeps

private:
    struct State;
    std::unique_ptr<State> state_;
    friend FirstRead read_first(const Document&, const ExtractionContext&);
    friend ExtractionResult finish_reading(const Document&, const ExtractionContext&, FirstRead,
                                           const CorpusSurnames*);
};

FirstRead read_first(const Document& document, const ExtractionContext& context);
// The rest of the reading from `first` (read_first of this document with this context; an empty
// one is read here). extract_document(d, c, corpus) == finish_reading(d, c, read_first(d, c),
// corpus).
ExtractionResult finish_reading(const Document& document, const ExtractionContext& context,
                                FirstRead first, const CorpusSurnames* corpus = nullptr);

// Pure: reads one document with the loaded gazetteers and authority; touches no store. With
// `corpus`, a surname from it alone is a person too, unless it starts a sentence or a capitalised
// word follows it ("Hall" but not "Hall Street", not "Hall." at a sentence start).
ExtractionResult extract_document(const Document& document, const ExtractionContext& context,
                                  const CorpusSurnames* corpus = nullptr);

struct ExtractionSummary {
    std::size_t documents = 0;
    std::size_t mentions = 0;
    std::size_t entities = 0;
    // Documents read a second time because they hold a surname another document introduced.
    std::size_t documents_read_again = 0;
    bool cancelled = false;
};

// Extracts `documents` (empty = every document, after clearing all earlier extraction results)
// and writes mentions and entities, one transaction per batch of documents, then resolves
// identities across the corpus (surname-only persons to the full name, transliteration
// variants). Fills header fields the importer left empty. Idempotent. A cancel through
// `control` stops after the current batch; committed batches stay. Progress (on the calling
// thread) counts two steps per document: stage "first read", then "second read" against the
// corpus's surnames. `jobs` threads read the documents (and their relations); one writer stores
// the results in document order, so the project is the same for any number of jobs.
ExtractionSummary run_extraction(store::Project& project, const std::vector<DocumentId>& documents,
                                 const JobControl& control = {}, unsigned jobs = 1);

// How the second read goes. Incremental (the default): from the first read's FirstRead where it
// was kept, running only the rules that use what the corpus knows, and writing only the mentions
// the store lacks when every first-read mention is still there. FromScratch: the whole document
// read again and its mentions rewritten; the same result, kept as the reference the tests
// compare the default with.
enum class SecondRead { Incremental, FromScratch };

// Same, with an explicitly loaded context (tests, benchmarks, a GUI that keeps one loaded).
ExtractionSummary run_extraction(store::Project& project, const ExtractionContext& context,
                                 const std::vector<DocumentId>& documents,
                                 const JobControl& control = {},
                                 SecondRead second_read = SecondRead::Incremental,
                                 unsigned jobs = 1);

// Sharded runs (dossier extract-shard, dossier merge; docs/SCALING.md) split run_extraction in
// two. store_first_reads is the per-document part: the first read of `documents`, stored as
// run_extraction's first pass stores it (header fields, document entities, entities, aliases,
// mentions), and nothing corpus-wide; the extraction stays marked incomplete. Returns the surnames
// of each document's own persons, in the order of `documents`.
std::vector<std::vector<std::string>> store_first_reads(store::Project& project,
                                                        const ExtractionContext& context,
                                                        const std::vector<DocumentId>& documents,
                                                        unsigned jobs = 1);

// The corpus-wide part, over documents whose first reads are stored (by store_first_reads, in
// this project or copied from shards, in document order) with `own_surnames` as it returned them:
// the second read, identities resolved across the corpus, relations rebuilt, the documents marked
// as read and the extraction as complete. The project ends as run_extraction would leave it.
ExtractionSummary finish_stored_first_reads(store::Project& project,
                                            const ExtractionContext& context,
                                            const std::vector<DocumentId>& documents,
                                            std::vector<std::vector<std::string>> own_surnames,
                                            unsigned jobs = 1);

} // namespace dossier::extract
