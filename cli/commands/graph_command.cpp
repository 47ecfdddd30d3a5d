// `dossier graph`: the network under a view, with metrics and communities.
// `dossier path`: the shortest paths between two named entities, each hop with its evidence.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/graph/entity_lookup.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/graph/paths.h"
#include "dossier/graph/view_spec.h"
#include "dossier/store/graph_source.h"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace dossier::cli {
namespace {

// Metric values printed with six significant digits: enough to rank, stable in golden files.
double rounded(double x) {
    if (x == 0.0 || !std::isfinite(x))
        return x;
    const double scale = std::pow(10.0, 5 - static_cast<int>(std::floor(std::log10(std::abs(x)))));
    return std::round(x * scale) / scale;
}

std::string format_number(double x) {
    std::ostringstream out;
    out << rounded(x);
    return out.str();
}

// Sentences may span lines in the source; one line each on the terminal.
std::string one_line(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

graph::ViewSpec read_view(const std::string& path) {
    if (path.empty())
        return {};
    return graph::load_view_spec(path);
}

std::vector<graph::Metric> chosen_metrics(const graph::ViewSpec& view, bool all) {
    if (all)
        return graph::all_metrics();
    return view.metrics;
}

nlohmann::json graph_json(const graph::GraphSnapshot& s, const graph::MetricResult& m,
                          const std::vector<graph::Metric>& metrics) {
    using nlohmann::json;
    json nodes = json::array();
    const auto& g = s.graph();
    for (graph::Vertex v = 0; v < s.node_count(); ++v) {
        const auto& n = s.node(v);
        json node{{"id", n.entity.value},
                  {"name", n.name},
                  {"type", std::string(to_string(n.type))},
                  {"aliases", n.alias_count},
                  {"mentions", n.mention_count}};
        if (!metrics.empty()) {
            json values = json::object();
            for (auto metric : metrics) {
                if (metric == graph::Metric::Community)
                    continue;
                const auto column = m.values(metric);
                if (!column.empty())
                    values[std::string(to_string(metric))] = rounded(column[v]);
            }
            node["metrics"] = values;
        }
        if (!m.community.empty())
            node["community"] = m.community[v];
        nodes.push_back(std::move(node));
    }
    json edges = json::array();
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& info = s.edge(e);
        edges.push_back({{"relation", info.relation.value},
                         {"source", s.entity(boost::source(e, g)).value},
                         {"target", s.entity(boost::target(e, g)).value},
                         {"type", s.relation_type_name(info.type)},
                         {"directed", info.directed},
                         {"weight", rounded(info.weight)},
                         {"first_date", info.first_date.str()},
                         {"last_date", info.last_date.str()}});
    }
    json out{{"node_count", s.node_count()},
             {"edge_count", s.edge_count()},
             {"nodes", nodes},
             {"edges", edges}};
    if (m.modularity)
        out["modularity"] = rounded(*m.modularity);
    if (!m.betweenness.empty())
        out["betweenness_estimate"] =
            m.betweenness_sampled ? json{{"sampled", true}, {"pivots", m.betweenness_samples}}
                                  : json{{"sampled", false}};
    if (!m.closeness.empty())
        out["closeness_estimate"] = m.closeness_sampled
                                        ? json{{"sampled", true}, {"pivots", m.closeness_samples}}
                                        : json{{"sampled", false}};
    return out;
}

void print_graph_text(const graph::GraphSnapshot& s, const graph::MetricResult& m,
                      const std::vector<graph::Metric>& metrics) {
    const auto& g = s.graph();
    std::cout << s.node_count() << " nodes, " << s.edge_count() << " relations ("
              << s.simple().edge_count() << " linked pairs)\n";
    if (m.modularity)
        std::cout << "modularity: " << format_number(*m.modularity) << '\n';
    if (m.betweenness_sampled)
        std::cout << "betweenness: estimated from " << m.betweenness_samples << " random pivots\n";
    if (m.closeness_sampled)
        std::cout << "closeness: estimated from " << m.closeness_samples << " random pivots\n";
    std::cout << "\nnodes\nid\ttype\tname";
    for (auto metric : metrics)
        std::cout << '\t' << to_string(metric);
    std::cout << '\n';
    for (graph::Vertex v = 0; v < s.node_count(); ++v) {
        const auto& n = s.node(v);
        std::cout << n.entity.value << '\t' << to_string(n.type) << '\t' << n.name;
        for (auto metric : metrics) {
            const auto column = m.values(metric);
            std::cout << '\t' << (column.empty() ? std::string("-") : format_number(column[v]));
        }
        std::cout << '\n';
    }
    std::cout << "\nedges\nrelation\tsource\ttype\ttarget\tweight\tdates\n";
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& info = s.edge(e);
        std::cout << info.relation.value << '\t' << s.node(boost::source(e, g)).name << '\t'
                  << s.relation_type_name(info.type) << (info.directed ? " ->" : " --") << '\t'
                  << s.node(boost::target(e, g)).name << '\t' << format_number(info.weight) << '\t'
                  << info.first_date;
        if (info.last_date != info.first_date)
            std::cout << ".." << info.last_date;
        std::cout << '\n';
    }
}

