#pragma once
// What a layout job needs and what it gives back: plain values, no Graphviz types.
//
// Units: every length and coordinate is in points (1/72 inch), in Graphviz's frame (y axis
// pointing up). Renderers map the bounding box onto their page.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::layout {

enum class Engine { Dot, Neato, Fdp, Sfdp, Circo, Twopi };

std::string_view to_string(Engine engine);
std::optional<Engine> parse_engine(std::string_view name);

struct Point {
    double x = 0;
    double y = 0;
    auto operator<=>(const Point&) const = default;
};

struct LayoutNode {
    std::string key;    // caller's identity (e.g. entity id); echoed back in the result
    double width = 18;  // points
    double height = 18; // points
    // A position the analyst fixed: honoured by neato and fdp (pos="x,y!"); see docs/EXPORTS.md
    // for the other engines.
    std::optional<Point> pinned;
    // Where the node was last time, so a filter change does not make the picture jump
    // (neato, fdp and sfdp start from it).
    std::optional<Point> start;
};

struct LayoutEdge {
    std::size_t source = 0; // index into LayoutRequest::nodes
    std::size_t target = 0;
    double weight = 1.0;
};

struct LayoutOptions {
    Engine engine = Engine::Sfdp;
    std::uint32_t seed = 1;
    // Graphviz "overlap": "false" removes node overlaps (prism), "true" keeps them, or any
    // other Graphviz value ("scale", "compress", "voronoi").
    std::string overlap = "false";
    // Graphviz "splines": "line", "polyline", "curved", "spline", "ortho", "none".
    std::string splines = "line";
    std::string rankdir = "TB"; // dot only: TB, LR, BT, RL
    double nodesep = 0.25;      // inches, as Graphviz takes it
};

struct LayoutRequest {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    LayoutOptions options;
};

struct NodePlacement {
    std::string key;
    Point center;
    double width = 0; // points
    double height = 0;
};

struct EdgeRoute {
    std::size_t source = 0;
    std::size_t target = 0;
    // Cubic Bezier control points: p0, then (c1, c2, p) triples; empty when Graphviz drew none
    // (splines=none), in which case a straight line between the node centres is meant.
    std::vector<Point> points;
};

struct BoundingBox {
    Point lower_left;
    Point upper_right;
    double width() const { return upper_right.x - lower_left.x; }
    double height() const { return upper_right.y - lower_left.y; }
};

struct LayoutResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;                 // one line, when !ok
    std::vector<std::string> messages; // Graphviz's warnings and errors, as it wrote them
    std::vector<NodePlacement> nodes;  // same order as the request
    std::vector<EdgeRoute> edges;      // same order as the request
    BoundingBox bounding_box;
    double seconds = 0; // wall time of the layout itself
};

} // namespace dossier::layout
