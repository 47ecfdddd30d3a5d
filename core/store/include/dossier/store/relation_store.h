#pragma once
// Relations and their evidence rows. Extraction replaces its own rows (origin 'extract') in one
// go; rows an analyst made (origin 'curation') are never touched by it.
#include "dossier/model/entity_type.h"
#include "dossier/model/relation.h"
#include "dossier/store/project.h"

#include <optional>
#include <string>
#include <vector>

namespace dossier::store {

// A relation with the names of its two ends, for listings.
struct RelationRow {
    Relation relation;
    std::string origin; // extract | curation
    std::string source_name;
    EntityType source_type = EntityType::Person;
    std::string target_name;
    EntityType target_type = EntityType::Person;
};

class RelationStore {
public:
    explicit RelationStore(Project& project) : project_(project) {}

    // Deletes every relation with origin 'extract' (their evidence goes with them) and inserts
    // `relations` in their place. The caller owns the transaction.
    void replace_extracted(const std::vector<Relation>& relations);
    RelationId insert(const Relation& relation, const std::string& origin = "extract");

    std::optional<RelationRow> get(RelationId id); // with evidence
    // Ordered by type, then weight (highest first), then id; `type` empty means every type.
    std::vector<RelationRow> list(const std::string& type = {}, bool with_evidence = true);
    std::size_t count(const std::string& origin = {});

private:
    std::vector<Evidence> evidence_of(RelationId id);
    void write_extracted(const std::vector<Relation>& relations); // replace_extracted's inserts
    Project& project_;
};

} // namespace dossier::store
