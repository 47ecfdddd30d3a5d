#include "state/project_snapshot.h"

#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/metrics.h"
#include "dossier/graph/project_communities.h"
#include "dossier/model/date.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "dossier/store/project_stats.h"
#include "graph_view/node_positions.h"
#include "panels/documents_model.h"
#include "state/community_groups.h"
#include "state/presentation.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace dossier::gui {
namespace {

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString joined(const std::vector<std::string>& names) {
    QStringList out;
    for (const auto& n : names)
        out << qs(n);
    return out.join(QStringLiteral("; "));
}

MonthIndex month_of(const PartialDate& date) {
    return date.empty() ? 0 : month_index(date.year, date.month);
}

// The entities and relations (not the overview's nodes and edges) as a core snapshot: vertex i
// is node i. Built from memory: reading the project again cost as much as the first read.
graph::GraphSnapshot entity_snapshot(const ExplorerGraph& graph) {
    std::vector<graph::NodeInfo> nodes(graph.entity_count());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].entity = graph.nodes[i].id;
        nodes[i].type = graph.nodes[i].type;
    }
    std::vector<graph::GraphSnapshot::PlainEdge> edges(graph.relation_count());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const auto& edge = graph.edges[e];
        edges[e].source = static_cast<std::size_t>(edge.source);
        edges[e].target = static_cast<std::size_t>(edge.target);
        edges[e].type.clear(); // metrics need no type names
        edges[e].directed = edge.directed;
        edges[e].weight = edge.weight;
    }
    return graph::GraphSnapshot::from_edges(std::move(nodes), edges);
}

// False when `cancel` stopped the metrics (nothing is filled in then).
bool add_metrics(ExplorerGraph& graph, QStringList& notes, const std::vector<graph::Metric>& wanted,
                 const CancelToken& cancel) {
    try {
        const auto snapshot = entity_snapshot(graph);
        graph::MetricOptions options;
        // Exact betweenness grows as n*m; above a few thousand nodes the sampled estimate keeps
        // opening a project quick (the Details panel says which one it shows).
        options.betweenness.exact_limit = 3000;
        options.betweenness.samples = 300;
        const auto metrics = graph::compute_metrics(snapshot, wanted, options, JobControl{cancel});
        if (metrics.cancelled)
            return false;
        for (std::size_t v = 0; v < snapshot.node_count(); ++v) {
            auto& node = graph.nodes[v];
            if (v < metrics.degree.size())
                node.degree = metrics.degree[v];
            if (v < metrics.betweenness.size())
                node.betweenness = metrics.betweenness[v];
            if (v < metrics.pagerank.size())
                node.pagerank = metrics.pagerank[v];
            if (v < metrics.community.size())
                node.community = CommunityIndex{metrics.community[v]};
        }
        if (metrics.betweenness_sampled)
            notes << QStringLiteral("betweenness estimated from %1 sampled sources")
                         .arg(metrics.betweenness_samples);
    } catch (const std::exception& e) {
        notes << QStringLiteral("metrics not computed: %1").arg(QString::fromUtf8(e.what()));
    }
    return true;
}

// Communities and PageRank as core's project_communities gives them for the same entities and
// relations, so an export of the overview (`"scope": "project"`) folds the same communities.
// False when `cancel` stopped them.
bool add_project_communities(ExplorerGraph& graph, QStringList& notes, const CancelToken& cancel) {
    try {
        const auto communities =
            graph::project_communities(entity_snapshot(graph), kCommunitySeed, JobControl{cancel});
        if (communities.cancelled)
            return false;
        for (std::size_t v = 0; v < communities.vertex_community.size(); ++v) {
            graph.nodes[v].community = CommunityIndex{communities.vertex_community[v]};
            graph.nodes[v].pagerank = communities.vertex_pagerank[v];
        }
    } catch (const std::exception& e) {
        notes << QStringLiteral("communities not computed: %1").arg(QString::fromUtf8(e.what()));
    }
    return true;
}

// "1985-09-05", "1985-09", "1985" or empty, as a month index (the relations' dates are ISO).
MonthIndex month_of_iso_text(std::string_view iso) {
    auto digits = [&](std::size_t at, std::size_t n) {
        int value = 0;
        for (std::size_t k = at; k < at + n; ++k) {
            if (k >= iso.size() || iso[k] < '0' || iso[k] > '9')
                return -1;
            value = value * 10 + (iso[k] - '0');
        }
        return value;
    };
    const int year = digits(0, 4);
    if (year <= 0)
        return 0;
    const int month = iso.size() >= 7 && iso[4] == '-' ? digits(5, 2) : 0;
    return month_index(year, month > 0 && month <= 12 ? month : 0);
}

