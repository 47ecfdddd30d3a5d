// Writes a generated corpus of plain-text cables for sharded runs at scale (docs/SCALING.md):
//   cable_corpus FOLDER --documents N [--seed S]
// Sizes follow real cables (log-normal around a 4 KB median, sigma 0.8, as bench/parallel_bench's
// cables), 1,000 files a sub-folder so that no folder grows huge. Deterministic for a seed.
#include "archival_corpus.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    CLI::App app{"Writes a generated corpus of plain-text cables"};
    fs::path folder;
    int documents = 0;
    unsigned seed = 19730101;
    app.add_option("FOLDER", folder, "Where to write (created)")->required();
    app.add_option("--documents", documents, "How many cables")
        ->required()
        ->check(CLI::PositiveNumber);
    app.add_option("--seed", seed, "Seed of the generator");
    CLI11_PARSE(app, argc, argv);

    dossier::bench::CorpusWriter writer(seed);
    std::mt19937 rng(seed ^ 4096U);
    std::lognormal_distribution<double> size(std::log(4096.0), 0.8);
    std::uintmax_t bytes = 0;
    for (int i = 0; i < documents; ++i) {
        char sub[16], name[32];
        std::snprintf(sub, sizeof sub, "%04d", i / 1000);
        std::snprintf(name, sizeof name, "cable_%07d.txt", i);
        const fs::path dir = folder / sub;
        if (i % 1000 == 0)
            fs::create_directories(dir);
        const auto text =
            writer.cable(static_cast<std::size_t>(std::clamp(size(rng), 600.0, 200000.0)), i);
        std::ofstream out(dir / name, std::ios::binary);
        out << text;
        if (!out) {
            std::fprintf(stderr, "cable_corpus: cannot write %s\n", (dir / name).c_str());
            return 1;
        }
        bytes += text.size();
    }
    std::printf("cable_corpus: %d cables, %.1f MB in %s\n", documents,
                static_cast<double>(bytes) / 1e6, folder.c_str());
    return 0;
}
