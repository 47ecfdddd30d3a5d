#pragma once
// The parts of a view file (VIEW.json) that belong to exports: "layout", "style" and
// "export" (also read as "export_options"). One file + `dossier export --view VIEW.json`
// regenerates a figure; other sections (the graph filter) are kept untouched when a view is saved
// again.
#include "dossier/export/print_edges.h"
#include "dossier/layout/layout_request.h"
#include "dossier/render/figure.h"
#include "dossier/render/palette.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::exporting {

enum class ColorBy { Type, Community };
// How an edge's weight is drawn: "width" (thicker), "opacity" (darker) or "both".
enum class EdgeWeight { Width, Opacity, Both };

// The smallest text a figure prints: journals ask for 5-7 pt (Nature, Cell Press, Elsevier).
constexpr double kMinTextPoints = 6;

struct StyleOptions {
    render::Palette palette = render::Palette::OkabeIto;
    ColorBy color_by = ColorBy::Type;
    std::string size_by; // metric name; empty: every node the same size
    bool legend = false;
    std::string title;
    std::string caption;
    double label_points = 7; // at least kMinTextPoints: print stays legible
    // How long names are shortened on the figure (render/figure_labels.h); the data files and
    // the evidence appendix keep them whole.
    int label_max_chars = 28;
    bool documents_by_reference = true;
    double min_diameter = 10; // points, layout frame
    double max_diameter = 36;
    EdgeWeight edge_weight = EdgeWeight::Width;
    // Names beside the nodes, numbers with a key under the network, or whichever labels clearly
    // more nodes at the page size (render/figure.h).
    render::LabelMode labels = render::LabelMode::Auto;
    // Every link, or the strongest of each node when the network would be a mass of lines
    // (print_edges.h); the data files keep every link.
    LinkDrawing links = LinkDrawing::Auto;
    int links_per_node = static_cast<int>(kDefaultLinksPerNode);
};

std::string_view to_string(EdgeWeight mode);
std::optional<EdgeWeight> parse_edge_weight(std::string_view text);
std::string_view to_string(render::LabelMode mode);
std::optional<render::LabelMode> parse_label_mode(std::string_view text);

struct ExportOptions {
    std::string format = "svg"; // svg pdf png dot graphml gexf csv json
    std::string width = "180mm";
    std::string height = "120mm";
    int dpi = 300;
    std::string evidence;  // path of the evidence appendix, empty for none
    std::string citations; // the quoted documents: .json CSL-JSON or .bib BibTeX; empty for none
};

struct ViewOptions {
    layout::LayoutOptions layout;
    bool layout_engine_chosen = false; // false: pick by graph size
    // Nodes fixed where the analyst put them, by node id (entity id), in points with y up
    // (Graphviz frame): "layout.pinned": {"12": [140.5, -30]}. The command adds the project's
    // pins (node_positions) for nodes the view file does not pin itself.
    std::map<std::string, layout::Point> pinned;
    StyleOptions style;
    ExportOptions export_options;
};

// Reads the three sections, leaving defaults for missing keys; an unknown value throws
// std::invalid_argument naming the key ("style.palette: unknown value 'rainbow'").
ViewOptions parse_view_options(const nlohmann::json& view);
// Writes the three sections into `view`, keeping its other keys.
void store_view_options(const ViewOptions& options, nlohmann::json& view);

} // namespace dossier::exporting
