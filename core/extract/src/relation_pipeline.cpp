#include "dossier/extract/relation_pipeline.h"

#include "dossier/curation/replay.h"
#include "dossier/extract/name_key.h"
#include "dossier/extract/relation_spans.h"
#include "dossier/extract/sentences.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>

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

// A header party as an entity: the mention that names it (in the header first), else the
// entity of that name, else a new entity, so every sender and recipient becomes an edge.
ResolvedParty resolve_party(const DocumentParty& party, const Document& doc,
                            const RelationDocumentInput& input,
                            const std::vector<store::MentionRow>& mentions,
                            store::EntityStore& entities) {
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
    if (!resolved.entity.valid()) {
        if (auto found = entities.find_by_name(name); found.entity)
            resolved.entity = found.entity->id;
        else if (looks_like_organization(name))
            resolved.entity = entities.find_or_create(EntityType::Organization,
                                                      "org:" + normalize_name(name), name);
        else // the key extraction gives a person of that name, so both meet in one entity
            resolved.entity = entities.find_or_create(EntityType::Person,
                                                      person_key(parse_person_name(name)), name);
    }
    return resolved;
}

} // namespace

namespace {

// The relations rebuilt, without the replay of the corrections that follows.
RelationExtractionSummary rebuild_relations(store::Project& project, const RelationRuleSet& rules,
                                            const CooccurrenceLimits& limits,
                                            const Progress& progress, std::atomic<bool>* cancel) {
    RelationExtractionSummary summary;
    store::DocumentStore documents(project);
    store::EntityStore entities(project);
    store::RelationStore relations(project);
    const RelationPatternMatcher matcher(rules);
    RelationAccumulator accumulator;
    CooccurrenceStats stats;
    std::unordered_map<std::int64_t, bool> rejected; // entity id -> rejected, looked up once

    store::Transaction transaction(project);
    const auto ids = documents.ids();
    auto last_report = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            return summary; // the transaction rolls back
        }
        auto doc = documents.get(ids[i]);
        if (!doc)
            continue;
        const auto mention_rows = entities.mentions_in_document(doc->id);
        RelationDocumentInput input;
        input.id = doc->id;
        input.text = doc->text;
        input.date = doc->date;
        input.document_entity = entities.document_entity(
            doc->id, doc->archive_ref.empty() ? doc->title : doc->archive_ref);
        input.sentences = trimmed(doc->text, split_sentences(doc->text));
        input.paragraphs = trimmed(doc->text, split_paragraphs(doc->text));
        input.header_lines = find_header_lines(doc->text, doc->title);
        for (const auto& row : mention_rows) {
            auto [it, fresh] = rejected.try_emplace(row.mention.entity.value, false);
            if (fresh) {
                auto entity = entities.get(row.mention.entity);
                it->second = !entity || entity->rejected;
            }
            if (!it->second)
                input.mentions.push_back({row.mention.span, row.mention.entity, row.type});
        }
        std::stable_sort(input.mentions.begin(), input.mentions.end(),
                         [](const SentenceMention& a, const SentenceMention& b) {
                             return a.span.start < b.span.start;
                         });
        for (const auto& party : doc->parties)
            input.parties.push_back(resolve_party(party, *doc, input, mention_rows, entities));

        extract_header_relations(input, accumulator);
        extract_mention_relations(input, accumulator);
        extract_cooccurrence(input, limits, stats, accumulator);
        extract_pattern_relations(input, matcher, accumulator);
        ++summary.documents;

        const auto now = std::chrono::steady_clock::now();
        if (progress &&
            (now - last_report > std::chrono::milliseconds(250) || i + 1 == ids.size())) {
            progress(i + 1, ids.size());
            last_report = now;
        }
    }
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
                                                       std::atomic<bool>* cancel) {
    auto path = project.setting(kRelationRulesSetting);
    const auto rules = load_relation_rules(path.empty() ? default_relation_rules_path()
                                                        : std::filesystem::path(path));
    return rebuild_relations(project, rules, CooccurrenceLimits{}, {}, cancel);
}

} // namespace detail

RelationExtractionSummary run_relation_extraction(store::Project& project, const Progress& progress,
                                                  std::atomic<bool>* cancel) {
    auto path = project.setting(kRelationRulesSetting);
    const auto rules = load_relation_rules(path.empty() ? default_relation_rules_path()
                                                        : std::filesystem::path(path));
    return run_relation_extraction(project, rules, CooccurrenceLimits{}, progress, cancel);
}

RelationExtractionSummary run_relation_extraction(store::Project& project,
                                                  const RelationRuleSet& rules,
                                                  const CooccurrenceLimits& limits,
                                                  const Progress& progress,
                                                  std::atomic<bool>* cancel) {
    auto summary = rebuild_relations(project, rules, limits, progress, cancel);
    if (!summary.cancelled)                 // a cancel rolled the pass back: nothing to replay over
        curation::replay_curation(project); // removed relations stay removed, added ones return
    return summary;
}

} // namespace dossier::extract
