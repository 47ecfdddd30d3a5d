#pragma once
// Finding an entity by what a user typed: exact canonical name, then alias, then the same
// case-insensitively, then close matches by edit distance for the error message
// ("no entity named 'Brezhnew'; did you mean: Brezhnev (person)?").
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"

#include <optional>
#include <string>
#include <vector>

namespace dossier::graph {

struct EntityMatch {
    EntityId id;
    std::string name; // canonical name
    EntityType type = EntityType::Person;
};

struct LookupResult {
    std::vector<EntityMatch> matches;     // several when the name is ambiguous
    std::vector<EntityMatch> suggestions; // close matches, when there is no match
    bool found() const { return !matches.empty(); }
    // One line for the user when not found: "no entity named 'X'; did you mean: A (person), B
    // (country)?" or "no entity named 'X'" when nothing is close.
    std::string not_found_message(const std::string& query) const;
};

class EntityLookup {
public:
    explicit EntityLookup(std::vector<store::EntityName> names);
    static EntityLookup load(store::Project& project) {
        return EntityLookup(store::load_entity_names(project));
    }

    LookupResult find(const std::string& query, std::size_t max_suggestions = 3) const;

private:
    std::vector<store::EntityName> names_;
    std::vector<std::string> folded_; // case-folded names, same order
};

// Levenshtein distance over Unicode code points.
std::size_t edit_distance(const std::string& a, const std::string& b);
// Lower-case for ASCII, Latin-1 and Cyrillic letters; other characters unchanged.
std::string fold_case(const std::string& text);

} // namespace dossier::graph
