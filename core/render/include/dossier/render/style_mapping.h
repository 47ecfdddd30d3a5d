#pragma once
// The visual rules every picture of the graph follows, on screen and in files: which colour an
// entity type or a community gets, how a metric becomes a node size, a weight an edge width and
// a relation type a stroke. The GUI and the figure exports both build their render::Figure with
// these, so the same entity looks the same everywhere.
#include "dossier/render/figure.h"
#include "dossier/render/palette.h"

#include <string>
#include <string_view>
#include <vector>

namespace dossier::render {

// Entity types in a fixed order, so "person" has the same colour in every figure whichever
// other types are present: person, organization, country, place, document, date.
int entity_type_slot(std::string_view type); // the position in that order; unknown types: 6
QColor entity_type_color(Palette palette, std::string_view type);
// Communities by number; -1 (no community) is a neutral grey in either palette.
QColor community_color(Palette palette, int community);

// Where `value` falls between low and high, from 0 to 1 (0.5 when the range is empty).
double range_fraction(double value, double low, double high);
// Node size: the diameter grows linearly with the metric between the two extremes (the size
// legend draws the same rule).
double node_diameter(double value, double low, double high, double min_diameter,
                     double max_diameter);
// Edge width in points (pixels on screen) by weight: 0.4 for the lightest, 2.4 for the heaviest.
double edge_width(double weight, double low, double high);
constexpr double kMinEdgeWidth = 0.4;
constexpr double kMaxEdgeWidth = 2.4;

// The kind of evidence at a glance: co-occurrence solid, relations read from document headers
// (addressed_to, sent_by, signed_by, refers_to) dashed, prose mentions dotted, typed relations
// read from sentences dash-dotted.
EdgeStroke relation_stroke(std::string_view relation_type);
// The stroke legend of these relation types: one entry per stroke in use (four at most, so
// print and greyscale tell them apart), named by the type when a stroke has one type and by its
// kind with a count otherwise ("read from sentences (9 types)").
std::vector<StrokeLegendEntry> stroke_legend(const std::vector<std::string>& relation_types);

} // namespace dossier::render
