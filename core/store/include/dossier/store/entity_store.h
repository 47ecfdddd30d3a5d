#pragma once
// Entities, their aliases and their mentions. Extraction writes here; the graph, the CLI and the
// GUI read. Entities have an origin: 'extract' (found by extraction, cleared when it reruns),
// 'document' (one per imported document, stable), 'authority' (seeded from an authority file)
// and 'curation' (made by an analyst).
#include "dossier/model/entity.h"
#include "dossier/store/project.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier::store {

struct EntitySummary {
    EntityId id;
    EntityType type = EntityType::Person;
    std::string canonical_name;
    std::string key; // normalised identity key (Entity::key)
    std::string authority_id;
    std::vector<std::string> aliases;
    std::int64_t mentions = 0;
    std::int64_t documents = 0;
    std::string first_date; // ISO, from the dates of the documents that mention it; may be empty
    std::string last_date;
    DocumentId document; // for document entities of an imported document
};

// A mention with what it points to, as readers want it.
struct MentionRow {
    Mention mention;
    EntityType type = EntityType::Person;
    std::string canonical_name;
};

struct EntityLookup {
    std::optional<Entity> entity; // the exact or alias match (the most mentioned one if several)
    std::vector<Entity> close;    // close matches for "did you mean", best first
};

class EntityStore {
public:
    explicit EntityStore(Project& project) : project_(project) {}

    // Removes every mention and every entity of origin 'extract' (with aliases and, through
    // foreign keys, their relations). Document and authority entities stay. Caller owns the
    // transaction.
    void clear_extraction();
    // Removes the mentions of these documents only (incremental extraction of new documents).
    void clear_mentions(const std::vector<DocumentId>& documents);
    // Removes 'extract' entities that no mention, relation or document points to any more.
    std::size_t remove_orphans();

    // The entity of this (type, key), created with `canonical_name` and `origin` when missing.
    EntityId find_or_create(EntityType type, const std::string& key,
                            const std::string& canonical_name,
                            const std::string& origin = "extract");
    std::optional<EntityId> find(EntityType type, const std::string& key);
    // The document entity of an imported document (created with its title when missing).
    EntityId document_entity(DocumentId document, const std::string& title);
    // The same without creating it (for a read-only connection); nullopt when it is missing.
    std::optional<EntityId> find_document_entity(DocumentId document);
    // Ids of the entities an analyst rejected.
    std::vector<EntityId> rejected_ids();
    void set_authority_id(EntityId entity, const std::string& authority_id);
    void set_canonical_name(EntityId entity, const std::string& name);
    // Ignored when the alias is already recorded for the entity.
    void add_alias(EntityId entity, const std::string& alias, const std::string& key,
                   const std::string& source = "extract");
    // Moves mentions and aliases of `from` to `into` and deletes `from` (identity resolution).
    void merge_into(EntityId from, EntityId into);
    void insert_mentions(const std::vector<Mention>& mentions);

    std::optional<Entity> get(EntityId id);
    // Exact canonical name (case-insensitive), then alias, then close matches by edit distance.
    EntityLookup find_by_name(const std::string& name);
    std::vector<EntitySummary> list(std::optional<EntityType> type = std::nullopt);
    std::vector<MentionRow> mentions_in_document(DocumentId document);
    std::vector<MentionRow> mentions_of(EntityId entity);
    std::vector<MentionRow> all_mentions();
    std::size_t count();

private:
    Project& project_;
};

} // namespace dossier::store