void register_graph_command(CLI::App& app) {
    struct Options {
        std::string project, view;
        bool metrics = false, json = false;
    };
    auto o = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("graph", "Print the network under a view: nodes with metrics and "
                                    "communities, edges with weights");
    command->add_option("PROJECT", o->project, "Project file (.dossier)")->required();
    command->add_option("--view", o->view,
                        "View file (JSON: filter, metrics, layout, style, export)");
    command->add_flag("--metrics", o->metrics,
                      "Compute every metric (otherwise those the view lists)");
    command->add_flag("--json", o->json, "Print JSON");
    set_action(command, [o] {
        graph::ViewSpec view;
        try {
            view = read_view(o->view);
        } catch (const graph::ViewSpecError& e) {
            print_error(e.what());
            return kFailure;
        }
        auto project = open_project(o->project, store::OpenMode::ReadOnly);
        const auto snapshot = graph::GraphSnapshot::build(project, view.filter);
        const auto metrics = chosen_metrics(view, o->metrics);
        const auto result = graph::compute_metrics(snapshot, metrics);
        if (o->json)
            print_json(graph_json(snapshot, result, metrics));
        else
            print_graph_text(snapshot, result, metrics);
        return kOk;
    });
}

// Resolves a typed name to a vertex of the snapshot, or explains in one line why not.
std::optional<graph::Vertex> resolve(const graph::EntityLookup& lookup,
                                     const graph::GraphSnapshot& s, const std::string& name) {
    const auto found = lookup.find(name);
    if (!found.found()) {
        print_error(found.not_found_message(name));
        return std::nullopt;
    }
    std::vector<graph::Vertex> present;
    for (const auto& m : found.matches)
        if (auto v = s.vertex_of(m.id))
            present.push_back(*v);
    if (present.empty()) {
        print_error("'" + name + "' (" + found.matches[0].name +
                    ") is not in the graph under this view");
        return std::nullopt;
    }
    if (present.size() > 1) {
        std::string list;
        for (auto v : present)
            list += (list.empty() ? "" : ", ") + s.node(v).name + " (" +
                    std::string(to_string(s.node(v).type)) + ", id " +
                    std::to_string(s.entity(v).value) + ")";
        print_error("'" + name + "' names several entities: " + list);
        return std::nullopt;
    }
    return present[0];
}

std::string label(const graph::GraphSnapshot& s, graph::Vertex v) {
    return s.node(v).name + " (" + std::string(to_string(s.node(v).type)) + ")";
}

