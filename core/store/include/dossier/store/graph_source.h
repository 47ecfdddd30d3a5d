#pragma once
// Bulk reads for the graph core: every entity and relation in a few large queries, with the
// filters that SQL answers cheaply (rejected, minimum weight, documents by date / FTS / id).
// Also the evidence sentences of chosen relations, and a plain insert API used by tests and the
// benchmark to write synthetic projects without the extraction pipeline.
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"
#include "dossier/store/project.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::store {

struct GraphSourceEntity {
    EntityId id;
    EntityType type = EntityType::Person;
    std::string name;
    std::uint32_t alias_count = 0;
    std::uint32_t mention_count = 0;
    bool rejected = false;
};

// An ISO date at its precision ("1980", "1980-10", "1980-10-02") or empty, held inline in 11
// bytes: half a million relations carry two dates each, in the graph source and again in every
// snapshot edge, and two std::string members (32 bytes each) made each of them 40 bytes larger:
// memory the build has to fault in, fill and free. Longer text than a day-precision date is cut
// to its first ten characters, the day.
class IsoDateText {
public:
    IsoDateText() = default;
    explicit IsoDateText(std::string_view iso) { assign(iso); }
    void assign(std::string_view iso) {
        size_ = static_cast<std::uint8_t>(std::min(iso.size(), chars_.size()));
        std::copy_n(iso.data(), size_, chars_.data());
    }
    std::string_view view() const { return {chars_.data(), size_}; }
    // Reads as text wherever a string_view is taken (assigning to a std::string included).
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    bool operator==(const IsoDateText& other) const { return view() == other.view(); }
    friend bool operator==(const IsoDateText& date, std::string_view text) {
        return date.view() == text;
    }
    friend std::ostream& operator<<(std::ostream& out, const IsoDateText& date) {
        return out << date.view();
    }

private:
    std::array<char, 10> chars_{};
    std::uint8_t size_ = 0;
};

struct GraphSourceRelation {
    RelationId id;
    EntityId source;
    EntityId target;
    double weight = 1.0;
    std::uint32_t type = 0; // index into GraphSource::relation_types
    bool directed = true;
    IsoDateText first_date; // ISO at its precision, or empty
    IsoDateText last_date;
};

struct GraphSource {
    std::vector<GraphSourceEntity> entities;    // ordered by id
    std::vector<GraphSourceRelation> relations; // ordered by id
    std::vector<std::string> relation_types;    // interned type names
};

// What the store can filter before anything reaches memory. Empty / zero means "no limit".
struct GraphSourceQuery {
    bool include_rejected = false;
    double min_weight = 0.0;
    // Document subset: a relation is kept when at least one of its evidence documents is in the
    // subset. Dates are ISO at any precision; a partial document date counts as the whole
    // period it names (a document dated "1980" matches the range 1980-06..1981).
    std::string date_from;
    std::string date_to;
    std::string fts_query; // FTS5 syntax over documents_fts; a malformed query throws StoreError
    std::vector<DocumentId> document_ids;

    bool restricts_documents() const {
        return !date_from.empty() || !date_to.empty() || !fts_query.empty() ||
               !document_ids.empty();
    }
};

GraphSource load_graph_source(Project& project, const GraphSourceQuery& query = {});

// The relations the query's document subset admits (date range, full text, document ids; its
// other fields are ignored), sorted by id: what load_graph_source keeps when the query
// restricts documents. An empty subset gives no relations; a query that restricts no documents
// gives none either (ask restricts_documents() first). The explorer keeps the whole source in
// memory and asks this when its date range changes.
std::vector<RelationId> relations_in_document_subset(Project& project,
                                                     const GraphSourceQuery& query);

// Names and aliases of every entity, for name lookup (exact, alias, case-insensitive, close).
struct EntityName {
    EntityId id;
    EntityType type = EntityType::Person;
    std::string name;
    bool is_alias = false;
    bool rejected = false;
};
std::vector<EntityName> load_entity_names(Project& project);

// One quoted sentence behind a relation: the sentence bytes are cut from documents.text by the
// evidence's byte span, so it needs nothing but the evidence row.
struct EvidenceSentence {
    RelationId relation;
    DocumentId document;
    std::string document_title;
    std::string document_date; // ISO at its precision, or empty
    std::uint32_t sentence_start = 0;
    std::uint32_t sentence_end = 0;
    int page = 0; // 1-based page for paged sources, 0 when unknown
    std::string sentence;
};
// Evidence of the given relations, in relation order then document order.
std::vector<EvidenceSentence> load_evidence(Project& project,
                                            std::span<const RelationId> relations);

// Plain writers for synthetic projects (tests, benchmark). The caller owns the transaction.
class GraphSourceWriter {
public:
    explicit GraphSourceWriter(Project& project) : project_(project) {}
    EntityId add_entity(EntityType type, const std::string& name, bool rejected = false);
    void add_alias(EntityId entity, const std::string& alias);
    void add_mention(EntityId entity, DocumentId document, std::uint32_t start, std::uint32_t end);
    RelationId add_relation(const std::string& type, EntityId source, EntityId target,
                            bool directed, double weight, const std::string& first_date = {},
                            const std::string& last_date = {});
    void add_evidence(RelationId relation, DocumentId document, std::uint32_t sentence_start,
                      std::uint32_t sentence_end);

private:
    Project& project_;
};

} // namespace dossier::store
