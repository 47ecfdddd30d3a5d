// dossier together PROJECT A B: the sentences where two entities are mentioned together.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/graph/entity_lookup.h"
#include "dossier/graph/together.h"
#include "dossier/store/entity_store.h"

#include <iostream>
#include <memory>
#include <stdexcept>

namespace dossier::cli {
namespace {

struct Named {
    EntityId id;
    std::string name;
};

Named find_named(store::Project& project, const std::string& query) {
    const auto result = graph::EntityLookup::load(project).find(query);
    if (result.matches.empty()) {
        if (auto rejected = store::EntityStore(project).find_by_name(query); rejected.entity)
            return {rejected.entity->id, rejected.entity->canonical_name};
        throw std::runtime_error(result.not_found_message(query));
    }
    if (result.matches.size() > 1) {
        std::string list;
        for (const auto& m : result.matches)
            list +=
                (list.empty() ? "" : ", ") + m.name + " (" + std::string(to_string(m.type)) + ")";
        throw std::runtime_error("'" + query + "' names several entities: " + list);
    }
    return {result.matches.front().id, result.matches.front().name};
}

// Sentences keep their line breaks in the document; one line per sentence reads better here.
std::string one_line(std::string text) {
    for (auto& c : text)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    return text;
}

void register_together(CLI::App& app) {
    struct Options {
        std::string project, a, b;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* c =
        app.add_subcommand("together", "The documents and sentences where A and B appear together");
    c->add_option("PROJECT", o->project, "Project file (.dossier)")->required();
    c->add_option("A", o->a, "First entity (name or alias)")->required();
    c->add_option("B", o->b, "Second entity (name or alias)")->required();
    c->add_flag("--json", o->json, "Print JSON");
    set_action(c, [o] {
        auto project = open_project(o->project, store::OpenMode::ReadOnly);
        const auto a = find_named(project, o->a);
        const auto b = find_named(project, o->b);
        const auto found = graph::appear_together(project, a.id, b.id);
        if (o->json) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& m : found)
                rows.push_back({{"document", m.document.value},
                                {"title", m.title},
                                {"date", m.date},
                                {"page", m.page},
                                {"start", m.sentence.start},
                                {"end", m.sentence.end},
                                {"sentence", m.text}});
            print_json({{"a", a.name}, {"b", b.name}, {"sentences", rows}});
            return kOk;
        }
        if (found.empty()) {
            std::cout << a.name << " and " << b.name << " never appear in one sentence\n";
            return kOk;
        }
        std::cout << "document\ttitle\tdate\tpage\tstart\tend\tsentence\n";
        for (const auto& m : found)
            std::cout << m.document.value << '\t' << m.title << '\t' << m.date << '\t' << m.page
                      << '\t' << m.sentence.start << '\t' << m.sentence.end << '\t'
                      << one_line(m.text) << '\n';
        return kOk;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_together);

} // namespace dossier::cli
