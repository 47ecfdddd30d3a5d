#pragma once
// How long a layout will take, from node and edge counts, so callers can warn before starting.
// Calibrated on this project's benchmark machine (bench/layout_bench.cpp, docs/PERFORMANCE.md).
#include "dossier/layout/layout_request.h"

#include <cstddef>
#include <string>

namespace dossier::layout {

struct LayoutCost {
    double seconds = 0;
    bool long_running = false; // worth a warning and a progress display (> 5 s)
    std::string summary;       // "sfdp: about 2 s for 5000 nodes, 20000 edges"
};

LayoutCost estimate_layout_cost(Engine engine, std::size_t nodes, std::size_t edges);
// The engine that stays interactive at this size: dot for small trees is the caller's choice;
// this picks neato up to 300 nodes, sfdp beyond.
Engine default_engine_for(std::size_t nodes);

} // namespace dossier::layout
