#pragma once
// The analyst's operations, as the payloads stored in curation records. Build them with these
// functions from the references of the current entities (entity_ref.h); CurationService applies
// them and replay_curation re-applies them after extraction reruns.
#include "dossier/curation/entity_ref.h"
#include "dossier/model/document.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::curation {

struct Operation {
    std::string op; // merge, split, rename, retype, reject, relate, unrelate, note
    nlohmann::json payload;
};

// A mention named by what is the same in every project of one corpus.
struct MentionRef {
    std::string document_sha256;
    Span span;
};

// `from` joins `into`: its mentions and aliases move, its name becomes an alias; `name`, when
// given, becomes the survivor's canonical name.
Operation merge_op(const EntityRef& from, const EntityRef& into, const std::string& name = {});
// The mentions whose text is `alias` (and the alias itself) and the chosen mentions move to a
// new entity named `name` (the alias when empty) of the same type.
Operation split_op(const EntityRef& entity, const std::string& alias,
                   const std::vector<MentionRef>& mentions, const std::string& name);
Operation rename_op(const EntityRef& entity, const std::string& name);
Operation retype_op(const EntityRef& entity, EntityType type);
// Not an entity: it leaves the graph and the entity lists, its mentions stay, marked rejected.
Operation reject_op(const EntityRef& entity);
// A relation made by the analyst, with a note and, when given, the passage that supports it.
Operation relate_op(const EntityRef& source, const EntityRef& target, const std::string& type,
                    const std::string& note, const std::optional<MentionRef>& cited);
Operation unrelate_op(const RelationRef& relation);
Operation note_entity_op(const EntityRef& entity, const std::string& text);
Operation note_relation_op(const RelationRef& relation, const std::string& text);

// The operation cannot be applied to the project as it is now (an entity vanished, nothing to
// split, no such relation). The message is one line for the user.
class NotApplicable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A bad request (unknown operation, malformed payload, merging an entity with itself).
class CurationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace dossier::curation
