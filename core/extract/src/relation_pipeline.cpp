#include "dossier/extract/relation_pipeline.h"

#include "dossier/curation/replay.h"
#include "dossier/extract/name_key.h"
#include "dossier/extract/relation_spans.h"
#include "dossier/extract/sentences.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"
#include "dossier/store/thread_readers.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace dossier::extract {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool equal_nocase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && lower_ascii(a) == lower_ascii(b);
}

bool space_at(std::string_view text, std::size_t i, std::size_t& width) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        width = 1;
        return true;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        width = 2; // no-break space, common in pasted translations
        return true;
    }
    return false;
}

// Evidence quotes start and end on text: white space (including no-break spaces) trimmed.
std::vector<Span> trimmed(std::string_view text, std::vector<Span> spans) {
    std::vector<Span> out;
    out.reserve(spans.size());
    for (auto s : spans) {
        std::size_t width = 0;
        while (s.start < s.end && space_at(text, s.start, width))
            s.start += static_cast<std::uint32_t>(width);
        while (s.end > s.start) {
            if (space_at(text, s.end - 1, width))
                --s.end;
            else if (s.end - s.start >= 2 && space_at(text, s.end - 2, width) && width == 2)
                s.end -= 2;
            else
                break;
        }
        if (s.start < s.end)
            out.push_back(s);
    }
    return out;
}

// Institutions among header parties the extractor did not name ("Department of State").
bool looks_like_organization(std::string_view name) {
    static constexpr std::string_view kWords[] = {
        "department", "embassy",    "ministry", "committee", "office",  "mission",
        "consulate",  "delegation", "council",  "agency",    "legation"};
    const auto lowered = lower_ascii(name);
    return std::any_of(std::begin(kWords), std::end(kWords),
                       [&](std::string_view w) { return lowered.find(w) != std::string::npos; });
}

// A header party as far as the document itself tells: the mention that names it (in the header
// first), else where the text names it and a person's or institution's mention inside that name.
// The entity stays invalid when neither says who it is (complete_party then asks the project).
ResolvedParty resolve_party_in_text(const DocumentParty& party, const Document& doc,
                                    const RelationDocumentInput& input,
                                    const std::vector<store::MentionRow>& mentions) {
    ResolvedParty resolved;
    resolved.role = party.role;
    const std::string& name = party.name;
    const store::MentionRow* best = nullptr;
    for (const auto& row : mentions) {
        const auto& m = row.mention;
        if (!equal_nocase(m.surface, name) && !equal_nocase(row.canonical_name, name))
            continue;
        const bool in_header = span_containing(input.header_lines, m.span.start).has_value();
        if (!best || (in_header && !span_containing(input.header_lines, best->mention.span.start)))
            best = &row;
    }
    if (best) {
        resolved.entity = best->mention.entity;
        resolved.name = best->mention.span;
        resolved.line =
            quote_span_for(doc.text, input.header_lines, input.sentences, best->mention.span);
        return resolved;
    }
    // Where the text names it: a header line first, then anywhere.
    std::size_t at = std::string::npos;
    for (const auto& line : input.header_lines) {
        at = doc.text.substr(line.start, line.size()).find(name);
        if (at != std::string::npos) {
            at += line.start;
            break;
        }
    }
    if (at == std::string::npos)
        at = doc.text.find(name);
    if (at != std::string::npos) {
        resolved.name = {static_cast<std::uint32_t>(at),
                         static_cast<std::uint32_t>(at + name.size())};
        // A mention inside the name ("Secretary of State Dulles" holds the mention "Dulles").
        for (const auto& row : mentions)
            if (row.mention.span.start >= resolved.name.start &&
                row.mention.span.end <= resolved.name.end &&
                (row.type == EntityType::Person || row.type == EntityType::Organization)) {
                resolved.entity = row.mention.entity;
                break;
            }
        resolved.line =
            quote_span_for(doc.text, input.header_lines, input.sentences, resolved.name);
    }
    return resolved;
}

// What the project says a party name is: the entity of that name, else a new entity, so every
// sender and recipient becomes an edge. On the writer's connection.
EntityId party_entity_in_store(const std::string& name, store::EntityStore& entities) {
    if (auto found = entities.find_by_name(name); found.entity)
        return found.entity->id;
    if (looks_like_organization(name))
        return entities.find_or_create(EntityType::Organization, "org:" + normalize_name(name),
                                       name);
    // the key extraction gives a person of that name, so both meet in one entity
    return entities.find_or_create(EntityType::Person, person_key(parse_person_name(name)), name);
}

