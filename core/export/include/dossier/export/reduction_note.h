#pragma once
// The sentence a figure's caption carries when the graph was reduced for print: "Showing the 100
// most central of 4,122 entities (PageRank)." Figures append it to the analyst's caption; the
// explorer's overview can show the same words in its status bar.
#include "dossier/export/export_graph.h"

#include <string>

namespace dossier::exporting {

// Empty when nothing was left out or merged.
std::string reduction_note(const ExportReduction& reduction);

// How a metric reads in a sentence: "PageRank", "weighted degree", "betweenness".
std::string metric_display_name(const std::string& metric);

// 4122 -> "4,122".
std::string with_thousands(std::size_t count);

} // namespace dossier::exporting
