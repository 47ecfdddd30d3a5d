#include "dossier/graph/metrics.h"

#include <algorithm>
#include <array>
#include <utility>

namespace dossier::graph {
namespace {

constexpr std::array<std::pair<Metric, std::string_view>, 11> kNames{{
    {Metric::Degree, "degree"},
    {Metric::WeightedDegree, "weighted_degree"},
    {Metric::InDegree, "in_degree"},
    {Metric::OutDegree, "out_degree"},
    {Metric::Betweenness, "betweenness"},
    {Metric::Closeness, "closeness"},
    {Metric::PageRank, "pagerank"},
    {Metric::Eigenvector, "eigenvector"},
    {Metric::Component, "component"},
    {Metric::CoreNumber, "core_number"},
    {Metric::Community, "community"},
}};

std::vector<double> as_doubles(const std::vector<int>& values) {
    return {values.begin(), values.end()};
}

} // namespace

std::string_view to_string(Metric metric) {
    for (const auto& [value, name] : kNames)
        if (value == metric)
            return name;
    return "unknown";
}

std::optional<Metric> parse_metric(std::string_view name) {
    for (const auto& [value, text] : kNames)
        if (text == name)
            return value;
    return std::nullopt;
}

const std::vector<Metric>& all_metrics() {
    static const std::vector<Metric> all = [] {
        std::vector<Metric> out;
        for (const auto& entry : kNames)
            out.push_back(entry.first);
        return out;
    }();
    return all;
}

bool MetricResult::has(Metric metric) const {
    return !values(metric).empty() || (metric == Metric::Community && modularity);
}

std::vector<double> MetricResult::values(Metric metric) const {
    switch (metric) {
    case Metric::Degree:
        return degree;
    case Metric::WeightedDegree:
        return weighted_degree;
    case Metric::InDegree:
        return in_degree;
    case Metric::OutDegree:
        return out_degree;
    case Metric::Betweenness:
        return betweenness;
    case Metric::Closeness:
        return closeness;
    case Metric::PageRank:
        return pagerank;
    case Metric::Eigenvector:
        return eigenvector;
    case Metric::Component:
        return as_doubles(component);
    case Metric::CoreNumber:
        return as_doubles(core_number);
    case Metric::Community:
        return as_doubles(community);
    }
    return {};
}

MetricResult compute_metrics(const GraphSnapshot& snapshot, const std::vector<Metric>& which,
                             const MetricOptions& options, const JobControl& control) {
    MetricResult r;
    const auto& g = snapshot.simple();
    const auto n = g.node_count();
    const CancelToken& cancel = control.cancel;
    auto wants = [&](Metric m) { return std::find(which.begin(), which.end(), m) != which.end(); };
    const bool in_or_out = wants(Metric::InDegree) || wants(Metric::OutDegree);
    std::size_t steps = in_or_out ? 1 : 0; // in and out degree are one step
    for (const auto m : all_metrics())
        if (wants(m) && m != Metric::InDegree && m != Metric::OutDegree)
            ++steps;
    ProgressReporter progress(control);
    std::size_t done = 0;
    // Whether to compute the step: asked for and not cancelled (a cancel skips every later one).
    // Each step is a new stage, reported at once: there are a dozen at most.
    auto begin = [&](bool wanted, std::string_view stage) {
        if (!wanted || cancel.cancelled())
            return false;
        progress.report_now({done++, steps, stage});
        return true;
    };

    if (begin(wants(Metric::Degree), "degree"))
        r.degree = degree_centrality(g);
    if (begin(wants(Metric::WeightedDegree), "weighted degree"))
        r.weighted_degree = weighted_degree(g);
    if (begin(in_or_out, "in and out degree")) {
        std::vector<double> in(n, 0.0), out(n, 0.0);
        const auto& mg = snapshot.graph();
        for (auto e : boost::make_iterator_range(boost::edges(mg)))
            if (mg[e].directed) {
                out[boost::source(e, mg)] += 1.0;
                in[boost::target(e, mg)] += 1.0;
            }
        if (wants(Metric::InDegree))
            r.in_degree = std::move(in);
        if (wants(Metric::OutDegree))
            r.out_degree = std::move(out);
    }
    if (begin(wants(Metric::Betweenness), "betweenness")) {
        const auto& b = options.betweenness;
        if (b.exact_limit > 0 && n > b.exact_limit && b.samples < n) {
            r.betweenness = betweenness_sampled(g, b.samples, b.seed, b.threads, cancel);
            r.betweenness_sampled = true;
            r.betweenness_samples = b.samples;
        } else {
            r.betweenness = betweenness_exact(g, b.threads, cancel);
        }
        normalise_betweenness(r.betweenness);
    }
    if (begin(wants(Metric::Closeness), "closeness")) {
        const auto& c = options.closeness;
        if (c.exact_limit > 0 && n > c.exact_limit && c.samples < n) {
            r.closeness =
                closeness_sampled(g, c.samples, c.seed, options.betweenness.threads, cancel);
            r.closeness_sampled = true;
            r.closeness_samples = c.samples;
        } else {
            r.closeness = closeness_centrality(g, options.betweenness.threads, cancel);
        }
    }
    if (begin(wants(Metric::PageRank), "PageRank"))
        r.pagerank =
            pagerank(g, options.pagerank_alpha, kIterationTolerance, kMaxIterations, cancel);
    if (begin(wants(Metric::Eigenvector), "eigenvector"))
        r.eigenvector = eigenvector_centrality(g, kIterationTolerance, kMaxIterations, cancel);
    if (begin(wants(Metric::Component), "components"))
        r.component = connected_components(g);
    if (begin(wants(Metric::CoreNumber), "core numbers"))
        r.core_number = core_numbers(g);
    if (begin(wants(Metric::Community), "communities")) {
        auto c =
            modularity_communities(g, CommunityAlgorithm::Leiden, options.community_seed, cancel);
        r.community = std::move(c.membership);
        r.modularity = c.modularity;
    }
    if (cancel.cancelled()) { // what was computed since the cancel means nothing: drop it all
        MetricResult cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    progress.report_now({steps, steps, "metrics done"});
    return r;
}

} // namespace dossier::graph
