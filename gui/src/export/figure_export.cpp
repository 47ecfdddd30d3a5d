#include "export/figure_export.h"

#include "dossier/export/data_writers.h"
#include "dossier/export/evidence_appendix.h"
#include "dossier/export/figure_files.h"
#include "dossier/export/file_output.h"
#include "dossier/export/snapshot_export.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/graph/view_spec.h"
#include "dossier/render/figure_renderer.h"
#include "dossier/render/style_mapping.h"
#include "dossier/store/project.h"
#include "graph_view/graph_painter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
            categories[node.community] = {node.community < 0
                                              ? QStringLiteral("none")
                                              : QStringLiteral("community %1").arg(node.community),
                                          render::community_color(palette, node.community)};
        }
    }
    figure.color_legend_title =
        options.color_by == ColorBy::Type ? QStringLiteral("Type") : QStringLiteral("Community");
    for (const auto& [key, entry] : categories)
        figure.color_legend.push_back({entry.first, entry.second});
    std::set<QString> relation_types;
    for (std::size_t e = 0; e < graph.edges.size(); ++e)
        if (state.visible().edge_visible[e])
            relation_types.insert(graph.edges[e].type);
    for (const auto& type : relation_types)
        figure.stroke_legend.push_back({type, render::relation_stroke(type.toStdString())});
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

bool is_figure_format(const QString& format) {
    return format == QLatin1String("svg") || format == QLatin1String("pdf") ||
           format == QLatin1String("png");
}

QStringList export_formats() {
    return {QStringLiteral("svg"), QStringLiteral("pdf"),     QStringLiteral("png"),
            QStringLiteral("dot"), QStringLiteral("graphml"), QStringLiteral("gexf"),
            QStringLiteral("csv"), QStringLiteral("json")};
}

