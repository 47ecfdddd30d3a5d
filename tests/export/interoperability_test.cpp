// Real readers open our files: networkx (Debian's python3-networkx) for GraphML and GEXF, and
// Graphviz's own `dot` for DOT.
#include "dossier/export/data_writers.h"
#include "process.h"
#include "sample_graph.h"
#include "test_support.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dossier::exporting {
namespace {

using dossier::testing::read_file;
using dossier::testing::TempDir;
using dossier::testing::write_file;

// Runs a shell command; returns its exit status and what it printed on stdout.
std::pair<int, std::string> run(const std::string& command) {
    auto result = dossier::testing::run_shell(command, {dossier::testing::Stderr::Apart});
    return {result.exit_code, std::move(result.out)};
}

// networkx 2.8 knows GEXF 1.1draft/1.2draft; 1.3 uses the same elements under new namespaces, so
// the script registers them with networkx's own reader before reading.
constexpr const char* kReader = R"PY(
import json, sys
import networkx as nx
from networkx.readwrite import gexf
v = dict(gexf.GEXF.versions["1.2draft"])
v.update(NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3",
         SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
gexf.GEXF.versions["1.3"] = v
def summary(g):
    return {"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "node_attrs": {str(n): {k: v for k, v in d.items() if k != "viz"} for n, d in g.nodes(data=True)},
            "viz": {str(n): d.get("viz", {}) for n, d in g.nodes(data=True)},
            "edge_attrs": sorted([[str(u), str(w), {k: str(x) for k, x in d.items()}] for u, w, d in g.edges(data=True)])}
out = {"graphml": summary(nx.read_graphml(sys.argv[1])), "gexf": summary(nx.read_gexf(sys.argv[2], version="1.3"))}
print(json.dumps(out))
)PY";

constexpr const char* kPython = "/usr/bin/python3";

class Interoperability : public ::testing::Test {
protected:
    void SetUp() override {
        // Debian's interpreter and networkx, not whatever python3 comes first in PATH.
        if (run(std::string(kPython) + " -c 'import networkx' 2>/dev/null").first != 0)
            GTEST_SKIP() << "python3-networkx is not installed";
        write_file(dir / "sample.graphml", write_graphml(graph, visuals));
        write_file(dir / "sample.gexf", write_gexf(graph, visuals));
        write_file(dir / "read.py", kReader);
        const auto [status, output] =
            run(std::string(kPython) + " " + (dir / "read.py").string() + " " +
                (dir / "sample.graphml").string() + " " + (dir / "sample.gexf").string());
        ASSERT_EQ(status, 0) << output;
        read = nlohmann::json::parse(output);
    }
    TempDir dir;
    ExportGraph graph = testing::sample_graph();
    std::vector<NodeVisual> visuals = testing::sample_visuals();
    nlohmann::json read;
};

TEST_F(Interoperability, NetworkxReadsGraphmlWithTheSameCountsAndAttributes) {
    const auto& g = read["graphml"];
    EXPECT_EQ(g["nodes"], graph.nodes.size());
    EXPECT_EQ(g["edges"], graph.edges.size());
    for (const auto& node : graph.nodes) {
        const auto& attrs = g["node_attrs"][node.id];
        EXPECT_EQ(attrs["label"], node.label);
        EXPECT_EQ(attrs["type"], node.type);
        if (node.community) {
            EXPECT_EQ(attrs["community"], *node.community);
        }
        EXPECT_NEAR(attrs["metric_pagerank"].get<double>(), *node.metric("pagerank"), 1e-9);
    }
    EXPECT_EQ(g["node_attrs"]["3"]["aliases"], "A. Gromyko|Gromyko");
    EXPECT_EQ(g["node_attrs"]["3"]["first_date"], "1962-10-16");
    EXPECT_DOUBLE_EQ(g["node_attrs"]["3"]["size"].get<double>(), 36);
    std::size_t typed_edges = 0;
    for (const auto& edge : g["edge_attrs"]) {
        EXPECT_FALSE(edge[2]["relation_type"].get<std::string>().empty());
        typed_edges += edge[2].contains("weight") ? 1 : 0;
    }
    EXPECT_EQ(typed_edges, graph.edges.size());
}

TEST_F(Interoperability, NetworkxReadsGexfWithTheSameCountsAttributesAndViz) {
    const auto& g = read["gexf"];
    EXPECT_EQ(g["nodes"], graph.nodes.size());
    EXPECT_EQ(g["edges"], graph.edges.size());
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        EXPECT_EQ(g["node_attrs"][node.id]["label"], node.label);
        EXPECT_EQ(g["node_attrs"][node.id]["type"], node.type);
        const auto& viz = g["viz"][node.id];
        EXPECT_DOUBLE_EQ(viz["position"]["x"].get<double>(), visuals[i].x);
        EXPECT_DOUBLE_EQ(viz["position"]["y"].get<double>(), visuals[i].y);
        EXPECT_DOUBLE_EQ(viz["size"].get<double>(), visuals[i].diameter);
    }
    // Dated nodes carry their time interval.
    EXPECT_EQ(g["node_attrs"]["3"]["start"], "1962-10-16");
    EXPECT_EQ(g["node_attrs"]["12"]["end"], "1962-12-31");
}

TEST(DotInteroperability, GraphvizDotParsesTheFileWithoutComplaint) {
    TempDir dir;
    const auto graph = testing::sample_graph();
    write_file(dir / "sample.dot", write_dot(graph, testing::sample_visuals()));
    const auto [status, output] =
        run("dot -Tcanon " + (dir / "sample.dot").string() + " 2>" + (dir / "stderr.txt").string());
    ASSERT_EQ(status, 0) << read_file(dir / "stderr.txt");
    EXPECT_EQ(read_file(dir / "stderr.txt"), "");
    for (const auto& node : graph.nodes)
        EXPECT_NE(output.find(node.label), std::string::npos) << node.label;
    std::size_t arrows = 0;
    for (std::size_t at = output.find(" -> "); at != std::string::npos;
         at = output.find(" -> ", at + 1))
        ++arrows;
    EXPECT_EQ(arrows, graph.edges.size());
}

} // namespace
} // namespace dossier::exporting
