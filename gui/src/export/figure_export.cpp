#include "export/figure_export.h"

#include "dossier/export/export_files.h"
#include "dossier/export/figure_builder.h"
#include "dossier/export/figure_files.h"
#include "dossier/export/page_length.h"
#include "dossier/export/view_graph.h"
#include "dossier/export/view_options.h"
#include "dossier/graph/metrics.h"
#include "dossier/graph/view_spec.h"
#include "dossier/layout/layout_service.h"
#include "dossier/render/figure_renderer.h"
#include "dossier/render/style_mapping.h"
#include "dossier/store/project.h"
#include "graph_view/graph_painter.h"
#include "state/community_groups.h"

#include <QFile>
#include <QSaveFile>
#include <map>
#include <set>

namespace dossier::gui {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

// Print colours: white page, black text, grey edges (as `dossier export` draws them), whatever
// the screen's palette; nothing selected or emphasised.
GraphStyle print_style(const GraphStyle& screen, const FigureOptions& options) {
    GraphStyle style = screen;
    style.color_by = options.color_by;
    style.size_by = options.size_by;
    style.grayscale = options.grayscale;
    style.background = Qt::white;
    style.text = Qt::black;
    style.edge = render::FigureEdge{}.color;
    return style;
}

QSizeF page_points(const FigureOptions& o) {
    return {o.width_mm * kPointsPerMm, o.height_mm * kPointsPerMm};
}

} // namespace

render::Figure export_figure(const ExplorerState& state, const FigureOptions& options,
                             const GraphStyle& screen) {
    GraphPainter painter;
    painter.set_style(print_style(screen, options));
    painter.set_graph(state.graph().get(), &state.visible());
    render::Figure figure = painter.figure();
    figure.node_outline = QColor(0x22, 0x22, 0x22);
    figure.node_outline_width = 0.4;
    figure.title = options.title;
    figure.legend = options.legend;
    figure.label_mode =
        exporting::parse_label_mode(options.labels.toStdString()).value_or(render::LabelMode::Auto);
    const auto& graph = *state.graph();
    const auto& nodes = painter.node_of_figure();
    const auto palette = options.grayscale ? render::Palette::Grayscale : render::Palette::OkabeIto;
    // Legend: the types (or communities) and relation types present in the figure.
    std::map<int, std::pair<QString, QColor>> categories;
    for (int i : nodes) {
        const auto& node = graph.nodes[static_cast<std::size_t>(i)];
        if (options.color_by == ColorBy::Type) {
            const auto type = to_string(node.type);
            categories[render::entity_type_slot(type)] = {
                QString::fromUtf8(type.data(), static_cast<qsizetype>(type.size())),
                render::entity_type_color(palette, type)};
        } else {
            const int community = node.community.value(); // -1: none
            categories[community] = {community < 0 ? QStringLiteral("none")
                                                   : QStringLiteral("community %1").arg(community),
                                     render::community_color(palette, community)};
        }
    }
    figure.color_legend_title =
        options.color_by == ColorBy::Type ? QStringLiteral("Type") : QStringLiteral("Community");
    for (const auto& [key, entry] : categories)
        figure.color_legend.push_back({entry.first, entry.second});
    // One legend row per stroke in use, as the files draw it (render/style_mapping.h).
    std::set<std::string> relation_types;
    for (std::size_t e = 0; e < graph.edges.size(); ++e)
        if (state.visible().edge_visible[e])
            relation_types.insert(graph.edges[e].type.toStdString());
    figure.stroke_legend = render::stroke_legend({relation_types.begin(), relation_types.end()});
    if (options.size_by != SizeBy::Uniform && !nodes.empty()) {
        double low = 0, high = 0, small = 0, big = 0;
        bool first = true;
        for (std::size_t k = 0; k < nodes.size(); ++k) {
            const auto& node = graph.nodes[static_cast<std::size_t>(nodes[k])];
            const double value = options.size_by == SizeBy::Degree
                                     ? state.visible().degree[static_cast<std::size_t>(nodes[k])]
                                 : options.size_by == SizeBy::Mentions    ? node.mentions
                                 : options.size_by == SizeBy::Betweenness ? node.betweenness
                                                                          : node.pagerank;
            const double d = figure.nodes[k].width;
            if (first || value < low)
                low = value, small = d;
            if (first || value > high)
                high = value, big = d;
            first = false;
        }
        if (high > low)
            figure.size_legend = render::SizeLegend{to_display_string(options.size_by).toLower(),
                                                    low, high, small, big};
    }
    return figure;
}

