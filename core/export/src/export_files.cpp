#include "dossier/export/export_files.h"

#include "dossier/export/citations.h"
#include "dossier/export/data_writers.h"
#include "dossier/export/evidence_appendix.h"
#include "dossier/export/figure_builder.h"
#include "dossier/export/file_output.h"

#include <algorithm>
#include <stdexcept>

namespace dossier::exporting {

const std::vector<std::string>& figure_formats() {
    static const std::vector<std::string> formats{"svg", "pdf", "png"};
    return formats;
}
const std::vector<std::string>& data_formats() {
    static const std::vector<std::string> formats{"dot", "graphml", "gexf", "csv", "json"};
    return formats;
}
bool is_figure_format(const std::string& format) {
    const auto& f = figure_formats();
    return std::find(f.begin(), f.end(), format) != f.end();
}
bool is_export_format(const std::string& format) {
    const auto& d = data_formats();
    return is_figure_format(format) || std::find(d.begin(), d.end(), format) != d.end();
}

std::pair<std::filesystem::path, std::filesystem::path>
csv_paths(const std::filesystem::path& output) {
    auto stem = output;
    if (stem.extension() == ".csv")
        stem.replace_extension();
    return {stem.string() + "-nodes.csv", stem.string() + "-edges.csv"};
}

namespace {

render::RenderReport write_figure_file(const ExportGraph& graph, const layout::LayoutResult& placed,
                                       const ViewOptions& options, const PageSetup& page,
                                       const std::filesystem::path& output) {
    const auto figure = build_figure(graph, placed, options.style);
    const auto& format = options.export_options.format;
    if (format == "svg")
        return write_svg(output, figure, page);
    if (format == "pdf")
        return write_pdf(output, figure, page);
    return write_png(output, figure, page);
}

void write_data_file(const ExportGraph& graph, const layout::LayoutResult* placed,
                     const ViewOptions& options, const std::filesystem::path& output) {
    const auto visuals =
        placed ? node_visuals(graph, *placed, options.style) : std::vector<NodeVisual>{};
    const auto& format = options.export_options.format;
    if (format == "dot")
        write_file_atomically(output, write_dot(graph, visuals));
    else if (format == "graphml")
        write_file_atomically(output, write_graphml(graph, visuals));
    else if (format == "gexf")
        write_file_atomically(output, write_gexf(graph, visuals));
    else if (format == "json")
        write_file_atomically(output, write_cytoscape_json(graph, visuals));
    else {
        const auto files = write_csv(graph, visuals);
        const auto [nodes, edges] = csv_paths(output);
        write_file_atomically(nodes, files.nodes);
        write_file_atomically(edges, files.edges);
    }
}

} // namespace

std::optional<render::RenderReport> write_export(const ExportGraph& graph,
                                                 const layout::LayoutResult* placed,
                                                 const ViewOptions& options, const PageSetup& page,
                                                 const std::filesystem::path& output) {
    const auto& format = options.export_options.format;
    if (!is_export_format(format))
        throw std::invalid_argument("unknown format '" + format +
                                    "' (svg, pdf, png, dot, graphml, gexf, csv, json)");
    std::optional<render::RenderReport> report;
    if (is_figure_format(format)) {
        if (!placed)
            throw std::invalid_argument("a figure needs a layout");
        report = write_figure_file(graph, *placed, options, page, output);
    } else {
        write_data_file(graph, placed, options, output);
    }
    if (!options.export_options.evidence.empty())
        write_file_atomically(options.export_options.evidence, write_evidence_csv(graph));
    if (const auto& citations = options.export_options.citations; !citations.empty())
        write_file_atomically(citations, write_citations(graph, citation_format_for(citations)));
    return report;
}

layout::LayoutResult
placed_at(const ExportGraph& graph, const ViewOptions& options,
          const std::function<std::optional<layout::Point>(const std::string& id)>& position_of) {
    const auto request = make_layout_request(graph, options);
    layout::LayoutResult out;
    out.ok = true;
    bool first = true;
    for (const auto& node : request.nodes) {
        const auto at = position_of(node.key);
        if (!at)
            throw std::invalid_argument("node " + node.key + " has no position");
        out.nodes.push_back({node.key, *at, node.width, node.height});
        const layout::Point low{at->x - node.width / 2, at->y - node.height / 2};
        const layout::Point high{at->x + node.width / 2, at->y + node.height / 2};
        auto& box = out.bounding_box;
        box.lower_left = first ? low
                               : layout::Point{std::min(box.lower_left.x, low.x),
                                               std::min(box.lower_left.y, low.y)};
        box.upper_right = first ? high
                                : layout::Point{std::max(box.upper_right.x, high.x),
                                                std::max(box.upper_right.y, high.y)};
        first = false;
    }
    for (const auto& edge : request.edges)
        out.edges.push_back({edge.source, edge.target, {}});
    return out;
}

} // namespace dossier::exporting
