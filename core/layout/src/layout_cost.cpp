#include "dossier/layout/layout_cost.h"

#include <cmath>
#include <cstdio>

namespace dossier::layout {
namespace {

// seconds = reference_seconds * (size / reference_size) ^ exponent, with size = nodes + edges / 4
// (edges cost a fraction of a node in every engine). neato and fdp were measured here on
// 2026-11-29 (Graphviz 2.42, the command-line programs on connected random graphs with four edges
// per node, CPU seconds while the 2-core machine was shared, load average about 14); see the
// Layout section of docs/PERFORMANCE.md. sfdp was measured again on 2026-12-06 on the networks
// archives give (heavy-tailed: bench/synthetic_project, six relations per new entity), where the
// random graphs had made it three to four times too slow: the whole `dossier export --layout
// sfdp` took 1.36 s at 2,000 nodes / 12,000 edges, 3.2 s at 4,100 / 24,600 and 11.3 s at 8,000
// / 48,000. The model stays within 1.6x of those; on random graphs it is 2.4x too fast.
// dot, circo and twopi are rough guesses, not measured.
struct CostModel {
    double reference_size;
    double reference_seconds;
    double exponent;
};

CostModel model_for(Engine engine) {
    switch (engine) {
    case Engine::Sfdp:
        return {10000, 4.5, 1.6}; // see above: 2,000 / 4,100 / 8,000 nodes: 1.5 / 4.7 / 13.7 s
    case Engine::Neato:
        return {4000, 22.5, 2.0}; // 1,000 nodes: 5.7 s; 2,000 nodes: 22.6 s
    case Engine::Fdp:
        return {2000, 2.0, 1.5}; // 300 nodes: 0.33 s; 600: 1.05 s; 1,000: 1.95 s
    case Engine::Dot:
        return {10000, 30.0, 1.5};
    case Engine::Circo:
        return {10000, 20.0, 1.5};
    case Engine::Twopi:
        return {10000, 1.0, 1.2};
    }
    return {10000, 4.5, 1.6};
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
