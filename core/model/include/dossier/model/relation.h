#pragma once
#include "dossier/model/date.h"
#include "dossier/model/document.h"
#include "dossier/model/ids.h"

#include <string>
#include <vector>

namespace dossier {

// Where a relation was read: the sentence and the span of each argument, all in one document.
struct Evidence {
    DocumentId document;
    Span sentence;
    Span source_span; // may be empty (0,0) for header-derived relations
    Span target_span;
};

// Relation types are open strings so a user's rules file can add new ones; these are built in.
namespace relation_types {
inline constexpr const char* kAddressedTo = "addressed_to";
inline constexpr const char* kSentBy = "sent_by";
inline constexpr const char* kSignedBy = "signed_by";
inline constexpr const char* kRefersTo = "refers_to";
inline constexpr const char* kMentions = "mentions";
inline constexpr const char* kCoOccursSentence = "co_occurs_sentence";
inline constexpr const char* kCoOccursParagraph = "co_occurs_paragraph";
} // namespace relation_types

struct Relation {
    RelationId id;
    std::string type;
    EntityId source;
    EntityId target;
    bool directed = true;
    double weight = 1.0;
    double specificity = 0.0; // PMI / Jaccard for co-occurrence; 0 otherwise
    PartialDate first_date;
    PartialDate last_date;
    double confidence = 1.0;
    std::string method; // "header", "pattern:<rule id>", "cooccurrence", "curation"
    std::vector<Evidence> evidence;
};

} // namespace dossier
