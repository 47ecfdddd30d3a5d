// synthetic_project: writes a synthetic project for benchmarks and for trying the explorer and
// the exports at real size (bench/synthetic_network.h).
//   synthetic_project -o P.dossier [--entities 4100] [--links 6] [--documents 1500] [--seed 1980]
#include "synthetic_network.h"

#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv) {
    dossier::bench::SyntheticProject spec;
    std::string output;
    CLI::App app("Writes a synthetic Dossier project (Barabási-Albert network)");
    app.add_option("-o,--output", output, "Project file to create")->required();
    app.add_option("--entities", spec.entities, "Entities (default 4100)");
    app.add_option("--links", spec.links_per_entity, "Relations per new entity (default 6)");
    app.add_option("--documents", spec.documents, "Documents (default 1500)");
    app.add_option("--seed", spec.seed, "Random seed (default 1980)");
    CLI11_PARSE(app, argc, argv);
    if (spec.entities <= spec.links_per_entity || spec.documents == 0) {
        std::cerr << "synthetic_project: need more entities than links, and a document\n";
        return 1;
    }
    try {
        dossier::bench::write_synthetic_project(spec, output);
    } catch (const std::exception& e) {
        std::cerr << "synthetic_project: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
