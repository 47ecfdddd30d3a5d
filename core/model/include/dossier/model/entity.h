#pragma once
#include "dossier/model/document.h"
#include "dossier/model/entity_type.h"
#include "dossier/model/ids.h"

#include <string>
#include <vector>

namespace dossier {

// How a mention was found; stored with every mention so an analyst can weigh it.
enum class MentionMethod { Authority, Gazetteer, Rule, SourceAnnotation, Curation };
std::string_view to_string(MentionMethod method);
MentionMethod parse_mention_method(std::string_view text);

struct Entity {
    EntityId id;
    EntityType type = EntityType::Person;
    std::string canonical_name;
    std::string key;          // normalised identity key used to merge variants
    std::string authority_id; // external id from an authority file, if linked
    std::vector<std::string> aliases;
    bool rejected = false; // an analyst marked it "not an entity"
};

struct Mention {
    MentionId id;
    DocumentId document;
    Span span;
    EntityId entity;
    MentionMethod method = MentionMethod::Rule;
    double confidence = 1.0;
    std::string surface; // the exact text of the span
};

} // namespace dossier
