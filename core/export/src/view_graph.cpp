#include "dossier/export/view_graph.h"

#include "dossier/export/aggregate_export.h"
#include "dossier/export/snapshot_export.h"

#include <algorithm>

namespace dossier::exporting {

ExportReduction describe_reduction(const graph::GraphSnapshot& snapshot,
                                   const graph::GraphFilter& filter, std::size_t communities) {
    ExportReduction r;
    r.entities = snapshot.nodes_before_top();
    if (filter.top_n > 0)
        r.top_metric = filter.top_metric;
    r.top_nodes = snapshot.node_count();
    r.communities = communities;
    r.min_weight = filter.min_weight;
    return r;
}

ExportGraph export_graph_for_view(store::Project& project, const graph::ViewSpec& view,
                                  const std::vector<graph::Metric>& metrics, bool with_evidence) {
    const auto snapshot = graph::GraphSnapshot::build(project, view.filter);
    if (view.aggregate.by != graph::AggregateBy::Community) {
        auto out = export_graph_from_snapshot(
            project, snapshot, graph::compute_metrics(snapshot, metrics), with_evidence);
        out.reduction = describe_reduction(snapshot, view.filter, 0);
        return out;
    }
    if (view.aggregate.scope == graph::AggregateScope::Project) {
        // The project's communities, as the explorer's overview folds them, whatever the filter.
        const auto whole = graph::GraphSnapshot::build(project, graph::GraphFilter{});
        const auto communities = graph::project_communities(whole, view.aggregate.seed);
        const auto aggregate = graph::aggregate_over_project(snapshot, communities, view.aggregate);
        auto out = export_graph_from_aggregate(project, snapshot, aggregate, with_evidence);
        const auto folded = static_cast<std::size_t>(
            std::count_if(aggregate.nodes.begin(), aggregate.nodes.end(),
                          [](const auto& node) { return !node.is_entity; }));
        out.reduction = describe_reduction(snapshot, view.filter, folded);
        out.reduction.single_entities = aggregate.nodes.size() - folded;
        return out;
    }
    // Communities with the aggregation's seed, and the metric that ranks members for labels.
    graph::MetricOptions options;
    options.community_seed = view.aggregate.seed;
    const auto computed = graph::compute_metrics(
        snapshot, {graph::Metric::Community, view.aggregate.label_metric}, options);
    const auto aggregate = graph::aggregate_by_community(snapshot, computed, view.aggregate);
    auto out = export_graph_from_aggregate(project, snapshot, aggregate, with_evidence);
    out.reduction = describe_reduction(snapshot, view.filter, aggregate.nodes.size());
    return out;
}

} // namespace dossier::exporting