QString write_data_and_evidence(const ExplorerState& state, const FigureOptions& options,
                                const QString& project_path, const QString& path) {
    const bool data = !is_figure_format(options.format);
    if (!data && options.evidence_csv.isEmpty())
        return {};
    try {
        // The view file's own reading of the window's filter: what `dossier export --view`
        // will select, so the file and the command agree.
        const auto view = graph::parse_view_spec_text(view_json(state, options).toStdString());
        auto project = store::Project::open(project_path.toStdString(), store::OpenMode::ReadOnly);
        const auto snapshot = graph::GraphSnapshot::build(project, view.filter);
        std::vector<graph::Metric> which = view.metrics;
        if (std::find(which.begin(), which.end(), graph::Metric::Degree) == which.end())
            which.push_back(graph::Metric::Degree);
        const auto metrics = graph::compute_metrics(snapshot, which);
        const auto graph_data = exporting::export_graph_from_snapshot(
            project, snapshot, metrics, !options.evidence_csv.isEmpty());
        if (!options.evidence_csv.isEmpty())
            exporting::write_file_atomically(options.evidence_csv.toStdString(),
                                             exporting::write_evidence_csv(graph_data));
        if (!data)
            return {};
        // Positions, sizes and colours as the window shows them (y up, as the files want).
        GraphPainter painter;
        painter.set_style(print_style(GraphStyle{}, options));
        painter.set_graph(state.graph().get(), &state.visible());
        std::vector<exporting::NodeVisual> visuals;
        for (const auto& node : graph_data.nodes) {
            const int i = state.graph()->find(EntityId{std::stoll(node.id)});
            if (i < 0) {
                visuals.clear(); // a node the window does not have: no positions at all
                break;
            }
            const auto& shown = state.graph()->nodes[static_cast<std::size_t>(i)];
            visuals.push_back({shown.position.x(), -shown.position.y(), 2 * painter.node_radius(i),
                               painter.node_color(i).name(QColor::HexRgb).toUpper().toStdString()});
        }
        const std::filesystem::path out = path.toStdString();
        const auto& f = options.format;
        if (f == QLatin1String("dot"))
            exporting::write_file_atomically(out, exporting::write_dot(graph_data, visuals));
        else if (f == QLatin1String("graphml"))
            exporting::write_file_atomically(out, exporting::write_graphml(graph_data, visuals));
        else if (f == QLatin1String("gexf"))
            exporting::write_file_atomically(out, exporting::write_gexf(graph_data, visuals));
        else if (f == QLatin1String("json"))
            exporting::write_file_atomically(out,
                                             exporting::write_cytoscape_json(graph_data, visuals));
        else if (f == QLatin1String("csv")) {
            // As `dossier export`: graph.csv becomes graph-nodes.csv and graph-edges.csv.
            auto stem = out;
            if (stem.extension() == ".csv")
                stem.replace_extension();
            const auto files = exporting::write_csv(graph_data, visuals);
            exporting::write_file_atomically(stem.string() + "-nodes.csv", files.nodes);
            exporting::write_file_atomically(stem.string() + "-edges.csv", files.edges);
        } else
            return QObject::tr("unknown format “%1”").arg(f);
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

QByteArray view_json(const ExplorerState& state, const FigureOptions& options) {
    const auto& filter = state.filter();
    QJsonObject f;
    QJsonArray types;
    for (auto type : {EntityType::Person, EntityType::Organization, EntityType::Country,
                      EntityType::Place, EntityType::Document, EntityType::Date})
        if (!filter.hidden_types.contains(type))
            types.append(QString::fromUtf8(std::string(to_string(type)).c_str()));
    if (!filter.hidden_types.isEmpty())
        f[QStringLiteral("entity_types")] = types;
    if (!filter.hidden_relations.isEmpty()) {
        QSet<QString> all;
        for (const auto& edge : state.graph()->edges)
            all.insert(edge.type);
        QStringList kept;
        for (const auto& t : all)
            if (!filter.hidden_relations.contains(t))
                kept << t;
        kept.sort();
        f[QStringLiteral("relation_types")] = QJsonArray::fromStringList(kept);
    }
    if (filter.min_weight > 0)
        f[QStringLiteral("min_weight")] = filter.min_weight;
    if (filter.min_degree > 0)
        f[QStringLiteral("min_degree")] = filter.min_degree;
    auto iso_month = [](MonthIndex m) {
        return QStringLiteral("%1-%2").arg(m / 12).arg(m % 12 + 1, 2, 10, QLatin1Char('0'));
    };
    if (filter.from_month)
        f[QStringLiteral("date_from")] = iso_month(filter.from_month);
    if (filter.to_month)
        f[QStringLiteral("date_to")] = iso_month(filter.to_month);

    QJsonObject style{{QStringLiteral("color_by"), options.color_by == ColorBy::Type
                                                       ? QStringLiteral("type")
                                                       : QStringLiteral("community")},
                      {QStringLiteral("palette"), options.grayscale ? QStringLiteral("grayscale")
                                                                    : QStringLiteral("okabe-ito")},
                      {QStringLiteral("legend"), options.legend}};
    // The metrics `dossier export` knows; uniform size is no size_by at all.
    if (options.size_by == SizeBy::Degree || options.size_by == SizeBy::Betweenness ||
        options.size_by == SizeBy::PageRank)
        style[QStringLiteral("size_by")] = to_display_string(options.size_by).toLower();
    if (!options.title.isEmpty())
        style[QStringLiteral("title")] = options.title;
    QJsonObject layout{{QStringLiteral("seed"), static_cast<qint64>(options.seed)}};
    if (!options.engine.isEmpty())
        layout[QStringLiteral("engine")] = options.engine;
    QJsonObject exported{{QStringLiteral("format"), options.format},
                         {QStringLiteral("width"), QStringLiteral("%1mm").arg(options.width_mm)},
                         {QStringLiteral("height"), QStringLiteral("%1mm").arg(options.height_mm)},
                         {QStringLiteral("dpi"), options.dpi}};
    if (!options.evidence_csv.isEmpty())
        exported[QStringLiteral("evidence")] = options.evidence_csv;
    QJsonObject root{{QStringLiteral("filter"), f},
                     {QStringLiteral("metrics"),
                      QJsonArray{QStringLiteral("degree"), QStringLiteral("betweenness"),
                                 QStringLiteral("pagerank"), QStringLiteral("community")}},
                     {QStringLiteral("layout"), layout},
                     {QStringLiteral("style"), style},
                     {QStringLiteral("export"), exported}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString write_view_file(const ExplorerState& state, const FigureOptions& options,
                        const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    file.write(view_json(state, options));
    return file.commit() ? QString()
                         : QObject::tr("cannot write %1: %2").arg(path, file.errorString());
}

} // namespace dossier::gui