void register_path_command(CLI::App& app) {
    struct Options {
        std::string project, from, to, view, by = "hops";
        std::size_t max_paths = 10;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "path", "Shortest paths between two entities, each hop with its evidence");
    command->add_option("PROJECT", o->project, "Project file (.dossier)")->required();
    command->add_option("FROM", o->from, "Entity name or alias")->required();
    command->add_option("TO", o->to, "Entity name or alias")->required();
    command
        ->add_option("--by", o->by,
                     "hops (every shortest path) or weight (strongest links: cost 1/weight)")
        ->check(CLI::IsMember({"hops", "weight"}));
    command->add_option("--max-paths", o->max_paths, "At most this many shortest paths by hops")
        ->check(CLI::PositiveNumber);
    command->add_option("--view", o->view, "Search within the graph of this view file");
    command->add_flag("--json", o->json, "Print JSON");
    set_action(command, [o] {
        graph::ViewSpec view;
        try {
            view = read_view(o->view);
        } catch (const graph::ViewSpecError& e) {
            print_error(e.what());
            return kFailure;
        }
        auto project = open_project(o->project, store::OpenMode::ReadOnly);
        const auto snapshot = graph::GraphSnapshot::build(project, view.filter);
        const auto lookup = graph::EntityLookup::load(project);
        const auto from = resolve(lookup, snapshot, o->from);
        const auto to = resolve(lookup, snapshot, o->to);
        if (!from || !to)
            return kFailure;
        graph::PathQuery query;
        query.mode = o->by == "weight" ? graph::PathMode::Weight : graph::PathMode::Hops;
        query.max_paths = o->max_paths;
        const auto paths = graph::shortest_paths(snapshot, *from, *to, query);

        using nlohmann::json;
        json out{{"from", label(snapshot, *from)},
                 {"to", label(snapshot, *to)},
                 {"by", o->by},
                 {"connected", !paths.empty()},
                 {"paths", json::array()}};
        if (paths.empty()) {
            if (o->json)
                print_json(out);
            print_error(label(snapshot, *from) + " and " + label(snapshot, *to) +
                        " are not connected in this graph");
            return kFailure;
        }
        if (!o->json)
            std::cout << label(snapshot, *from) << " to " << label(snapshot, *to) << ": "
                      << paths.size() << (paths.size() == 1 ? " path" : " paths") << " of "
                      << paths[0].hops.size() << (paths[0].hops.size() == 1 ? " hop" : " hops")
                      << (query.mode == graph::PathMode::Weight
                              ? " (by weight, cost " + format_number(paths[0].cost) + ")"
                              : std::string())
                      << '\n';
        const auto& g = snapshot.graph();
        for (std::size_t p = 0; p < paths.size(); ++p) {
            json path_json{{"cost", rounded(paths[p].cost)}, {"hops", json::array()}};
            if (!o->json)
                std::cout << "\npath " << (p + 1) << '\n';
            for (const auto& hop : paths[p].hops) {
                json hop_json{{"from", label(snapshot, hop.from)},
                              {"to", label(snapshot, hop.to)},
                              {"relations", json::array()}};
                if (!o->json)
                    std::cout << "  " << label(snapshot, hop.from) << " -> "
                              << label(snapshot, hop.to) << '\n';
                for (auto e : hop.relations) {
                    const auto& info = snapshot.edge(e);
                    const bool forward = boost::source(e, g) == hop.from;
                    const std::string arrow = !info.directed ? "--" : forward ? "->" : "<-";
                    const std::vector<RelationId> ids{info.relation};
                    const auto evidence = store::load_evidence(project, ids);
                    json rel{{"relation", info.relation.value},
                             {"type", snapshot.relation_type_name(info.type)},
                             {"direction", arrow},
                             {"weight", rounded(info.weight)},
                             {"evidence", json::array()}};
                    if (!o->json)
                        std::cout << "    " << arrow << ' '
                                  << snapshot.relation_type_name(info.type) << " (relation "
                                  << info.relation.value << ", weight "
                                  << format_number(info.weight) << ")\n";
                    for (const auto& ev : evidence) {
                        rel["evidence"].push_back({{"document", ev.document.value},
                                                   {"title", ev.document_title},
                                                   {"date", ev.document_date},
                                                   {"page", ev.page},
                                                   {"start", ev.sentence_start},
                                                   {"end", ev.sentence_end},
                                                   {"sentence", ev.sentence}});
                        if (!o->json) {
                            std::cout << "      \"" << one_line(ev.sentence) << "\" ("
                                      << ev.document_title;
                            if (!ev.document_date.empty())
                                std::cout << ", " << ev.document_date;
                            if (ev.page > 0)
                                std::cout << ", p. " << ev.page;
                            std::cout << ", document " << ev.document.value << ")\n";
                        }
                    }
                    hop_json["relations"].push_back(std::move(rel));
                }
                path_json["hops"].push_back(std::move(hop_json));
            }
            out["paths"].push_back(std::move(path_json));
        }
        if (o->json)
            print_json(out);
        return kOk;
    });
}

void register_graph_commands(CLI::App& app) {
    register_graph_command(app);
    register_path_command(app);
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_graph_commands);

} // namespace dossier::cli