QString write_figure(const ExplorerState& state, const FigureOptions& options, const QString& path,
                     render::RenderReport* report, const GraphStyle& screen) {
    const QSizeF page = page_points(options);
    if (page.width() < 10 || page.height() < 10)
        return QObject::tr("the figure is too small (%1 × %2 mm)")
            .arg(options.width_mm)
            .arg(options.height_mm);
    if (options.format == QLatin1String("png")) {
        const double scale = options.dpi / 72.0;
        if (page.width() * scale > 30000 || page.height() * scale > 30000)
            return QObject::tr("%1 × %2 pixels is too large; lower the DPI or the size")
                .arg(qRound(page.width() * scale))
                .arg(qRound(page.height() * scale));
    }
    if (options.format != QLatin1String("svg") && options.format != QLatin1String("pdf") &&
        options.format != QLatin1String("png"))
        return QObject::tr("unknown figure format “%1” (svg, pdf or png)").arg(options.format);
    // The same writers as `dossier export`: the figure built from what the window shows.
    const render::Figure figure = export_figure(state, options, screen);
    exporting::PageSetup setup;
    setup.width_points = page.width();
    setup.height_points = page.height();
    setup.dpi = options.dpi;
    try {
        const std::filesystem::path file = path.toStdString();
        const auto written =
            options.format == QLatin1String("svg")   ? exporting::write_svg(file, figure, setup)
            : options.format == QLatin1String("pdf") ? exporting::write_pdf(file, figure, setup)
                                                     : exporting::write_png(file, figure, setup);
        if (report)
            *report = written;
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

// The formats are core/export's (export_files.h), so the dialog offers what the command writes.
bool is_figure_format(const QString& format) {
    return exporting::is_figure_format(format.toStdString());
}

QStringList export_formats() {
    QStringList out;
    for (const auto* formats : {&exporting::figure_formats(), &exporting::data_formats()})
        for (const auto& format : *formats)
            out << QString::fromStdString(format);
    return out;
}

QString write_export(const ExplorerState& state, const FigureOptions& options,
                     const QString& project_path, const QString& path,
                     render::RenderReport* report) {
    try {
        // What `dossier export --view` does with the view file the dialog saves: the same
        // view, the same graph (export_graph_for_view), the same writers (write_export); only
        // the positions are the window's instead of a new layout.
        const auto view = view_spec(state, options);
        const auto view_options = exporting::parse_view_options(view_sections(options));
        exporting::PageSetup page;
        page.width_points = exporting::parse_page_length(view_options.export_options.width);
        page.height_points = exporting::parse_page_length(view_options.export_options.height);
        page.dpi = view_options.export_options.dpi;
        auto project = store::Project::open(project_path.toStdString(), store::OpenMode::ReadOnly);
        std::vector<graph::Metric> metrics = view.metrics;
        if (!view_options.style.size_by.empty())
            if (auto metric = graph::parse_metric(view_options.style.size_by);
                metric && std::find(metrics.begin(), metrics.end(), *metric) == metrics.end())
                metrics.push_back(*metric);
        auto data = exporting::export_graph_for_view(project, view, metrics,
                                                     !options.evidence_csv.isEmpty());
        if (is_figure_format(options.format)) // data files keep every link
            exporting::keep_links_to_draw(
                data, view_options.style.links,
                static_cast<std::size_t>(view_options.style.links_per_node));
        if (view.aggregate.by != graph::AggregateBy::None &&
            view.aggregate.scope != graph::AggregateScope::Project) {
            // Communities of the filtered graph have no place on screen: laid out as
            // `dossier export` lays them out.
            layout::LayoutService service;
            const auto laid_out =
                service.submit(exporting::make_layout_request(data, view_options)).wait();
            if (!laid_out.ok)
                return QString::fromStdString("layout: " + laid_out.error);
            const auto written =
                exporting::write_export(data, &laid_out, view_options, page, path.toStdString());
            if (report && written)
                *report = *written;
            return {};
        }
        // Positions as the window shows them, y up as the files want; the overview's
        // community "c<k>" is its disc.
        const auto& shown = *state.graph();
        const auto placed = exporting::placed_at(
            data, view_options, [&](const std::string& id) -> std::optional<layout::Point> {
                const int i = id.starts_with('c')
                                  ? shown.group_node(CommunityIndex{std::stoi(id.substr(1))})
                                  : shown.find(EntityId{std::stoll(id)});
                if (i < 0)
                    return std::nullopt;
                const auto& at = shown.nodes[static_cast<std::size_t>(i)].position;
                return layout::Point{at.x(), -at.y()};
            });
        const auto written =
            exporting::write_export(data, &placed, view_options, page, path.toStdString());
        if (report && written)
            *report = *written;
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QImage preview_figure(const ExplorerState& state, const FigureOptions& options, QSize pixels) {
    const QSizeF page = page_points(options);
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const double scale = std::min(pixels.width() / page.width(), pixels.height() / page.height());
    const render::Figure figure = export_figure(state, options);
    QPainter p(&image);
    p.translate((pixels.width() - page.width() * scale) / 2,
                (pixels.height() - page.height() * scale) / 2);
    p.scale(scale, scale);
    render::render_figure(p, page, figure);
    return image;
}

nlohmann::json view_sections(const FigureOptions& options) {
    nlohmann::json style{{"color_by", options.color_by == ColorBy::Type ? "type" : "community"},
                         {"palette", options.grayscale ? "grayscale" : "okabe-ito"},
                         {"legend", options.legend},
                         {"edge_weight", options.edge_weight.toStdString()},
                         {"labels", options.labels.toStdString()},
                         {"links", options.links.toStdString()}};
    // The metrics `dossier export` knows; uniform size is no size_by at all. Communities are
    // sized by their members.
    if (options.aggregate_communities)
        style["size_by"] = "members";
    else if (options.size_by == SizeBy::Degree || options.size_by == SizeBy::Betweenness ||
             options.size_by == SizeBy::PageRank)
        style["size_by"] = to_display_string(options.size_by).toLower().toStdString();
    if (!options.title.isEmpty())
        style["title"] = options.title.toStdString();
    nlohmann::json layout{{"seed", options.seed}};
    if (!options.engine.isEmpty())
        layout["engine"] = options.engine.toStdString();
    nlohmann::json exported{{"format", options.format.toStdString()},
                            {"width", QStringLiteral("%1mm").arg(options.width_mm).toStdString()},
                            {"height", QStringLiteral("%1mm").arg(options.height_mm).toStdString()},
                            {"dpi", options.dpi}};
    if (!options.evidence_csv.isEmpty())
        exported["evidence"] = options.evidence_csv.toStdString();
    return {{"layout", layout}, {"style", style}, {"export", exported}};
}

graph::ViewSpec view_spec(const ExplorerState& state, const FigureOptions& options) {
    graph::ViewSpec view;
    view.filter = state.view_filter();
    if (options.top_n > 0) { // the reduction `dossier export --top` makes, of what is shown
        view.filter.top_n = static_cast<std::size_t>(options.top_n);
        view.filter.top_metric = options.top_metric.toStdString();
    }
    view.metrics = {graph::Metric::Degree, graph::Metric::Betweenness, graph::Metric::PageRank,
                    graph::Metric::Community};
    if (options.aggregate_communities) {
        view.aggregate.by = graph::AggregateBy::Community;
        const auto& presentation = state.presentation();
        if (presentation.mode == ShowMode::Communities && state.graph()->groups.built) {
            // The overview as drawn: the project's communities (community_groups.h), the ones
            // unfolded drawn as their entities, a community of one drawn as its entity.
            view.aggregate.scope = graph::AggregateScope::Project;
            for (const CommunityIndex community : presentation.unfolded) // the file's numbers
                view.aggregate.unfolded.push_back(community.value());
            view.aggregate.min_members = kSmallestFoldedCommunity;
            view.aggregate.label_members = kCommunityLabelMembers;
            view.aggregate.seed = kCommunitySeed;
        }
    }
    const auto sections = view_sections(options);
    view.layout = sections["layout"];
    if (view.aggregate.scope == graph::AggregateScope::Project)
        // `dossier export --view` lays the overview out anew: scaling the layout until no discs
        // overlap leaves room for their labels (30 of 70 nodes unlabelled with "false", 21 with
        // "scale", on a generated 900-entity project with one community unfolded).
        view.layout["overlap"] = "scale";
    view.style = sections["style"];
    view.export_options = sections["export"];
    return view;
}

QByteArray view_json(const ExplorerState& state, const FigureOptions& options) {
    return QByteArray::fromStdString(graph::to_json(view_spec(state, options)).dump(2) + "\n");
}

QString write_view_file(const ExplorerState& state, const FigureOptions& options,
                        const QString& path) {
    try {
        graph::save_view_spec(view_spec(state, options), path.toStdString());
    } catch (const std::exception& e) {
        return QObject::tr("cannot write %1: %2").arg(path, QString::fromUtf8(e.what()));
    }
    return {};
}

} // namespace dossier::gui
