#pragma once
// A small fixed graph written for these tests: six entities of four types, Latin, Cyrillic and
// Chinese names, dated and undated relations, one undirected co-occurrence, evidence with a
// comma and a quote in it (CSV quoting), and hand-placed positions (no Graphviz involved).
#include "dossier/export/export_graph.h"

#include <string>
#include <vector>

namespace dossier::exporting::testing {

ExportGraph sample_graph();
std::vector<NodeVisual> sample_visuals();

} // namespace dossier::exporting::testing
