#pragma once
#include <vector>

namespace dossier::graph::detail {
// Renumbers group labels so that 0 is the largest group, 1 the next, ties by first vertex.
void relabel_by_size(std::vector<int>& labels);
} // namespace dossier::graph::detail
