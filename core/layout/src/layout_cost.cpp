#include "dossier/layout/layout_cost.h"

#include <cmath>
#include <cstdio>

namespace dossier::layout {
namespace {

// seconds = reference_seconds * (size / reference_size) ^ exponent, with size = nodes + edges / 4
// (edges cost a fraction of a node in every engine). Reference points were measured with
// bench/layout_bench.cpp on the project's 2-core machine (Graphviz 2.42); see docs/PERFORMANCE.md.
struct CostModel {
    double reference_size;
    double reference_seconds;
    double exponent;
};

CostModel model_for(Engine engine) {
    switch (engine) {
    case Engine::Sfdp:
        return {10000, 2.0, 1.5}; // ~2 s for 5,000 nodes + 20,000 edges
    case Engine::Neato:
        return {10000, 100.0, 2.0}; // ~100 s for 5,000 nodes + 20,000 edges
    case Engine::Fdp:
        return {2000, 100.0, 2.0}; // ~100 s for 1,000 nodes + 4,000 edges
    case Engine::Dot:
        return {10000, 30.0, 1.5};
    case Engine::Circo:
        return {10000, 20.0, 1.5};
    case Engine::Twopi:
        return {10000, 1.0, 1.2};
    }
    return {10000, 2.0, 1.5};
}

} // namespace

LayoutCost estimate_layout_cost(Engine engine, std::size_t nodes, std::size_t edges) {
    const CostModel model = model_for(engine);
    const double size = static_cast<double>(nodes) + static_cast<double>(edges) / 4.0;
    LayoutCost cost;
    cost.seconds = model.reference_seconds * std::pow(size / model.reference_size, model.exponent);
    cost.long_running = cost.seconds > 5.0;
    char buffer[160];
    if (cost.seconds < 1.0)
        std::snprintf(buffer, sizeof buffer, "%s: under 1 s for %zu nodes, %zu edges",
                      std::string(to_string(engine)).c_str(), nodes, edges);
    else
        std::snprintf(buffer, sizeof buffer, "%s: about %.0f s for %zu nodes, %zu edges",
                      std::string(to_string(engine)).c_str(), cost.seconds, nodes, edges);
    cost.summary = buffer;
    return cost;
}

Engine default_engine_for(std::size_t nodes) {
    return nodes <= 300 ? Engine::Neato : Engine::Sfdp;
}

} // namespace dossier::layout