// The entities this pass gave to party names, by the name as written. Cables name the same few
// senders and recipients in every header, and a look-up by name scans the entities (it compares
// lower(canonical_name), which no index holds): without this the pass grew with documents x
// entities (a 200,000-cable merge spent most of its time there). Nothing the pass does changes
// what a name resolves to once resolved: it adds no mentions, and an entity it creates for a
// name is what that name resolves to afterwards.
using PartyEntities = std::unordered_map<std::string, EntityId>;

// A party the text left unnamed as an entity (see party_entity_in_store).
void complete_party(ResolvedParty& resolved, const std::string& name, store::EntityStore& entities,
                    PartyEntities& resolved_before) {
    if (resolved.entity.valid())
        return;
    const auto [at, first_time] = resolved_before.try_emplace(name);
    if (first_time)
        at->second = party_entity_in_store(name, entities);
    resolved.entity = at->second;
}

} // namespace

namespace {

// What a worker makes of one document: its relation input, its parties as far as the text
// tells, and, when its document entity exists already, the relations other than the header's,
// recorded for the writer to replay in document order.
struct DocumentRelations {
    std::unique_ptr<Document> doc; // the input's views point into it
    std::vector<store::MentionRow> mention_rows;
    RelationDocumentInput input;
    std::unique_ptr<RelationAccumulator> recorded; // null: the writer reads them
    CooccurrenceStats stats;
};

struct RelationReading {
    const RelationPatternMatcher& matcher;
    const CooccurrenceLimits& limits;
    const std::unordered_set<std::int64_t>& rejected; // entity ids
};

// The relations a document's text and mentions give besides its header's, in the order one
// serial pass adds them.
void extract_body_relations(const RelationDocumentInput& input, const RelationReading& reading,
                            CooccurrenceStats& stats, RelationAccumulator& out) {
    extract_mention_relations(input, out);
    extract_cooccurrence(input, reading.limits, stats, out);
    extract_pattern_relations(input, reading.matcher, out);
}

// Reads only (the worker's own connection, or the writer's with one job).
DocumentRelations read_document(store::Project& project, DocumentId id,
                                const RelationReading& reading) {
    DocumentRelations item;
    auto doc = store::DocumentStore(project).get(id);
    if (!doc)
        return item;
    item.doc = std::make_unique<Document>(std::move(*doc));
    const Document& d = *item.doc;
    store::EntityStore entities(project);
    item.mention_rows = entities.mentions_in_document(d.id);
    auto& input = item.input;
    input.id = d.id;
    input.text = d.text;
    input.date = d.date;
    input.sentences = trimmed(d.text, split_sentences(d.text));
    input.paragraphs = trimmed(d.text, split_paragraphs(d.text));
    input.header_lines = find_header_lines(d.text, d.title);
    for (const auto& row : item.mention_rows)
        if (!reading.rejected.contains(row.mention.entity.value))
            input.mentions.push_back({row.mention.span, row.mention.entity, row.type});
    std::stable_sort(input.mentions.begin(), input.mentions.end(),
                     [](const SentenceMention& a, const SentenceMention& b) {
                         return a.span.start < b.span.start;
                     });
    for (const auto& party : d.parties)
        input.parties.push_back(resolve_party_in_text(party, d, input, item.mention_rows));
    if (const auto entity = entities.find_document_entity(d.id)) {
        input.document_entity = *entity;
        item.recorded = std::make_unique<RelationAccumulator>(RelationAccumulator::Recording{});
        extract_body_relations(input, reading, item.stats, *item.recorded);
    }
    return item;
}

void add_stats(CooccurrenceStats& into, const CooccurrenceStats& part) {
    for (const auto& [entity, n] : part.sentences_with)
        into.sentences_with[entity] += n;
    for (const auto& [entity, n] : part.paragraphs_with)
        into.paragraphs_with[entity] += n;
    into.sentences_skipped += part.sentences_skipped;
    into.paragraphs_skipped += part.paragraphs_skipped;
}

// The writer's part of a document, in document order: its document entity and the parties the
// text left open (both may create entities), the header relations, then the rest as recorded.
void write_document(DocumentRelations& item, store::EntityStore& entities,
                    const RelationReading& reading, CooccurrenceStats& stats,
                    RelationAccumulator& accumulator, PartyEntities& parties) {
    const Document& d = *item.doc;
    auto& input = item.input;
    input.document_entity =
        entities.document_entity(d.id, d.archive_ref.empty() ? d.title : d.archive_ref);
    for (std::size_t p = 0; p < input.parties.size(); ++p)
        complete_party(input.parties[p], d.parties[p].name, entities, parties);
    extract_header_relations(input, accumulator);
    if (item.recorded) {
        item.recorded->replay_into(accumulator);
        add_stats(stats, item.stats);
    } else {
        extract_body_relations(input, reading, stats, accumulator);
    }
}

// The relations rebuilt, without the replay of the corrections that follows. `jobs` threads
// read the documents (ordered_parallel.h); the writer adds their relations in document order.
RelationExtractionSummary rebuild_relations(store::Project& project, const RelationRuleSet& rules,
                                            const CooccurrenceLimits& limits,
                                            const JobControl& control, unsigned jobs = 1) {
    RelationExtractionSummary summary;
    store::DocumentStore documents(project);
    store::EntityStore entities(project);
    store::RelationStore relations(project);
    const RelationPatternMatcher matcher(rules);
    RelationAccumulator accumulator;
    CooccurrenceStats stats;
    PartyEntities parties;
    std::unordered_set<std::int64_t> rejected;
    for (const auto id : entities.rejected_ids())
        rejected.insert(id.value);
    const RelationReading reading{matcher, limits, rejected};
    store::ThreadReaders readers(project.path());

    store::Transaction transaction(project);
    const auto ids = documents.ids();
    ProgressReporter progress(control);
    auto read = [&](std::size_t i) {
        if (control.cancelled())
            return DocumentRelations{};
        return read_document(jobs <= 1 ? project : readers.here(), ids[i], reading);
    };
    auto write = [&](std::size_t i, DocumentRelations item) {
        if (control.cancelled()) {
            summary.cancelled = true;
            return false;
        }
        if (item.doc) {
            write_document(item, entities, reading, stats, accumulator, parties);
            ++summary.documents;
        }
        const JobProgress step{i + 1, ids.size(), "relations"};
        if (i + 1 == ids.size())
            progress.report_now(step);
        else
            progress.report(step);
        return true;
    };
    for_each_in_order(ids.size(), jobs, read, write);
    if (summary.cancelled)
        return summary; // the transaction rolls back
    apply_cooccurrence_specificity(stats, accumulator);
    auto result = accumulator.take();
    summary.relations = result.size();
    for (const auto& r : result)
        summary.evidence += r.evidence.size();
    summary.sentences_over_limit = stats.sentences_skipped;
    summary.paragraphs_over_limit = stats.paragraphs_skipped;
    relations.replace_extracted(result);
    transaction.commit();
    return summary;
}

} // namespace

namespace detail {

RelationExtractionSummary rebuild_relations_unreplayed(store::Project& project,
                                                       const JobControl& control, unsigned jobs) {
    auto path = project.setting(kRelationRulesSetting);
    const auto rules = load_relation_rules(path.empty() ? default_relation_rules_path()
                                                        : std::filesystem::path(path));
    return rebuild_relations(project, rules, CooccurrenceLimits{}, control, jobs);
}

} // namespace detail

RelationExtractionSummary run_relation_extraction(store::Project& project,
                                                  const JobControl& control) {
    auto path = project.setting(kRelationRulesSetting);
    const auto rules = load_relation_rules(path.empty() ? default_relation_rules_path()
                                                        : std::filesystem::path(path));
    return run_relation_extraction(project, rules, CooccurrenceLimits{}, control);
}

RelationExtractionSummary run_relation_extraction(store::Project& project,
                                                  const RelationRuleSet& rules,
                                                  const CooccurrenceLimits& limits,
                                                  const JobControl& control) {
    auto summary = rebuild_relations(project, rules, limits, control);
    if (!summary.cancelled)                 // a cancel rolled the pass back: nothing to replay over
        curation::replay_curation(project); // removed relations stay removed, added ones return
    return summary;
}

} // namespace dossier::extract