// The relations between the graph's entities, read as the graph core reads them (one pass over
// the table, load_graph_source): a relation whose end is not an entity of the graph is left out.
QStringList add_relations(store::Project& project, ExplorerGraph& graph) {
    const auto source = store::load_graph_source(project);
    std::vector<QString> type_names;
    for (const auto& name : source.relation_types)
        type_names.push_back(qs(name));
    std::vector<char> used(type_names.size(), 0);
    graph.edges.reserve(source.relations.size());
    for (const auto& r : source.relations) {
        const int s = graph.find(r.source), t = graph.find(r.target);
        if (s < 0 || t < 0 || s == t)
            continue; // an end that is rejected or gone
        ExplorerEdge edge;
        edge.id = r.id;
        edge.source = s;
        edge.target = t;
        edge.type = type_names[r.type];
        used[r.type] = 1;
        edge.weight = r.weight;
        edge.directed = r.directed;
        edge.first_month = month_of_iso_text(r.first_date.view());
        edge.last_month = month_of_iso_text(r.last_date.view());
        graph.edges.push_back(std::move(edge));
    }
    QStringList types;
    for (std::size_t k = 0; k < type_names.size(); ++k)
        if (used[k])
            types << type_names[k];
    types.sort();
    types.removeDuplicates();
    return types;
}

} // namespace

bool add_graph_metrics(ExplorerGraph& graph, QStringList& notes, const CancelToken& cancel) {
    if (!add_metrics(graph, notes, {graph::Metric::Degree, graph::Metric::Betweenness}, cancel))
        return false;
    // A graph that has its overview already has its communities (and the PageRank that labels
    // them): computing them again could only move entities between communities under the
    // analyst's eyes.
    if (graph.groups.built)
        return true;
    if (!add_project_communities(graph, notes, cancel))
        return false;
    add_community_groups(graph);
    return true;
}

MonthIndex month_of_iso(const std::string& iso) {
    const auto date = parse_iso_date(iso);
    return date ? month_of(*date) : 0;
}

ProjectSnapshot load_project_snapshot(const std::filesystem::path& path,
                                      const CancelToken& cancel) {
    auto cancelled = [&cancel] { return cancel.cancelled(); };
    ProjectSnapshot out;
    out.path = path;
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    out.extraction_incomplete = project.setting(store::kExtractionIncompleteSetting, "0") == "1";

    store::DocumentStore documents(project);
    out.documents_not_extracted = static_cast<int>(documents.not_extracted().size());
    for (const auto& d : documents.list()) {
        DocumentRow row;
        row.id = d.id;
        row.date = qs(d.date);
        row.month = month_of_iso(d.date);
        row.title = qs(d.title);
        row.senders = joined(d.senders);
        row.recipients = joined(d.recipients);
        row.classification = qs(d.classification);
        row.format = qs(d.format);
        out.documents.push_back(std::move(row));
    }
    DocumentsModel::sort_rows(out.documents); // the table's opening order, off the GUI thread
    if (cancelled())
        return out;

    auto& graph = *out.graph;
    store::EntityStore entities(project);
    for (const auto& e : entities.list()) {
        ExplorerNode node;
        node.id = e.id;
        node.name = qs(e.canonical_name);
        node.type = e.type;
        for (const auto& alias : e.aliases)
            if (alias != e.canonical_name)
                node.aliases << qs(alias);
        node.mentions = static_cast<int>(e.mentions);
        node.documents = static_cast<int>(e.documents);
        node.first_month = month_of_iso(e.first_date);
        node.last_month = month_of_iso(e.last_date);
        graph.nodes.push_back(std::move(node));
    }
    graph.rebuild_index();
    if (cancelled())
        return out;

    out.relation_types = add_relations(project, graph);
    for (const auto& edge : graph.edges) {
        graph.nodes[static_cast<std::size_t>(edge.source)].degree += 1;
        graph.nodes[static_cast<std::size_t>(edge.target)].degree += 1;
    }
    if (cancelled())
        return out;
    out.stored_positions = restore_node_positions(project, graph);
    place_on_spiral(graph);
    if (cancelled())
        return out;
    // A large project opens on its community overview (presentation.h), so its communities are
    // needed before the first paint; the slower metrics follow after it (add_graph_metrics).
    if (graph.nodes.size() > static_cast<std::size_t>(kOverviewAbove)) {
        if (!add_project_communities(graph, out.notes, cancel))
            return out;
        add_community_groups(graph);
    }
    out.entity_names = sorted_entity_names(graph);
    return out;
}

void place_on_spiral(ExplorerGraph& graph) {
    std::vector<int> order;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        if (!graph.nodes[i].has_stored_position)
            order.push_back(static_cast<int>(i));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return graph.nodes[static_cast<std::size_t>(a)].degree >
               graph.nodes[static_cast<std::size_t>(b)].degree;
    });
    // Vogel's sunflower: equal area per node, so density is even at any size.
    const double golden = std::numbers::pi * (3.0 - std::sqrt(5.0));
    for (std::size_t k = 0; k < order.size(); ++k) {
        const double r = 40.0 * std::sqrt(static_cast<double>(k));
        const double a = golden * static_cast<double>(k);
        graph.nodes[static_cast<std::size_t>(order[k])].position =
            QPointF(r * std::cos(a), r * std::sin(a));
    }
}

} // namespace dossier::gui
