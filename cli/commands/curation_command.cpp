// The analyst's corrections: dossier merge / split / rename / retype / reject / relate /
// unrelate / note / undo / redo, and dossier curation (the log, export, import).
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/curation/correction_session.h"
#include "dossier/curation/curation_service.h"
#include "dossier/curation/describe.h"
#include "dossier/curation/exchange.h"
#include "dossier/graph/entity_lookup.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/extraction_lock.h"
#include "dossier/store/project_stats.h"
#include "dossier/store/relation_store.h"
#include "shard_merge.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace dossier::cli {
namespace {

using curation::CurationService;
using curation::EntityRef;

bool all_digits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

// An entity named by id, canonical name or alias; unknown names get close matches.
EntityId find_entity(store::Project& project, const std::string& name) {
    store::CurationStore store(project);
    if (all_digits(name)) {
        const EntityId id{std::stoll(name)};
        if (store.entity(id))
            return id;
        throw std::runtime_error("no entity with id " + name);
    }
    const auto result = graph::EntityLookup::load(project).find(name);
    if (result.matches.size() == 1)
        return result.matches.front().id;
    if (result.matches.size() > 1) {
        std::string list;
        for (const auto& m : result.matches)
            list += (list.empty() ? "" : ", ") + m.name + " (" + std::string(to_string(m.type)) +
                    ", id " + std::to_string(m.id.value) + ")";
        throw std::runtime_error("'" + name + "' names several entities: " + list +
                                 "; give the id");
    }
    // The graph's lookup leaves rejected entities out; they can still be curated by name.
    if (auto rejected = store::EntityStore(project).find_by_name(name); rejected.entity)
        return rejected.entity->id;
    // An extraction killed or cancelled after it cleared the entities leaves them missing until
    // the next run: say so, not only that the name is unknown.
    if (project.setting(store::kExtractionIncompleteSetting, "0") == "1")
        throw std::runtime_error(result.not_found_message(name) +
                                 "; the last extraction did not finish (interrupted or "
                                 "cancelled): run 'dossier extract " +
                                 project.path().string() + "' first");
    throw std::runtime_error(result.not_found_message(name));
}

// A command waits for a running extraction to finish (it says so after a second).
curation::CorrectionSession correction_session(const std::string& path) {
    return {path, store::ExtractionLock::Wait::UpToTenMinutes};
}

EntityRef ref_of(store::Project& project, EntityId id) {
    store::CurationStore store(project);
    return *curation::entity_ref(store, id);
}

curation::RelationRef relation_ref_of(store::Project& project, std::int64_t id) {
    const auto row = store::RelationStore(project).get(RelationId{id});
    if (!row)
        throw std::runtime_error("no relation with id " + std::to_string(id));
    return {row->relation.type, ref_of(project, row->relation.source),
            ref_of(project, row->relation.target), row->relation.directed};
}

std::string in_quotes(const std::string& text) {
    return "'" + text + "'";
}

// Shared by every operation: PROJECT, --author, and printing what was recorded.
struct Common {
    std::string project;
    std::string author;
};

void add_common(CLI::App* command, Common& common) {
    command->add_option("PROJECT", common.project, "Project file (.dossier)")->required();
    command->add_option("--author", common.author, "Who made the correction (default: $USER)");
}

int record(store::Project& project, const Common& common, const curation::Operation& op) {
    CurationService service(project, common.author);
    const auto id = service.apply(op);
    std::cout << "#" << id.value << " " << curation::describe_operation(op.op, op.payload) << '\n';
    return kOk;
}

void register_merge(CLI::App& app) {
    struct Options : Common {
        std::string a, b, name;
        ShardMergeOptions shards;
    };
    auto o = std::make_shared<Options>();
    o->shards.jobs = all_cores();
    auto* c = app.add_subcommand(
        "merge", "Merge entity A into entity B (A's mentions and aliases move to B); or, as "
                 "'dossier merge RUN -o P.dossier', merge the shards of a sharded run into a new "
                 "project (docs/SCALING.md)");
    c->add_option("PROJECT", o->project, "Project file (.dossier), or the run folder with -o")
        ->required();
    c->add_option("--author", o->author, "Who made the correction (default: $USER)");
    c->add_option("A", o->a, "Entity that goes (name, alias or id)");
    c->add_option("B", o->b, "Entity that stays (name, alias or id)");
    c->add_option("--name", o->name, "Canonical name of the merged entity");
    c->add_option("-o,--output", o->shards.output,
                  "Sharded run: the project to make (must not exist)");
    c->add_flag("--allow-missing", o->shards.allow_missing,
                "Sharded run: merge the shards there are, leaving out missing ones");
    c->add_option("--jobs,-j", o->shards.jobs,
                  "Sharded run: documents read again and relations read at once (default: every "
                  "core)")
        ->check(CLI::Range(1u, 1024u));
    c->add_flag("--quiet", o->shards.quiet, "Sharded run: no summary");
    set_action(c, [o] {
        if (!o->shards.output.empty()) {
            if (!o->a.empty() || !o->b.empty() || !o->name.empty())
                throw std::runtime_error("merge RUN -o P.dossier merges a sharded run and takes "
                                         "no entities");
            o->shards.run_dir = o->project;
            return run_shard_merge(o->shards);
        }
        if (o->a.empty() || o->b.empty())
            throw std::runtime_error("merge needs entities A and B (or, for a sharded run, "
                                     "RUN -o P.dossier)");
        auto session = correction_session(o->project);
        auto& project = session.project;
        const auto a = find_entity(project, o->a);
        const auto b = find_entity(project, o->b);
        if (a == b)
            throw std::runtime_error("'" + o->a + "' and '" + o->b + "' are the same entity");
        return record(project, *o,
                      curation::merge_op(ref_of(project, a), ref_of(project, b), o->name));
    });
}

void register_split(CLI::App& app) {
    struct Options : Common {
        std::string entity, alias, name;
        std::vector<std::int64_t> mentions;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("split", "Split an alias or chosen mentions off into a new "
                                          "entity");
    add_common(c, *o);
    c->add_option("ENTITY", o->entity, "Entity to split (name, alias or id)")->required();
    c->add_option("--alias", o->alias, "Mentions written this way move to the new entity");
    c->add_option("--mention", o->mentions, "Mention ids (dossier mentions) that move");
    c->add_option("--name", o->name, "Name of the new entity (default: the alias)");
    set_action(c, [o] {
        if (o->alias.empty() && o->mentions.empty())
            throw std::runtime_error("split needs --alias or --mention");
        auto session = correction_session(o->project);
        auto& project = session.project;
        const auto entity = find_entity(project, o->entity);
        store::CurationStore store(project);
        const auto mentions = store.mentions(entity);
        std::vector<curation::MentionRef> chosen;
        for (auto id : o->mentions) {
            const auto it = std::find_if(mentions.begin(), mentions.end(),
                                         [&](const auto& m) { return m.id.value == id; });
            if (it == mentions.end())
                throw std::runtime_error("mention " + std::to_string(id) + " is not a mention of " +
                                         in_quotes(o->entity));
            chosen.push_back({store.document_hash(it->document), it->span});
        }
        return record(project, *o,
                      curation::split_op(ref_of(project, entity), o->alias, chosen, o->name));
    });
}

void register_rename(CLI::App& app) {
    struct Options : Common {
        std::string entity, name;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("rename", "Give an entity a new canonical name");
    add_common(c, *o);
    c->add_option("ENTITY", o->entity, "Entity (name, alias or id)")->required();
    c->add_option("NEW_NAME", o->name, "New canonical name")->required();
    set_action(c, [o] {
        auto session = correction_session(o->project);
        auto& project = session.project;
        const auto entity = find_entity(project, o->entity);
        return record(project, *o, curation::rename_op(ref_of(project, entity), o->name));
    });
}

void register_retype(CLI::App& app) {
    struct Options : Common {
        std::string entity, type;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("retype", "Change the type of an entity");
    add_common(c, *o);
    c->add_option("ENTITY", o->entity, "Entity (name, alias or id)")->required();
    c->add_option("TYPE", o->type, "person, organization, country, place, document or date")
        ->required();
    set_action(c, [o] {
        const auto type = parse_entity_type(o->type);
        if (!type)
            throw std::runtime_error(
                o->type + " : unknown type (person, organization, country, place, document, date)");
        auto session = correction_session(o->project);
        auto& project = session.project;
        const auto entity = find_entity(project, o->entity);
        return record(project, *o, curation::retype_op(ref_of(project, entity), *type));
    });
}

void register_reject(CLI::App& app) {
    struct Options : Common {
        std::string entity;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("reject", "Mark an entity as not an entity (it leaves the graph; "
                                           "its mentions stay, shown as rejected)");
    add_common(c, *o);
    c->add_option("ENTITY", o->entity, "Entity (name, alias or id)")->required();
    set_action(c, [o] {
        auto session = correction_session(o->project);
        auto& project = session.project;
        const auto entity = find_entity(project, o->entity);
        return record(project, *o, curation::reject_op(ref_of(project, entity)));
    });
}

// "120:184" -> {120, 184}
Span parse_span(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || !all_digits(text.substr(0, colon)) ||
        !all_digits(text.substr(colon + 1)))
        throw std::runtime_error("--span " + text + " : expected START:END (byte offsets)");
    const Span span{static_cast<std::uint32_t>(std::stoul(text.substr(0, colon))),
                    static_cast<std::uint32_t>(std::stoul(text.substr(colon + 1)))};
    if (span.end <= span.start)
        throw std::runtime_error("--span " + text + " : END must be after START");
    return span;
}

void register_relate(CLI::App& app) {
    struct Options : Common {
        std::string a, b, type, note, span;
        std::int64_t document = 0;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("relate", "Add a relation between two entities, with a note "
                                           "and a cited passage");
    add_common(c, *o);
    c->add_option("A", o->a, "Source entity (name, alias or id)")->required();
    c->add_option("B", o->b, "Target entity (name, alias or id)")->required();
    c->add_option("--type", o->type, "Relation type (e.g. cooperates_with)")->required();
    c->add_option("--note", o->note, "Why: the analyst's note");
    c->add_option("--document", o->document, "Document id of the cited passage");
    c->add_option("--span", o->span, "Byte span START:END of the cited passage");
    set_action(c, [o] {
        if ((o->document > 0) != !o->span.empty())
            throw std::runtime_error("--document and --span go together");
        auto session = correction_session(o->project);
        auto& project = session.project;
        const auto a = find_entity(project, o->a);
        const auto b = find_entity(project, o->b);
        std::optional<curation::MentionRef> cited;
        if (o->document > 0) {
            const Span span = parse_span(o->span);
            const auto hash = store::CurationStore(project).document_hash(DocumentId{o->document});
            if (hash.empty())
                throw std::runtime_error("no document with id " + std::to_string(o->document));
            auto doc = store::DocumentStore(project).get(DocumentId{o->document});
            if (span.end > doc->text.size())
                throw std::runtime_error("--span " + o->span + " : past the end of document " +
                                         std::to_string(o->document) + " (" +
                                         std::to_string(doc->text.size()) + " bytes)");
            cited = curation::MentionRef{hash, span};
        }
        return record(
            project, *o,
            curation::relate_op(ref_of(project, a), ref_of(project, b), o->type, o->note, cited));
    });
}

void register_unrelate(CLI::App& app) {
    struct Options : Common {
        std::int64_t relation = 0;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("unrelate", "Remove a relation (it stays removed after "
                                             "re-extraction)");
    add_common(c, *o);
    c->add_option("RELATION_ID", o->relation, "Relation id (dossier relations)")->required();
    set_action(c, [o] {
        auto session = correction_session(o->project);
        auto& project = session.project;
        return record(project, *o, curation::unrelate_op(relation_ref_of(project, o->relation)));
    });
}

void register_note(CLI::App& app) {
    struct Options : Common {
        std::string entity, text;
        std::int64_t relation = 0;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("note", "Attach a note to an entity or a relation");
    add_common(c, *o);
    auto* entity = c->add_option("--entity", o->entity, "Entity (name, alias or id)");
    auto* relation = c->add_option("--relation", o->relation, "Relation id");
    entity->excludes(relation);
    c->add_option("TEXT", o->text, "The note")->required();
    set_action(c, [o] {
        if (o->entity.empty() == (o->relation == 0))
            throw std::runtime_error("note needs --entity or --relation");
        auto session = correction_session(o->project);
        auto& project = session.project;
        if (!o->entity.empty())
            return record(project, *o,
                          curation::note_entity_op(ref_of(project, find_entity(project, o->entity)),
                                                   o->text));
        return record(project, *o,
                      curation::note_relation_op(relation_ref_of(project, o->relation), o->text));
    });
}

void register_undo_redo(CLI::App& app) {
    struct Options {
        std::string project;
        std::int64_t record = 0;
    };
    auto undo = std::make_shared<Options>();
    auto* u = app.add_subcommand("undo", "Undo a correction (default: the last one)");
    u->add_option("PROJECT", undo->project, "Project file (.dossier)")->required();
    u->add_option("RECORD_ID", undo->record, "Curation record id (dossier curation)");
    set_action(u, [undo] {
        auto session = correction_session(undo->project);
        auto& project = session.project;
        CurationService service(project, {});
        std::optional<CurationId> id;
        if (undo->record > 0)
            id = CurationId{undo->record};
        else
            id = service.last_undoable();
        if (!id)
            throw std::runtime_error("nothing to undo");
        service.undo(*id);
        const auto rec = store::CurationStore(project).record(*id);
        std::cout << "undone #" << id->value << " "
                  << curation::describe_operation(rec->op, nlohmann::json::parse(rec->payload))
                  << '\n';
        return kOk;
    });
    auto redo = std::make_shared<Options>();
    auto* r = app.add_subcommand("redo", "Apply an undone correction again");
    r->add_option("PROJECT", redo->project, "Project file (.dossier)")->required();
    r->add_option("RECORD_ID", redo->record, "Curation record id (dossier curation)")->required();
    set_action(r, [redo] {
        auto session = correction_session(redo->project);
        auto& project = session.project;
        CurationService(project, {}).redo(CurationId{redo->record});
        const auto rec = store::CurationStore(project).record(CurationId{redo->record});
        std::cout << "redone #" << redo->record << " "
                  << curation::describe_operation(rec->op, nlohmann::json::parse(rec->payload))
                  << '\n';
        return kOk;
    });
}

int print_log(const std::string& path, bool json) {
    auto project = open_project(path, store::OpenMode::ReadOnly);
    const auto records = store::CurationStore(project).records();
    if (json) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& r : records)
            rows.push_back({{"id", r.id.value},
                            {"created_at", r.created_at},
                            {"author", r.author},
                            {"op", r.op},
                            {"status", r.status},
                            {"message", r.message},
                            {"payload", nlohmann::json::parse(r.payload)},
                            {"before", nlohmann::json::parse(r.before_state)}});
        print_json(rows);
        return kOk;
    }
    std::cout << "id\tstatus\tcreated\tauthor\twhat\tmessage\n";
    for (const auto& r : records)
        std::cout << r.id.value << '\t' << r.status << '\t' << r.created_at << '\t' << r.author
                  << '\t' << curation::describe_operation(r.op, nlohmann::json::parse(r.payload))
                  << '\t' << r.message << '\n';
    return kOk;
}

void print_report(std::size_t imported, const curation::ReplayReport& report) {
    std::cout << imported << " records imported\n";
    const auto line = curation::describe(report);
    if (!line.empty())
        std::cout << line << '\n';
}

void register_curation(CLI::App& app) {
    struct Options {
        std::string project;
        bool json = false;
        std::string exchange_project;
        std::string file;
    };
    auto o = std::make_shared<Options>();
    auto* c = app.add_subcommand("curation", "The log of corrections; export and import them");
    c->add_option("PROJECT", o->project, "Project file (.dossier)");
    c->add_flag("--json", o->json, "Print JSON");
    auto* exp = c->add_subcommand("export", "Write the corrections to a JSON file");
    exp->add_option("PROJECT", o->exchange_project, "Project file (.dossier)")->required();
    exp->add_option("FILE", o->file, "JSON file to write")->required();
    auto* imp = c->add_subcommand("import", "Add the corrections of a JSON file and replay them");
    imp->add_option("PROJECT", o->exchange_project, "Project file (.dossier)")->required();
    imp->add_option("FILE", o->file, "JSON file written by dossier curation export")->required();
    c->require_subcommand(0, 1);
    set_action(c, [o, exp, imp]() -> int {
        if (exp->parsed()) {
            auto project = open_project(o->exchange_project, store::OpenMode::ReadOnly);
            const auto data = curation::export_curation(project);
            std::ofstream out(o->file, std::ios::binary | std::ios::trunc);
            out << data.dump(2) << '\n';
            out.close();
            if (!out)
                throw std::runtime_error(o->file + " : cannot write");
            std::cout << "exported " << data.at("records").size() << " records to " << o->file
                      << '\n';
            return kOk;
        }
        if (imp->parsed()) {
            std::ifstream in(o->file, std::ios::binary);
            if (!in)
                throw std::runtime_error(o->file + " : cannot read");
            const auto data = nlohmann::json::parse(in, nullptr, false);
            if (data.is_discarded())
                throw std::runtime_error(o->file + " : not valid JSON");
            auto session = correction_session(o->exchange_project);
            const auto report = curation::import_curation(session.project, data);
            print_report(data.at("records").size(), report);
            return report.stale.empty() ? kOk : kPartial;
        }
        if (o->project.empty())
            throw std::runtime_error("curation needs PROJECT (or export/import)");
        return print_log(o->project, o->json);
    });
}

void register_curation_commands(CLI::App& app) {
    register_merge(app);
    register_split(app);
    register_rename(app);
    register_retype(app);
    register_reject(app);
    register_relate(app);
    register_unrelate(app);
    register_note(app);
    register_undo_redo(app);
    register_curation(app);
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_curation_commands);

} // namespace dossier::cli
