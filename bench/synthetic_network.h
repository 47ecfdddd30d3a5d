#pragma once
// Synthetic projects for benchmarks and for trying the explorer and the exports at real size:
// a Barabási-Albert network (a few hubs, many rarely named people, as in real archives) of
// officials, institutions, countries and documents with names of realistic lengths, dated
// relations of the types extraction gives, each with one evidence sentence.
#include <cstdint>
#include <filesystem>
#include <random>
#include <utility>
#include <vector>

namespace dossier::bench {

// Each new vertex links to `m` distinct earlier vertices chosen with probability proportional to
// degree.
std::vector<std::pair<std::uint32_t, std::uint32_t>>
preferential_attachment(std::size_t n, std::size_t m, std::mt19937_64& rng);

struct SyntheticProject {
    std::size_t entities = 4'100;
    std::size_t links_per_entity = 6;
    std::size_t documents = 1'500;
    std::uint64_t seed = 1980;
};

// Writes the project to `path` (through a temporary file renamed at the end, so an interrupted
// run leaves nothing half-made there). Throws when `path` exists.
void write_synthetic_project(const SyntheticProject& spec, const std::filesystem::path& path);

} // namespace dossier::bench
