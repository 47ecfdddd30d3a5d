#include "dossier/export/data_writers.h"
#include "dossier/export/evidence_appendix.h"
#include "dossier/export/text_format.h"
#include "golden.h"
#include "sample_graph.h"

#include <gtest/gtest.h>

namespace dossier::exporting {
namespace {

using testing::sample_graph;
using testing::sample_visuals;

// tests/fixtures/export/<name>
std::filesystem::path golden_file(const std::string& name) {
    return std::filesystem::path(DOSSIER_EXPORT_GOLDEN) / name;
}

TEST(DataWriters, DotMatchesGoldenFile) {
    dossier::testing::expect_golden(golden_file("sample.dot"),
                                    write_dot(sample_graph(), sample_visuals()));
}

TEST(DataWriters, GraphmlMatchesGoldenFile) {
    dossier::testing::expect_golden(golden_file("sample.graphml"),
                                    write_graphml(sample_graph(), sample_visuals()));
}

TEST(DataWriters, GexfMatchesGoldenFile) {
    dossier::testing::expect_golden(golden_file("sample.gexf"),
                                    write_gexf(sample_graph(), sample_visuals()));
}

TEST(DataWriters, CsvNodesAndEdgesMatchGoldenFiles) {
    const auto files = write_csv(sample_graph(), sample_visuals());
    dossier::testing::expect_golden(golden_file("sample-nodes.csv"), files.nodes);
    dossier::testing::expect_golden(golden_file("sample-edges.csv"), files.edges);
}

TEST(DataWriters, CytoscapeJsonMatchesGoldenFile) {
    dossier::testing::expect_golden(golden_file("sample.cytoscape.json"),
                                    write_cytoscape_json(sample_graph(), sample_visuals()));
}

TEST(DataWriters, EvidenceAppendixMatchesGoldenFile) {
    dossier::testing::expect_golden(golden_file("sample-evidence.csv"),
                                    write_evidence_csv(sample_graph()));
}

TEST(DataWriters, EvidenceAppendixHasOneRowPerSentenceBehindEachEdge) {
    const auto graph = sample_graph();
    std::size_t sentences = 0;
    for (const auto& edge : graph.edges)
        sentences += edge.evidence.size();
    const auto csv = write_evidence_csv(graph);
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        ++rows;
    EXPECT_EQ(rows, sentences + 1); // + header
    EXPECT_NE(
        csv.find("\"Gromyko, speaking for the ministry, said the \"\"matter is closed\"\".\""),
        std::string::npos);
}

TEST(DataWriters, OrderDoesNotDependOnInputOrder) {
    auto shuffled = sample_graph();
    std::reverse(shuffled.nodes.begin(), shuffled.nodes.end());
    const auto n = shuffled.nodes.size();
    for (auto& edge : shuffled.edges) {
        edge.source = n - 1 - edge.source;
        edge.target = n - 1 - edge.target;
    }
    std::reverse(shuffled.edges.begin(), shuffled.edges.end());
    shuffled.sort_canonically();
    EXPECT_EQ(write_graphml(shuffled), write_graphml(sample_graph()));
    EXPECT_EQ(write_cytoscape_json(shuffled), write_cytoscape_json(sample_graph()));
}

TEST(TextFormat, NumbersArePrintedTheSameWayEverywhere) {
    EXPECT_EQ(format_number(3), "3");
    EXPECT_EQ(format_number(0.21), "0.21");
    EXPECT_EQ(format_number(-0.00001), "0");
    EXPECT_EQ(format_number(1.0 / 3.0), "0.3333");
}

TEST(TextFormat, PartialDatesExpandToTheDaysTheyCover) {
    EXPECT_EQ(first_day("1962"), "1962-01-01");
    EXPECT_EQ(last_day("1962"), "1962-12-31");
    EXPECT_EQ(last_day("1964-02"), "1964-02-29");
    EXPECT_EQ(last_day("1962-10-16"), "1962-10-16");
}

} // namespace
} // namespace dossier::exporting
