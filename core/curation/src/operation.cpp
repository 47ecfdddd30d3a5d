#include "dossier/curation/operation.h"

namespace dossier::curation {
namespace {

nlohmann::json mention_json(const MentionRef& m) {
    return {{"document", m.document_sha256}, {"start", m.span.start}, {"end", m.span.end}};
}

} // namespace

Operation merge_op(const EntityRef& from, const EntityRef& into, const std::string& name) {
    nlohmann::json p{{"from", to_json(from)}, {"into", to_json(into)}};
    if (!name.empty())
        p["name"] = name;
    return {"merge", std::move(p)};
}

Operation split_op(const EntityRef& entity, const std::string& alias,
                   const std::vector<MentionRef>& mentions, const std::string& name) {
    const std::string new_name = name.empty() ? alias : name;
    if (new_name.empty())
        throw CurationError("split needs --name when only mentions are chosen");
    nlohmann::json chosen = nlohmann::json::array();
    for (const auto& m : mentions)
        chosen.push_back(mention_json(m));
    // The new entity's key is fixed here, so every replay finds the same entity again.
    return {"split",
            {{"entity", to_json(entity)},
             {"alias", alias},
             {"mentions", chosen},
             {"name", new_name},
             {"new_key", "curation:" + fold(new_name)}}};
}

Operation rename_op(const EntityRef& entity, const std::string& name) {
    if (name.empty())
        throw CurationError("rename needs a non-empty name");
    return {"rename", {{"entity", to_json(entity)}, {"name", name}}};
}

Operation retype_op(const EntityRef& entity, EntityType type) {
    return {"retype", {{"entity", to_json(entity)}, {"type", std::string(to_string(type))}}};
}

Operation reject_op(const EntityRef& entity) {
    return {"reject", {{"entity", to_json(entity)}}};
}

Operation relate_op(const EntityRef& source, const EntityRef& target, const std::string& type,
                    const std::string& note, const std::optional<MentionRef>& cited) {
    if (type.empty())
        throw CurationError("relate needs a relation type");
    nlohmann::json p{
        {"source", to_json(source)}, {"target", to_json(target)}, {"type", type}, {"note", note}};
    if (cited)
        p["cited"] = mention_json(*cited);
    return {"relate", std::move(p)};
}

Operation unrelate_op(const RelationRef& relation) {
    return {"unrelate", {{"relation", to_json(relation)}}};
}

Operation note_entity_op(const EntityRef& entity, const std::string& text) {
    return {"note", {{"entity", to_json(entity)}, {"text", text}}};
}

Operation note_relation_op(const RelationRef& relation, const std::string& text) {
    return {"note", {{"relation", to_json(relation)}, {"text", text}}};
}

} // namespace dossier::curation
