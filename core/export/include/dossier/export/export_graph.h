#pragma once
// The graph an export writes: plain values filled by an adapter (from the project, a graph
// snapshot or a test), so writers never touch the store.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dossier::exporting {

// One sentence behind an edge, for the evidence appendix and the data files.
struct ExportEvidence {
    std::string document_id; // stable id in the project ("12")
    std::string document_title;
    std::string date;     // ISO at its precision, or empty
    int page = 0;         // 1-based PDF page; 0 when the document has no pages
    std::string sentence; // the quoted sentence, UTF-8
};

// A document the evidence quotes, with what a citation needs (citations.h). Filled by the
// adapters when the evidence is.
struct ExportDocument {
    std::string id; // as ExportEvidence::document_id
    std::string title;
    std::string date; // ISO at its precision, or empty
    std::string format;
    std::string source_path;
    std::string classification;
    std::string archive_ref; // the archive's (or the edition's) reference
    std::string language;
    std::vector<std::string> senders;
    std::vector<std::string> recipients;
    std::string collection; // archive collection or series ("collection", "series" metadata)
    std::string archive;    // holding archive ("archive" metadata)
    std::string volume;     // printed edition's volume (TEI/FRUS "volume")
    std::string number;     // document number in the volume ("number")
    std::string place;      // where it was written ("place")
};

struct ExportNode {
    std::string id; // stable across exports (entity id)
    std::string label;
    std::string type; // person, organization, country, place, document, date
    std::vector<std::string> aliases;
    std::vector<std::pair<std::string, double>> metrics; // sorted by name
    std::optional<int> community;
    std::string first_date; // ISO, from the documents that mention it; may be empty
    std::string last_date;

    std::optional<double> metric(const std::string& name) const;
};

struct ExportEdge {
    std::string id;
    std::size_t source = 0; // index into ExportGraph::nodes
    std::size_t target = 0;
    std::string type; // relation type
    double weight = 1.0;
    bool directed = true;
    std::string first_date;
    std::string last_date;
    std::vector<ExportEvidence> evidence;
};

// How the graph was reduced for print, so a caption can say what is not drawn
// (reduction_note.h). Zero / empty fields: that reduction was not applied.
struct ExportReduction {
    std::size_t entities = 0;        // nodes the filter left before its top-N step
    std::string top_metric;          // top-N by this metric cut the graph to the most central nodes
    std::size_t top_nodes = 0;       // nodes kept by top-N (before aggregation)
    std::size_t communities = 0;     // nodes are communities (aggregate.h) of this many
    std::size_t single_entities = 0; // and entities drawn singly beside them (project scope)
    double min_weight = 0;           // relations lighter than this were left out
    // A figure drew only the strongest links of each node (print_edges.h): this many per node,
    // links_drawn of links_before.
    std::size_t strongest_per_node = 0;
    std::size_t links_drawn = 0;
    std::size_t links_before = 0;
};

struct ExportGraph {
    std::vector<ExportNode> nodes;
    std::vector<ExportEdge> edges;
    ExportReduction reduction;
    std::vector<ExportDocument> documents; // the documents the evidence quotes, by id

    // Nodes by id, edges by (source id, target id, type, id): every writer follows this order, so
    // the same project gives the same bytes.
    void sort_canonically();
    std::vector<std::string> metric_names() const; // union over nodes, sorted
};

// Where and how each node is drawn, when a layout was run: aligned with ExportGraph::nodes.
struct NodeVisual {
    double x = 0; // points, layout frame (y up)
    double y = 0;
    double diameter = 0; // points
    std::string color;   // "#RRGGBB"
};

} // namespace dossier::exporting
