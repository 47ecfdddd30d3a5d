#include "dossier/export/figure_builder.h"

#include "dossier/export/reduction_note.h"
#include "dossier/layout/layout_cost.h"
#include "dossier/render/figure_labels.h"
#include "dossier/render/style_mapping.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace dossier::exporting {
namespace {

// Entity types in a fixed order, so "person" has the same colour in every figure; a community
// drawn as one node (aggregate export) has a slot of its own, so that it never takes the colour
// of a type drawn beside it.
constexpr std::array<const char*, 7> kTypeOrder{"person",   "organization", "country",  "place",
                                                "document", "date",         "community"};

int type_rank(const std::string& type) {
    for (std::size_t i = 0; i < kTypeOrder.size(); ++i)
        if (type == kTypeOrder[i])
            return static_cast<int>(i);
    return static_cast<int>(kTypeOrder.size());
}

struct Range {
    double low = 0;
    double high = 0;
    bool valid() const { return high > low; }
    double normalised(double v) const { return valid() ? (v - low) / (high - low) : 0.5; }
};

Range metric_range(const ExportGraph& graph, const std::string& metric) {
    Range range;
    bool first = true;
    for (const auto& node : graph.nodes) {
        const auto value = node.metric(metric);
        if (!value)
            continue;
        range.low = first ? *value : std::min(range.low, *value);
        range.high = first ? *value : std::max(range.high, *value);
        first = false;
    }
    return range;
}

std::vector<double> diameters(const ExportGraph& graph, const StyleOptions& style) {
    std::vector<double> out(graph.nodes.size(), (style.min_diameter + style.max_diameter) / 3);
    if (style.size_by.empty())
        return out;
    const Range range = metric_range(graph, style.size_by);
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto value = graph.nodes[i].metric(style.size_by);
        // A node without the metric gets the smallest size, as in the graph view.
        out[i] = render::node_diameter(value.value_or(range.low), range.low, range.high,
                                       style.min_diameter, style.max_diameter);
    }
    return out;
}

// Category of each node (type or community) and the ordered list of categories for the legend.
struct Categories {
    std::vector<int> of_node;
    std::vector<std::string> names;
};

Categories categories(const ExportGraph& graph, const StyleOptions& style) {
    Categories out;
    if (style.color_by == ColorBy::Community) {
        std::set<int> ids;
        for (const auto& node : graph.nodes)
            ids.insert(node.community.value_or(-1));
        std::map<int, int> index;
        for (int id : ids) {
            index[id] = static_cast<int>(out.names.size());
            out.names.push_back(id < 0 ? "none" : "community " + std::to_string(id));
        }
        for (const auto& node : graph.nodes)
            out.of_node.push_back(index[node.community.value_or(-1)]);
        return out;
    }
    std::set<std::pair<int, std::string>> types;
    for (const auto& node : graph.nodes)
        types.insert({type_rank(node.type), node.type});
    std::map<std::string, int> index;
    for (const auto& [rank, type] : types) {
        // Known types keep their palette slot whether or not the others are present.
        index[type] = rank < static_cast<int>(kTypeOrder.size())
                          ? rank
                          : static_cast<int>(kTypeOrder.size()) + static_cast<int>(index.size());
        out.names.push_back(type);
    }
    for (const auto& node : graph.nodes)
        out.of_node.push_back(index[node.type]);
    return out;
}

QString hex(const QColor& color) {
    return color.name(QColor::HexRgb).toUpper();
}

} // namespace

layout::LayoutRequest make_layout_request(const ExportGraph& graph, const ViewOptions& options) {
    layout::LayoutRequest request;
    request.options = options.layout;
    const auto sizes = diameters(graph, options.style);
    request.nodes.reserve(graph.nodes.size());
    bool has_pins = false;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        std::optional<layout::Point> pin;
        if (auto found = options.pinned.find(graph.nodes[i].id); found != options.pinned.end())
            pin = found->second;
        has_pins = has_pins || pin.has_value();
        request.nodes.push_back({graph.nodes[i].id, sizes[i], sizes[i], pin, std::nullopt});
    }
    request.edges.reserve(graph.edges.size());
    for (const auto& edge : graph.edges)
        request.edges.push_back({edge.source, edge.target, edge.weight});
    if (!options.layout_engine_chosen) {
        request.options.engine = layout::default_engine_for(graph.nodes.size());
        // Only neato and fdp keep pinned nodes in place; neato is chosen for pins while it stays
        // quick, else the size default runs and reports that it ignored the pins.
        if (has_pins && !layout::estimate_layout_cost(layout::Engine::Neato, request.nodes.size(),
                                                      request.edges.size())
                             .long_running)
            request.options.engine = layout::Engine::Neato;
    }
    return request;
}

