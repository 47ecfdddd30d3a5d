#include "dossier/export/data_writers.h"
#include "dossier/export/text_format.h"

#include <QColor>
#include <sstream>

namespace dossier::exporting {
namespace {

void attvalue(std::ostringstream& out, const std::string& key, const std::string& value) {
    out << "          <attvalue for=\"" << xml_escape(key) << "\" value=\"" << xml_escape(value)
        << "\"/>\n";
}

// start/end attributes from a (possibly partial) ISO date range; nothing when undated.
std::string interval(const std::string& first, const std::string& last) {
    std::string out;
    if (!first.empty())
        out += " start=\"" + first_day(first) + "\"";
    if (!last.empty() || !first.empty())
        out += " end=\"" + last_day(last.empty() ? first : last) + "\"";
    return out;
}

} // namespace

std::string write_gexf(const ExportGraph& graph, const std::vector<NodeVisual>& visuals) {
    const auto metrics = graph.metric_names();
    bool dated = false;
    for (const auto& edge : graph.edges)
        dated = dated || !edge.first_date.empty();
    for (const auto& node : graph.nodes)
        dated = dated || !node.first_date.empty();

    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
           "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
           "version=\"1.3\">\n"
           "  <meta>\n    <creator>Dossier</creator>\n  </meta>\n";
    // Every edge is written as directed, with a "directed" attribute saying which relations are
    // not: readers such as networkx refuse undirected edges inside a directed graph.
    out << "  <graph defaultedgetype=\"directed\" mode=\"" << (dated ? "dynamic" : "static") << "\""
        << (dated ? " timeformat=\"date\"" : "") << ">\n";
    out << "    <attributes class=\"node\">\n"
           "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
           "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
           "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n";
    for (const auto& name : metrics)
        out << "      <attribute id=\"metric_" << xml_escape(name) << "\" title=\""
            << xml_escape(name) << "\" type=\"double\"/>\n";
    out << "    </attributes>\n"
           "    <attributes class=\"edge\">\n"
           "      <attribute id=\"relation_type\" title=\"relation_type\" type=\"string\"/>\n"
           "      <attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>\n"
           "      <attribute id=\"evidence_count\" title=\"evidence_count\" type=\"integer\"/>\n"
           "    </attributes>\n";

    out << "    <nodes>\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        out << "      <node id=\"" << xml_escape(node.id) << "\" label=\"" << xml_escape(node.label)
            << "\"" << interval(node.first_date, node.last_date) << ">\n";
        out << "        <attvalues>\n";
        attvalue(out, "type", node.type);
        if (!node.aliases.empty()) {
            std::string joined;
            for (const auto& alias : node.aliases)
                joined += (joined.empty() ? "" : "|") + alias;
            attvalue(out, "aliases", joined);
        }
        if (node.community)
            attvalue(out, "community", std::to_string(*node.community));
        for (const auto& [name, value] : node.metrics)
            attvalue(out, "metric_" + name, format_number(value));
        out << "        </attvalues>\n";
        if (!visuals.empty()) {
            const auto& v = visuals[i];
            const QColor color(QString::fromStdString(v.color));
            out << "        <viz:color r=\"" << color.red() << "\" g=\"" << color.green()
                << "\" b=\"" << color.blue() << "\"/>\n"
                << "        <viz:position x=\"" << format_number(v.x) << "\" y=\""
                << format_number(v.y) << "\" z=\"0\"/>\n"
                << "        <viz:size value=\"" << format_number(v.diameter) << "\"/>\n";
        }
        out << "      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    for (const auto& edge : graph.edges) {
        out << "      <edge id=\"" << xml_escape(edge.id) << "\" source=\""
            << xml_escape(graph.nodes[edge.source].id) << "\" target=\""
            << xml_escape(graph.nodes[edge.target].id) << "\" label=\"" << xml_escape(edge.type)
            << "\" weight=\"" << format_number(edge.weight) << "\""
            << interval(edge.first_date, edge.last_date) << ">\n"
            << "        <attvalues>\n";
        attvalue(out, "relation_type", edge.type);
        attvalue(out, "directed", edge.directed ? "true" : "false");
        attvalue(out, "evidence_count", std::to_string(edge.evidence.size()));
        out << "        </attvalues>\n      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
    return out.str();
}

} // namespace dossier::exporting
