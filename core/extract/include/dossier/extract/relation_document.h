#pragma once
// Relations read from one document, a pure step: the document's header (addressed_to, sent_by,
// signed_by), what it mentions and refers to, co-occurrence per sentence and per paragraph, and
// the typed relations of the rules file. The pipeline (relation_pipeline.h) feeds it from the
// store; tests feed it directly.
#include "dossier/extract/relation_accumulator.h"
#include "dossier/extract/relation_patterns.h"
#include "dossier/model/document.h"

#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace dossier::extract {

// A party of the document's header resolved to an entity, with where it is named (both spans
// empty when the name does not occur in the text).
struct ResolvedParty {
    DocumentParty::Role role = DocumentParty::Role::Recipient;
    EntityId entity;
    Span line;
    Span name;
};

struct RelationDocumentInput {
    DocumentId id;
    EntityId document_entity; // the entity standing for this document
    std::string_view text;
    PartialDate date;
    std::vector<Span> sentences;
    std::vector<Span> paragraphs;
    std::vector<Span> header_lines;        // not prose: co-occurrence skips them
    std::vector<SentenceMention> mentions; // sorted by start
    std::vector<ResolvedParty> parties;
};

// Bounds on co-occurrence: a unit naming more distinct entities than this is a list (an index,
// a distribution list), not prose, and contributes no pairs; it still counts for specificity.
struct CooccurrenceLimits {
    std::size_t max_entities_per_sentence = 30;
    std::size_t max_entities_per_paragraph = 50;
};

// Per-unit entity counts over the whole corpus, for the Jaccard specificity of co-occurrence.
struct CooccurrenceStats {
    std::map<std::int64_t, std::size_t> sentences_with;  // entity id -> sentences naming it
    std::map<std::int64_t, std::size_t> paragraphs_with; // entity id -> paragraphs naming it
    std::size_t sentences_skipped = 0;                   // over the limit
    std::size_t paragraphs_skipped = 0;                  // over the limit
};

// Lines of the header: lines before the first long prose line (at most the first 40) that are
// all capitals, start with a header keyword (To, From, Re:, Subject:, ...), or repeat the
// document's title (a TEI head). See docs/RULES.md.
std::vector<Span> find_header_lines(std::string_view text, std::string_view title = {});

// The country the document speaks for: the country mentioned most often in the header lines
// (earliest on a tie); nullopt when the header names none.
std::optional<SentenceMention> find_origin_country(const RelationDocumentInput& input);

void extract_header_relations(const RelationDocumentInput& input, RelationAccumulator& out);
void extract_mention_relations(const RelationDocumentInput& input, RelationAccumulator& out);
void extract_cooccurrence(const RelationDocumentInput& input, const CooccurrenceLimits& limits,
                          CooccurrenceStats& stats, RelationAccumulator& out);
void extract_pattern_relations(const RelationDocumentInput& input,
                               const RelationPatternMatcher& matcher, RelationAccumulator& out);

// Sets each co-occurrence relation's specificity to the Jaccard index of its two entities'
// units: n(a and b) / (n(a) + n(b) - n(a and b)), in [0, 1].
void apply_cooccurrence_specificity(const CooccurrenceStats& stats, RelationAccumulator& relations);

} // namespace dossier::extract