std::vector<NodeVisual> node_visuals(const ExportGraph& graph, const layout::LayoutResult& placed,
                                     const StyleOptions& style) {
    const auto cats = categories(graph, style);
    std::vector<NodeVisual> out;
    out.reserve(graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size() && i < placed.nodes.size(); ++i) {
        const auto& p = placed.nodes[i];
        out.push_back({p.center.x, p.center.y, p.width,
                       hex(render::category_color(style.palette, cats.of_node[i])).toStdString()});
    }
    return out;
}

render::Figure build_figure(const ExportGraph& graph, const layout::LayoutResult& placed,
                            const StyleOptions& style) {
    render::Figure figure;
    const auto cats = categories(graph, style);
    const auto& box = placed.bounding_box;
    figure.bounds = QRectF(box.lower_left.x, box.lower_left.y, box.width(), box.height());
    figure.title = QString::fromStdString(style.title);
    // What top-N, aggregation and minimum weight left out is said after the analyst's caption.
    const auto note = reduction_note(graph.reduction);
    figure.caption = QString::fromStdString(
        style.caption.empty() || note.empty() ? style.caption + note : style.caption + " " + note);
    figure.legend = style.legend;
    figure.label_mode = style.labels;
    figure.label_points = style.label_points;
    figure.label_priority_name = QString::fromStdString(style.size_by);
    const render::LabelRule label_rule{style.label_max_chars, style.documents_by_reference};

    const Range range = style.size_by.empty() ? Range{} : metric_range(graph, style.size_by);
    figure.nodes.reserve(graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size() && i < placed.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        const auto& p = placed.nodes[i];
        render::FigureNode out;
        out.label = render::figure_label(node.type, QString::fromStdString(node.label),
                                         QString::fromStdString(node.first_date), label_rule);
        out.center = QPointF(p.center.x, p.center.y);
        out.width = p.width;
        out.height = p.height;
        out.fill = render::category_color(style.palette, cats.of_node[i]);
        // The most important nodes keep their labels: by the size metric, else by size in the file.
        out.label_priority =
            style.size_by.empty() ? p.width : node.metric(style.size_by).value_or(range.low);
        figure.nodes.push_back(std::move(out));
    }

    std::vector<std::string> relation_types;
    for (const auto& edge : graph.edges)
        relation_types.push_back(edge.type);
    std::sort(relation_types.begin(), relation_types.end());
    relation_types.erase(std::unique(relation_types.begin(), relation_types.end()),
                         relation_types.end());
    // The same stroke per relation type as the graph view (render/style_mapping.h).
    auto stroke_of = [](const std::string& type) { return render::relation_stroke(type); };
    Range weights;
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        weights.low = i == 0 ? graph.edges[i].weight : std::min(weights.low, graph.edges[i].weight);
        weights.high =
            i == 0 ? graph.edges[i].weight : std::max(weights.high, graph.edges[i].weight);
    }
    figure.edges.reserve(graph.edges.size());
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const auto& edge = graph.edges[i];
        render::FigureEdge out;
        out.source = static_cast<int>(edge.source);
        out.target = static_cast<int>(edge.target);
        if (i < placed.edges.size())
            for (const auto& point : placed.edges[i].points)
                out.route.emplace_back(point.x, point.y);
        out.width = render::edge_width(edge.weight, weights.low, weights.high);
        if (style.edge_weight != EdgeWeight::Width) // heaviest opaque, lightest a quarter
            out.color.setAlphaF(0.25 +
                                0.75 * (weights.valid() ? weights.normalised(edge.weight) : 1));
        if (style.edge_weight == EdgeWeight::Opacity)
            out.width = 2 * render::kMinEdgeWidth;
        out.stroke = stroke_of(edge.type);
        out.directed = edge.directed;
        figure.edges.push_back(std::move(out));
    }

    figure.color_legend_title = style.color_by == ColorBy::Community ? "Community" : "Type";
    for (std::size_t c = 0; c < cats.names.size(); ++c) {
        // Find the colour through a node of that category, so legend and nodes cannot disagree.
        for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
            const bool matches =
                style.color_by == ColorBy::Community
                    ? cats.names[c] ==
                          (graph.nodes[i].community
                               ? "community " + std::to_string(*graph.nodes[i].community)
                               : std::string("none"))
                    : cats.names[c] == graph.nodes[i].type;
            if (matches) {
                figure.color_legend.push_back(
                    {QString::fromStdString(cats.names[c]),
                     render::category_color(style.palette, cats.of_node[i])});
                break;
            }
        }
    }
    // A figure of communities only: one swatch saying "community" tells nothing the caption does
    // not ("Each node is a community"), and on a narrow page it costs the network a row.
    if (cats.names.size() == 1 && cats.names.front() == "community")
        figure.color_legend.clear();
    figure.stroke_legend = render::stroke_legend(relation_types);
    if (!style.size_by.empty() && range.valid())
        figure.size_legend = render::SizeLegend{QString::fromStdString(style.size_by), range.low,
                                                range.high, style.min_diameter, style.max_diameter};
    return figure;
}

} // namespace dossier::exporting
