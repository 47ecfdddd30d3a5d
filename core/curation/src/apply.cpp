#include "apply.h"

#include "dossier/curation/entity_ref.h"
#include "dossier/curation/operation.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"

#include <algorithm>
#include <set>

namespace dossier::curation::detail {
namespace {

using nlohmann::json;

template <class IdT> json ids_json(const std::vector<IdT>& ids) {
    json out = json::array();
    for (auto id : ids)
        out.push_back(id.value);
    return out;
}

template <class IdT> std::vector<IdT> ids_from(const json& j) {
    std::vector<IdT> out;
    for (const auto& v : j)
        out.push_back(IdT{v.get<std::int64_t>()});
    return out;
}

json entity_row_json(const store::EntityRow& row) {
    return {{"id", row.id.value},
            {"type", std::string(to_string(row.type))},
            {"name", row.canonical_name},
            {"key", row.key},
            {"authority_id", row.authority_id},
            {"document_id", row.document_id},
            {"rejected", row.rejected},
            {"origin", row.origin}};
}

store::EntityRow entity_row_from(const json& j) {
    store::EntityRow row;
    row.id = EntityId{j.at("id").get<std::int64_t>()};
    row.type = parse_entity_type(j.at("type").get<std::string>()).value_or(EntityType::Person);
    row.canonical_name = j.at("name").get<std::string>();
    row.key = j.at("key").get<std::string>();
    row.authority_id = j.value("authority_id", std::string{});
    row.document_id = j.value("document_id", std::int64_t{0});
    row.rejected = j.value("rejected", false);
    row.origin = j.value("origin", std::string{"extract"});
    return row;
}

json alias_json(const store::AliasRow& a) {
    return {{"alias", a.alias}, {"key", a.key}, {"source", a.source}};
}

store::AliasRow alias_from(const json& j) {
    return {j.at("alias").get<std::string>(), j.at("key").get<std::string>(),
            j.at("source").get<std::string>()};
}

// The entity a reference means now, or NotApplicable naming it.
EntityId require(store::CurationStore& store, const json& ref_json) {
    const auto ref = entity_ref_from_json(ref_json);
    if (auto id = resolve(store, ref))
        return *id;
    throw NotApplicable("entity " + describe(ref) + " no longer found");
}

std::optional<DocumentId> document_of(store::CurationStore& store, const json& mention) {
    return store.document_by_hash(mention.at("document").get<std::string>());
}

// ---------------------------------------------------------------- merge

std::optional<json> apply_merge(store::Project& project, const json& p) {
    store::CurationStore store(project);
    const EntityId from = require(store, p.at("from"));
    const EntityId into = require(store, p.at("into"));
    const std::string name = p.value("name", std::string{});
    auto into_row = *store.entity(into);
    if (from == into) {
        if (name.empty() || into_row.canonical_name == name)
            return std::nullopt; // merged already
        json before{{"into", into.value},
                    {"into_name", into_row.canonical_name},
                    {"name", name},
                    {"from", nullptr}};
        store::EntityStore(project).set_canonical_name(into, name);
        return before;
    }
    const auto from_row = *store.entity(from);
    json before{{"into", into.value},
                {"into_name", into_row.canonical_name},
                {"name", name},
                {"from", entity_row_json(from_row)}};
    json from_aliases = json::array();
    for (const auto& a : store.aliases(from))
        from_aliases.push_back(alias_json(a));
    before["from_aliases"] = from_aliases;
    json into_aliases = json::array();
    for (const auto& a : store.aliases(into))
        into_aliases.push_back(a.alias);
    before["into_aliases"] = into_aliases;
    std::vector<MentionId> mentions;
    for (const auto& m : store.mentions(from))
        mentions.push_back(m.id);
    before["mentions"] = ids_json(mentions);
    before["relations_from"] = ids_json(store.relations_from(from));
    before["relations_to"] = ids_json(store.relations_to(from));

    store::EntityStore(project).merge_into(from, into);
    // The merged name stays findable: it resolves this record's `from` on the next replay, and
    // a user can still type it.
    // merge_into moved the name over as an extraction alias; mark it as the analyst's.
    store.remove_alias(into, from_row.canonical_name);
    store.add_alias(into, {from_row.canonical_name, fold(from_row.canonical_name), "curation"});
    if (!name.empty() && name != into_row.canonical_name) {
        store.add_alias(into, {into_row.canonical_name, fold(into_row.canonical_name), "curation"});
        store::EntityStore(project).set_canonical_name(into, name);
    }
    return before;
}

void undo_merge(store::Project& project, const json& b) {
    store::CurationStore store(project);
    const EntityId into{b.at("into").get<std::int64_t>()};
    const std::string name = b.value("name", std::string{});
    if (auto now = store.entity(into); now && !name.empty() && now->canonical_name == name)
        store::EntityStore(project).set_canonical_name(into, b.at("into_name").get<std::string>());
    if (b.at("from").is_null())
        return;
    auto from_row = entity_row_from(b.at("from"));
    if (store.entity(from_row.id))
        from_row.id = EntityId{}; // its id was taken meanwhile: restore under a new one
    const EntityId from = store.insert_entity(from_row);
    std::set<std::string> into_had;
    for (const auto& a : b.at("into_aliases"))
        into_had.insert(a.get<std::string>());
    for (const auto& a : b.at("from_aliases")) {
        auto alias = alias_from(a);
        if (!into_had.count(alias.alias))
            store.remove_alias(into, alias.alias);
        store.add_alias(from, alias);
    }
    for (const auto& added : {from_row.canonical_name, b.at("into_name").get<std::string>()})
        if (!into_had.count(added) && added != name)
            store.remove_alias(into, added);
    store.move_mentions(ids_from<MentionId>(b.at("mentions")), from);
    store.set_relation_source(ids_from<RelationId>(b.at("relations_from")), from);
    store.set_relation_target(ids_from<RelationId>(b.at("relations_to")), from);
}

// ---------------------------------------------------------------- split

std::optional<json> apply_split(store::Project& project, const json& p, bool replaying) {
    store::CurationStore store(project);
    const EntityId entity = require(store, p.at("entity"));
    const auto row = *store.entity(entity);
    const std::string alias = p.value("alias", std::string{});
    const std::string folded_alias = fold(alias);
    std::set<std::tuple<std::int64_t, std::uint32_t, std::uint32_t>> chosen;
    for (const auto& m : p.at("mentions"))
        if (auto doc = document_of(store, m))
            chosen.insert(
                {doc->value, m.at("start").get<std::uint32_t>(), m.at("end").get<std::uint32_t>()});

    std::vector<MentionId> moved;
    for (const auto& m : store.mentions(entity))
        if ((!folded_alias.empty() && fold(m.surface) == folded_alias) ||
            chosen.count({m.document.value, m.span.start, m.span.end}))
            moved.push_back(m.id);
    std::vector<store::AliasRow> moved_aliases;
    if (!folded_alias.empty())
        for (const auto& a : store.aliases(entity))
            if (fold(a.alias) == folded_alias)
                moved_aliases.push_back(a);

    const std::string new_key = p.at("new_key").get<std::string>();
    auto existing = store.find_by_key(std::nullopt, new_key);
    if (moved.empty() && moved_aliases.empty()) {
        if (replaying && existing)
            return std::nullopt; // split already
        throw NotApplicable("nothing to split: no mention or alias '" + alias + "' of '" +
                            row.canonical_name + "'");
    }

    bool created = false;
    EntityId target;
    if (existing) {
        target = *existing;
    } else {
        store::EntityRow fresh;
        fresh.type = row.type;
        fresh.canonical_name = p.at("name").get<std::string>();
        fresh.key = new_key;
        fresh.origin = "curation"; // survives re-extraction; replay refills it
        target = store.insert_entity(fresh);
        created = true;
    }
    store.move_mentions(moved, target);
    json aliases = json::array();
    for (const auto& a : moved_aliases) {
        store.remove_alias(entity, a.alias);
        store.add_alias(target, a);
        aliases.push_back(alias_json(a));
    }
    if (!alias.empty())
        store.add_alias(target, {alias, folded_alias, "curation"});
    return json{{"entity", entity.value},
                {"new_entity", target.value},
                {"created", created},
                {"mentions", ids_json(moved)},
                {"aliases", aliases}};
}

void undo_split(store::Project& project, const json& b) {
    store::CurationStore store(project);
    const EntityId entity{b.at("entity").get<std::int64_t>()};
    const EntityId target{b.at("new_entity").get<std::int64_t>()};
    if (!store.entity(entity))
        throw CurationError("the entity it was split from is gone; re-run extraction instead");
    store.move_mentions(ids_from<MentionId>(b.at("mentions")), entity);
    for (const auto& a : b.at("aliases")) {
        auto alias = alias_from(a);
        store.remove_alias(target, alias.alias);
        store.add_alias(entity, alias);
    }
    if (b.at("created").get<bool>())
        store.delete_entity(target);
}

// ---------------------------------------------------------------- rename, retype, reject

std::optional<json> apply_rename(store::Project& project, const json& p) {
    store::CurationStore store(project);
    const EntityId entity = require(store, p.at("entity"));
    const auto row = *store.entity(entity);
    const std::string name = p.at("name").get<std::string>();
    if (row.canonical_name == name)
        return std::nullopt;
    store::EntityStore(project).set_canonical_name(entity, name);
    return json{{"entity", entity.value}, {"name", row.canonical_name}};
}

std::optional<json> apply_retype(store::Project& project, const json& p) {
    store::CurationStore store(project);
    const EntityId entity = require(store, p.at("entity"));
    const auto row = *store.entity(entity);
    const auto type = parse_entity_type(p.at("type").get<std::string>());
    if (!type)
        throw CurationError("unknown entity type '" + p.at("type").get<std::string>() + "'");
    if (row.type == *type)
        return std::nullopt;
    store.set_type(entity, *type);
    return json{{"entity", entity.value}, {"type", std::string(to_string(row.type))}};
}

std::optional<json> apply_reject(store::Project& project, const json& p) {
    store::CurationStore store(project);
    const EntityId entity = require(store, p.at("entity"));
    if (store.entity(entity)->rejected)
        return std::nullopt;
    store.set_rejected(entity, true);
    return json{{"entity", entity.value}, {"rejected", false}};
}

// ---------------------------------------------------------------- relate, unrelate

json relation_json(store::Project& project, RelationId id) {
    store::CurationStore store(project);
    const auto row = store::RelationStore(project).get(id);
    const auto& r = row->relation;
    json evidence = json::array();
    for (const auto& e : r.evidence)
        evidence.push_back({{"document", e.document.value},
                            {"sentence", {e.sentence.start, e.sentence.end}},
                            {"source", {e.source_span.start, e.source_span.end}},
                            {"target", {e.target_span.start, e.target_span.end}}});
    return {{"type", r.type},
            {"source", r.source.value},
            {"target", r.target.value},
            {"directed", r.directed},
            {"weight", r.weight},
            {"specificity", r.specificity},
            {"first_date", r.first_date.iso()},
            {"last_date", r.last_date.iso()},
            {"confidence", r.confidence},
            {"method", r.method},
            {"origin", row->origin},
            {"note", store.relation_note(id)},
            {"evidence", evidence}};
}

Span span_from(const json& pair) {
    return {pair.at(0).get<std::uint32_t>(), pair.at(1).get<std::uint32_t>()};
}

PartialDate date_from(const json& j) {
    auto date = parse_iso_date(j.get<std::string>());
    return date ? *date : PartialDate{};
}

void restore_relation(store::Project& project, const json& j) {
    Relation r;
    r.type = j.at("type").get<std::string>();
    r.source = EntityId{j.at("source").get<std::int64_t>()};
    r.target = EntityId{j.at("target").get<std::int64_t>()};
    r.directed = j.at("directed").get<bool>();
    r.weight = j.at("weight").get<double>();
    r.specificity = j.at("specificity").get<double>();
    r.first_date = date_from(j.at("first_date"));
    r.last_date = date_from(j.at("last_date"));
    r.confidence = j.at("confidence").get<double>();
    r.method = j.at("method").get<std::string>();
    for (const auto& e : j.at("evidence"))
        r.evidence.push_back({DocumentId{e.at("document").get<std::int64_t>()},
                              span_from(e.at("sentence")), span_from(e.at("source")),
                              span_from(e.at("target"))});
    store::CurationStore store(project);
    if (!store.entity(r.source) || !store.entity(r.target))
        throw CurationError("an end of the removed relation is gone; re-run extraction instead");
    const auto id = store::RelationStore(project).insert(r, j.at("origin").get<std::string>());
    store.set_relation_note(id, j.at("note").get<std::string>());
}

std::optional<json> apply_relate(store::Project& project, const json& p) {
    store::CurationStore store(project);
    const EntityId source = require(store, p.at("source"));
    const EntityId target = require(store, p.at("target"));
    const std::string type = p.at("type").get<std::string>();
    const std::string note = p.value("note", std::string{});
    const auto existing = store.find_relations(type, source, target, false, "curation");
    if (!existing.empty()) {
        const std::string old_note = store.relation_note(existing.front());
        if (old_note == note)
            return std::nullopt;
        store.set_relation_note(existing.front(), note);
        return json{{"relation", existing.front().value}, {"created", false}, {"note", old_note}};
    }
    Relation r;
    r.type = type;
    r.source = source;
    r.target = target;
    r.method = "curation";
    if (p.contains("cited")) {
        const auto& cited = p.at("cited");
        const auto doc = document_of(store, cited);
        if (!doc)
            throw NotApplicable("the cited document is not in this project");
        const Span span{cited.at("start").get<std::uint32_t>(),
                        cited.at("end").get<std::uint32_t>()};
        r.evidence.push_back({*doc, span, {}, {}});
        if (auto document = store::DocumentStore(project).get(*doc)) {
            r.first_date = document->date;
            r.last_date = document->date;
        }
    }
    const auto id = store::RelationStore(project).insert(r, "curation");
    store.set_relation_note(id, note);
    return json{{"relation", id.value}, {"created", true}};
}

void undo_relate(store::Project& project, const json& b) {
    store::CurationStore store(project);
    const RelationId id{b.at("relation").get<std::int64_t>()};
    if (b.at("created").get<bool>())
        store.delete_relation(id);
    else
        store.set_relation_note(id, b.at("note").get<std::string>());
}

std::vector<RelationId> find_relation(store::CurationStore& store, const json& ref_json) {
    const auto ref = relation_ref_from_json(ref_json);
    const EntityId source = require(store, ref_json.at("source"));
    const EntityId target = require(store, ref_json.at("target"));
    return store.find_relations(ref.type, source, target, !ref.directed);
}

std::optional<json> apply_unrelate(store::Project& project, const json& p, bool replaying) {
    store::CurationStore store(project);
    const auto ids = find_relation(store, p.at("relation"));
    if (ids.empty()) {
        if (replaying)
            return std::nullopt; // gone already (or not rebuilt yet): what was asked holds
        throw NotApplicable("no such relation");
    }
    json removed = json::array();
    for (auto id : ids) {
        removed.push_back(relation_json(project, id));
        store.delete_relation(id);
    }
    return json{{"relations", removed}};
}

void undo_unrelate(store::Project& project, const json& b) {
    for (const auto& r : b.at("relations"))
        restore_relation(project, r);
}

// ---------------------------------------------------------------- note

std::optional<json> apply_note(store::Project& project, const json& p) {
    store::CurationStore store(project);
    if (p.contains("entity")) {
        require(store, p.at("entity")); // the note is the record itself; it needs its entity
        return std::nullopt;
    }
    const auto ids = find_relation(store, p.at("relation"));
    if (ids.empty())
        throw NotApplicable("relation " + p.at("relation").at("type").get<std::string>() +
                            " no longer found");
    const std::string text = p.at("text").get<std::string>();
    json notes = json::array();
    bool changed = false;
    for (auto id : ids) {
        const auto old = store.relation_note(id);
        notes.push_back({{"relation", id.value}, {"note", old}});
        if (old != text) {
            store.set_relation_note(id, text);
            changed = true;
        }
    }
    if (!changed)
        return std::nullopt;
    return json{{"notes", notes}};
}

void undo_note(store::Project& project, const json& b) {
    store::CurationStore store(project);
    if (!b.contains("notes"))
        return;
    for (const auto& n : b.at("notes"))
        store.set_relation_note(RelationId{n.at("relation").get<std::int64_t>()},
                                n.at("note").get<std::string>());
}

void set_back(store::Project& project, const json& b, const std::string& op) {
    store::CurationStore store(project);
    const EntityId entity{b.at("entity").get<std::int64_t>()};
    if (!store.entity(entity))
        throw CurationError("its entity is gone; re-run extraction instead");
    if (op == "rename")
        store::EntityStore(project).set_canonical_name(entity, b.at("name").get<std::string>());
    else if (op == "retype")
        store.set_type(entity, *parse_entity_type(b.at("type").get<std::string>()));
    else
        store.set_rejected(entity, b.at("rejected").get<bool>());
}

} // namespace

std::optional<nlohmann::json> apply_operation(store::Project& project, const std::string& op,
                                              const nlohmann::json& payload, bool replaying) {
    try {
        if (op == "merge")
            return apply_merge(project, payload);
        if (op == "split")
            return apply_split(project, payload, replaying);
        if (op == "rename")
            return apply_rename(project, payload);
        if (op == "retype")
            return apply_retype(project, payload);
        if (op == "reject")
            return apply_reject(project, payload);
        if (op == "relate")
            return apply_relate(project, payload);
        if (op == "unrelate")
            return apply_unrelate(project, payload, replaying);
        if (op == "note")
            return apply_note(project, payload);
    } catch (const nlohmann::json::exception& e) {
        throw CurationError("malformed " + op + " record: " + e.what());
    }
    throw CurationError("unknown curation operation '" + op + "'");
}

void undo_operation(store::Project& project, const std::string& op, const nlohmann::json& payload,
                    const nlohmann::json& before) {
    (void)payload;
    if (before.empty())
        return; // the operation changed nothing (a note on an entity)
    try {
        if (op == "merge")
            undo_merge(project, before);
        else if (op == "split")
            undo_split(project, before);
        else if (op == "rename" || op == "retype" || op == "reject")
            set_back(project, before, op);
        else if (op == "relate")
            undo_relate(project, before);
        else if (op == "unrelate")
            undo_unrelate(project, before);
        else if (op == "note")
            undo_note(project, before);
        else
            throw CurationError("unknown curation operation '" + op + "'");
    } catch (const nlohmann::json::exception& e) {
        throw CurationError("malformed " + op + " record: " + e.what());
    }
}

} // namespace dossier::curation::detail
