// `dossier export`: the project's network (under a view) as a figure (SVG, PDF, PNG) or as data
// (DOT, GraphML, GEXF, CSV, Cytoscape JSON), with an optional evidence appendix. Every option
// can come from a view file, and --save-view writes the file that regenerates the output.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/export/citations.h"
#include "dossier/export/export_files.h"
#include "dossier/export/figure_builder.h"
#include "dossier/export/page_length.h"
#include "dossier/export/view_graph.h"
#include "dossier/export/view_options.h"
#include "dossier/graph/view_spec.h"
#include "dossier/layout/layout_cost.h"
#include "dossier/layout/layout_service.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/store_error.h"

#include <QGuiApplication>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>

namespace dossier::cli {
namespace {

bool is_figure(const std::string& format) {
    return exporting::is_figure_format(format);
}

// Command-line values; unset ones leave the view file's (or the default) in place.
struct ExportArguments {
    std::string project;
    std::string output;
    std::string view;
    std::string save_view;
    std::optional<std::string> format, layout, width, height, palette, color_by, size_by, title,
        caption, evidence, aggregate, top_metric, edge_weight, citations, labels, links;
    std::optional<std::uint32_t> seed;
    std::optional<std::size_t> top;
    std::optional<double> min_weight;
    std::optional<int> dpi;
    bool legend = false;
};

// Rendering text needs a QGuiApplication; a command-line run has no display, so the offscreen
// platform is used unless the caller chose one.
void ensure_gui_application() {
    if (QGuiApplication::instance() != nullptr)
        return;
    if (std::getenv("QT_QPA_PLATFORM") == nullptr)
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    // Without a session Qt warns about XDG_RUNTIME_DIR on stderr; give it a private one so the
    // command's stderr holds only its own messages.
    if (std::getenv("XDG_RUNTIME_DIR") == nullptr) {
        const auto runtime = std::filesystem::temp_directory_path() /
                             ("dossier-runtime-" + std::to_string(getuid()));
        std::error_code ignored;
        std::filesystem::create_directories(runtime, ignored);
        std::filesystem::permissions(runtime, std::filesystem::perms::owner_all, ignored);
        setenv("XDG_RUNTIME_DIR", runtime.c_str(), 1);
    }
    static int argc = 1;
    static char name[] = "dossier";
    static char* argv[] = {name, nullptr};
    static QGuiApplication app(argc, argv);
}

void apply_arguments(const ExportArguments& args, exporting::ViewOptions& options) {
    if (args.format)
        options.export_options.format = *args.format;
    if (args.layout) {
        const auto engine = layout::parse_engine(*args.layout);
        if (!engine)
            throw std::invalid_argument("--layout: unknown engine '" + *args.layout +
                                        "' (dot, neato, fdp, sfdp, circo, twopi)");
        options.layout.engine = *engine;
        options.layout_engine_chosen = true;
    }
    if (args.seed)
        options.layout.seed = *args.seed;
    if (args.width)
        options.export_options.width = *args.width;
    if (args.height)
        options.export_options.height = *args.height;
    if (args.dpi)
        options.export_options.dpi = *args.dpi;
    if (args.palette) {
        const auto palette = render::parse_palette(*args.palette);
        if (!palette)
            throw std::invalid_argument("--palette: unknown palette '" + *args.palette +
                                        "' (okabe-ito, grayscale)");
        options.style.palette = *palette;
    }
    if (args.color_by) {
        if (*args.color_by != "type" && *args.color_by != "community")
            throw std::invalid_argument("--color-by: expected type or community, got '" +
                                        *args.color_by + "'");
        options.style.color_by = *args.color_by == "community" ? exporting::ColorBy::Community
                                                               : exporting::ColorBy::Type;
    }
    if (args.size_by)
        options.style.size_by = *args.size_by;
    if (args.legend)
        options.style.legend = true;
    if (args.title)
        options.style.title = *args.title;
    if (args.caption)
        options.style.caption = *args.caption;
    if (args.evidence)
        options.export_options.evidence = *args.evidence;
    if (args.citations)
        options.export_options.citations = *args.citations;
    if (args.edge_weight) {
        const auto mode = exporting::parse_edge_weight(*args.edge_weight);
        if (!mode)
            throw std::invalid_argument("--edge-weight: expected width, opacity or both, got '" +
                                        *args.edge_weight + "'");
        options.style.edge_weight = *mode;
    }
    if (args.labels) {
        const auto mode = exporting::parse_label_mode(*args.labels);
        if (!mode)
            throw std::invalid_argument("--labels: expected auto, names or keys, got '" +
                                        *args.labels + "'");
        options.style.labels = *mode;
    }
    if (args.links) {
        const auto mode = exporting::parse_link_drawing(*args.links);
        if (!mode)
            throw std::invalid_argument("--links: expected auto, all or strongest, got '" +
                                        *args.links + "'");
        options.style.links = *mode;
    }
}

// --aggregate, --top, --top-metric and --min-weight change the view's graph sections, so
// --save-view records them.
void apply_graph_arguments(const ExportArguments& args, graph::ViewSpec& view) {
    if (args.aggregate) {
        const auto by = graph::parse_aggregate_by(*args.aggregate);
        if (!by)
            throw std::invalid_argument("--aggregate: expected community or none, got '" +
                                        *args.aggregate + "'");
        view.aggregate.by = *by;
    }
    if (args.top_metric) {
        if (!graph::parse_metric(*args.top_metric))
            throw std::invalid_argument("--top-metric: unknown metric '" + *args.top_metric +
                                        "' (degree, pagerank, betweenness, ...)");
        view.filter.top_metric = *args.top_metric;
    }
    if (args.top) {
        view.filter.top_n = *args.top;
        if (view.filter.top_metric.empty())
            view.filter.top_metric = "pagerank";
    }
    if (args.min_weight) {
        if (!(*args.min_weight >= 0))
            throw std::invalid_argument("--min-weight: expected a number >= 0");
        view.filter.min_weight = *args.min_weight;
    }
}

// Community nodes are sized by their members unless the view chose their other measure.
void size_aggregated_nodes(const graph::ViewSpec& view, exporting::ViewOptions& options) {
    if (view.aggregate.by != graph::AggregateBy::Community)
        return;
    auto& size_by = options.style.size_by;
    if (size_by.empty())
        size_by = "members";
    if (size_by != "members" && size_by != "internal_weight")
        throw std::invalid_argument("--size-by: community nodes are sized by members or "
                                    "internal_weight, not '" +
                                    size_by + "'");
}

// The metrics the figure needs on top of the view's own list.
std::vector<graph::Metric> needed_metrics(const graph::ViewSpec& view,
                                          const exporting::ViewOptions& options) {
    std::vector<graph::Metric> metrics = view.metrics;
    auto add = [&](graph::Metric metric) {
        if (std::find(metrics.begin(), metrics.end(), metric) == metrics.end())
            metrics.push_back(metric);
    };
    add(graph::Metric::Degree);
    if (view.aggregate.by == graph::AggregateBy::Community)
        return metrics; // community nodes carry their own measures
    if (!options.style.size_by.empty()) {
        const auto metric = graph::parse_metric(options.style.size_by);
        if (!metric)
            throw std::invalid_argument("--size-by: unknown metric '" + options.style.size_by +
                                        "'");
        add(*metric);
    }
    if (options.style.color_by == exporting::ColorBy::Community)
        add(graph::Metric::Community);
    return metrics;
}

// The analyst's pins stored in the project (the GUI writes them) join the view file's; a node
// the view file pins itself keeps the view file's position, so the file stays authoritative.
void add_project_pins(store::Project& project, exporting::ViewOptions& options) {
    for (const auto& stored : store::CurationStore(project).positions(true))
        options.pinned.emplace(std::to_string(stored.entity.value),
                               layout::Point{stored.x, stored.y});
}

int run_export(const ExportArguments& args) {
    graph::ViewSpec view;
    exporting::ViewOptions options;
    try {
        if (!args.view.empty())
            view = graph::load_view_spec(args.view);
        nlohmann::json sections = {
            {"layout", view.layout}, {"style", view.style}, {"export", view.export_options}};
        options = exporting::parse_view_options(sections);
        apply_arguments(args, options);
        apply_graph_arguments(args, view);
        size_aggregated_nodes(view, options);
        if (!options.export_options.citations.empty()) // .json or .bib, before any work
            exporting::citation_format_for(options.export_options.citations);
    } catch (const std::exception& e) {
        print_error("export: " + (args.view.empty() ? std::string("options") : args.view) + " : " +
                    e.what());
        return kFailure;
    }
    const std::string& format = options.export_options.format;
    if (!exporting::is_export_format(format)) {
        print_error("export: --format : unknown format '" + format +
                    "' (svg, pdf, png, dot, graphml, gexf, csv, json)");
        return kFailure;
    }
    exporting::PageSetup page;
    try {
        page.width_points = exporting::parse_page_length(options.export_options.width);
        page.height_points = exporting::parse_page_length(options.export_options.height);
        page.dpi = options.export_options.dpi;
        if (page.dpi < 10 || page.dpi > 2400)
            throw std::invalid_argument("--dpi must be between 10 and 2400");
    } catch (const std::exception& e) {
        print_error(std::string("export: page size : ") + e.what());
        return kFailure;
    }

    auto project = open_project(args.project, store::OpenMode::ReadOnly);
    exporting::ExportGraph data;
    try {
        data = exporting::export_graph_for_view(project, view, needed_metrics(view, options),
                                                !options.export_options.evidence.empty() ||
                                                    !options.export_options.citations.empty());
        add_project_pins(project, options);
        if (is_figure(format))
            exporting::keep_links_to_draw(data, options.style.links,
                                          static_cast<std::size_t>(options.style.links_per_node));
    } catch (const std::exception& e) {
        print_error("export: " + args.project + " : " + e.what());
        return kFailure;
    }

    // Figures always need a layout; data files carry positions when an engine was chosen.
    std::optional<layout::LayoutResult> placed;
    if (is_figure(format) || options.layout_engine_chosen) {
        auto request = exporting::make_layout_request(data, options);
        const auto cost = layout::estimate_layout_cost(request.options.engine, request.nodes.size(),
                                                       request.edges.size());
        if (cost.long_running)
            std::cerr << "dossier: export: layout will take a while (" << cost.summary << ")\n";
        layout::LayoutService service;
        if (const auto check = service.plugins(); !check.ok) {
            print_error("export: Graphviz : " + check.message);
            return kFailure;
        }
        // A long layout shows its progress on a terminal (elapsed against the estimate).
        layout::LayoutControl control;
        if (cost.long_running && isatty(STDERR_FILENO))
            control.progress = [](const layout::LayoutProgress& p) {
                std::fprintf(stderr, "\rdossier: export: layout %.0f s of about %.0f s (estimate)",
                             p.elapsed_seconds, p.estimated_seconds);
                if (p.phase == layout::LayoutProgress::Phase::Done)
                    std::fputc('\n', stderr);
            };
        placed = service.submit(std::move(request), std::move(control)).wait();
        if (!placed->ok) {
            print_error("export: layout : " + placed->error);
            return kFailure;
        }
        // Pins ignored by the engine, or overlap removal turned off for them: say so.
        for (const auto& message : placed->messages)
            if (message.find("pinned") != std::string::npos)
                std::cerr << "dossier: export: layout : " << message << "\n";
    }

    try {
        if (is_figure(format))
            ensure_gui_application();
        exporting::write_export(data, placed ? &*placed : nullptr, options, page, args.output);
        if (!args.save_view.empty()) {
            nlohmann::json sections = nlohmann::json::object();
            exporting::store_view_options(options, sections);
            view.layout = sections["layout"];
            view.style = sections["style"];
            view.export_options = sections["export"];
            graph::save_view_spec(view, args.save_view);
        }
    } catch (const std::exception& e) {
        print_error(std::string("export: ") + e.what());
        return kFailure;
    }
    return kOk;
}

void register_export_command(CLI::App& app) {
    auto args = std::make_shared<ExportArguments>();
    auto* command = app.add_subcommand(
        "export",
        "Write the network as a figure (svg, pdf, png) or data (dot, graphml, gexf, csv, json)");
    command->add_option("PROJECT", args->project, "Project file (.dossier)")->required();
    command
        ->add_option(
            "-o,--output", args->output,
            "Output file (csv: FILE-nodes.csv and FILE-edges.csv, a .csv suffix is dropped)")
        ->required();
    command->add_option("--format", args->format,
                        "svg, pdf, png, dot, graphml, gexf, csv or json (default svg)");
    command->add_option("--view", args->view,
                        "View file (JSON: filter, metrics, layout, style, export)");
    command->add_option("--layout", args->layout,
                        "Graphviz engine: dot, neato, fdp, sfdp, circo, twopi");
    command->add_option("--seed", args->seed, "Layout seed (same seed, same figure)");
    command->add_option("--width", args->width,
                        "Page width: 180mm, 7in, 18cm, 500pt (default 180mm)");
    command->add_option("--height", args->height, "Page height (default 120mm)");
    command->add_option("--dpi", args->dpi, "PNG resolution (default 300)");
    command->add_option("--palette", args->palette, "okabe-ito (default) or grayscale");
    command->add_option("--color-by", args->color_by, "type (default) or community");
    command->add_option("--size-by", args->size_by,
                        "Node size by a metric: degree, pagerank, betweenness, ...");
    command->add_flag("--legend", args->legend,
                      "Draw a legend (types or communities, relations, size scale)");
    command->add_option("--title", args->title, "Title above the figure");
    command->add_option("--caption", args->caption, "Caption below the figure");
    command->add_option("--aggregate", args->aggregate,
                        "community: one node per community, labelled by its most central "
                        "members and sized by members; none: every entity (default)");
    command->add_option("--top", args->top,
                        "Keep the N most central entities (by --top-metric); the caption says "
                        "how many were left out");
    command->add_option("--top-metric", args->top_metric,
                        "Metric for --top: pagerank (default), degree, betweenness, ...");
    command->add_option("--min-weight", args->min_weight, "Leave out relations lighter than W");
    command->add_option("--edge-weight", args->edge_weight,
                        "Draw an edge's weight as width (default), opacity or both");
    command->add_option("--labels", args->labels,
                        "Label nodes by names, by numbers with a key under the network (keys), "
                        "or by whichever labels clearly more nodes at the page size (auto, "
                        "default)");
    command->add_option("--links", args->links,
                        "On a figure, draw every link (all), the 3 strongest of each node "
                        "(strongest; style.links_per_node in a view file), or the strongest "
                        "once there are more than 4 links per node (auto, default); the caption "
                        "says how many are drawn, data files keep them all");
    command->add_option("--evidence", args->evidence,
                        "Also write the evidence appendix (CSV) of the drawn edges");
    command->add_option("--citations", args->citations,
                        "Also write the documents the evidence quotes: FILE.json (CSL-JSON) or "
                        "FILE.bib (BibTeX), for Zotero and other reference managers");
    command->add_option("--save-view", args->save_view,
                        "Write the view file that regenerates this output");
    set_action(command, [args] { return run_export(*args); });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_export_command);

} // namespace dossier::cli
