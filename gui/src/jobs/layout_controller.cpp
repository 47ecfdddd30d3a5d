#include "jobs/layout_controller.h"

#include "dossier/layout/layout_cost.h"
#include "dossier/layout/layout_service.h"
#include "state/community_groups.h"

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

namespace dossier::gui {
namespace {

constexpr double kEntityLayoutSize = 18; // points: an entity's node as Graphviz sees it

// The service reports a layout's progress (an estimate from node and edge counts,
// layout_cost.h) as a fraction; the status bar shows percent.
layout::LayoutJob submit_job(layout::LayoutService& service, const layout::LayoutRequest& request,
                             std::shared_ptr<std::atomic<int>> percent, CancelToken cancel) {
    return service.submit(
        request, {std::move(cancel), [percent](const layout::LayoutProgress& p) {
                      percent->store(static_cast<int>(std::clamp(p.fraction, 0.0, 1.0) * 100));
                  }});
}

} // namespace

LayoutController::LayoutController(ExplorerState* state, QObject* parent)
    : QObject(parent), state_(state) {
    connect(&watcher_, &QFutureWatcher<LayoutOutcome>::finished, this, [this] {
        progress_timer_.stop();
        apply(watcher_.result());
        fit_ = std::nullopt;
    });
    progress_timer_.setInterval(200);
    connect(&progress_timer_, &QTimer::timeout, this, [this] {
        if (const int percent = progress_percent(); percent >= 0)
            emit progress(percent);
    });
}

LayoutController::~LayoutController() {
    cancel();
    watcher_.waitForFinished();
}

QStringList LayoutController::engines() {
    return {QStringLiteral("sfdp"), QStringLiteral("neato"), QStringLiteral("fdp"),
            QStringLiteral("dot"),  QStringLiteral("circo"), QStringLiteral("twopi")};
}

QString LayoutController::estimate() const {
    const auto& visible = state_->visible();
    const auto n = static_cast<std::size_t>(visible.node_count);
    const auto engine =
        engine_.isEmpty()
            ? layout::default_engine_for(n)
            : layout::parse_engine(engine_.toStdString()).value_or(layout::Engine::Sfdp);
    return QString::fromStdString(
        layout::estimate_layout_cost(engine, n, static_cast<std::size_t>(visible.edge_count))
            .summary);
}

void LayoutController::cancel() {
    cancel_.cancel();
}

int LayoutController::progress_percent() const {
    return progress_ ? progress_->load() : -1;
}

void LayoutController::relayout() {
    if (running())
        return;
    fit_ = std::nullopt;
    submit(state_->visible().node_visible);
}

void LayoutController::layout_community(CommunityIndex community) {
    const auto graph = state_->graph();
    const int group = graph->group_node(community);
    if (running() || group < 0)
        return;
    // Its members only, laid out on their own and fitted into the disc its node was laid out
    // with: the rest of the picture does not move.
    std::vector<char> members(graph->nodes.size(), 0);
    int count = 0;
    for (std::size_t i = 0; i < graph->entity_count(); ++i)
        if (graph->nodes[i].community == community && state_->visible().node_visible[i]) {
            members[i] = 1;
            ++count;
        }
    if (count < 2)
        return;
    const auto& node = graph->nodes[static_cast<std::size_t>(group)];
    fit_ = Fit{node.position, unfolded_radius(node.members) - kEntityLayoutSize};
    submit(members);
}

void LayoutController::submit(const std::vector<char>& include) {
    if (!service_)
        service_ = std::make_shared<layout::LayoutService>();
    auto service = std::static_pointer_cast<layout::LayoutService>(service_);
    const auto graph = state_->graph();
    const auto& visible = state_->visible();
    layout::LayoutRequest request;
    std::vector<NodeKey> node_of; // request index -> what the node stands for
    std::vector<int> request_of(graph->nodes.size(), -1);
    for (std::size_t i = 0; i < graph->nodes.size(); ++i) {
        if (!include[i])
            continue;
        request_of[i] = static_cast<int>(request.nodes.size());
        const auto& source = graph->nodes[i];
        node_of.push_back(source.key());
        layout::LayoutNode node;
        // Graphviz's node name; entities' ids are positive, so a community's number below zero
        // cannot clash with one.
        node.key =
            std::to_string(source.is_group() ? -1 - source.community.value() : source.id.value);
        // A community's node is laid out at the size its members fill when unfolded, so unfolding
        // it in place covers no other node.
        node.width = node.height =
            source.is_group() ? 2 * unfolded_radius(source.members) : kEntityLayoutSize;
        // Graphviz's y axis points up; the window's down.
        const layout::Point at{source.position.x(), -source.position.y()};
        // Pins only, no start positions: the same graph, engine, seed and pins give the same
        // picture, however often it is laid out.
        if (source.pinned)
            node.pinned = at; // the analyst put it there
        request.nodes.push_back(std::move(node));
    }
    for (std::size_t e = 0; e < graph->edges.size(); ++e) {
        if (!visible.edge_visible[e])
            continue;
        const auto& edge = graph->edges[e];
        const int s = request_of[static_cast<std::size_t>(visible.drawn(edge.source))];
        const int t = request_of[static_cast<std::size_t>(visible.drawn(edge.target))];
        if (s >= 0 && t >= 0 && s != t)
            request.edges.push_back(
                {static_cast<std::size_t>(s), static_cast<std::size_t>(t), edge.weight});
    }
    request.options.engine =
        engine_.isEmpty()
            ? layout::default_engine_for(request.nodes.size())
            : layout::parse_engine(engine_.toStdString()).value_or(layout::Engine::Sfdp);
    request.options.seed = seed_;
    request.options.splines = "none"; // the view draws straight lines
    cancel_ = CancelToken{};
    auto cancel = cancel_;
    progress_ = std::make_shared<std::atomic<int>>(-1);
    auto progress = progress_;
    emit started(estimate());
    progress_timer_.start();
    watcher_.setFuture(
        QtConcurrent::run([service, request = std::move(request), node_of, cancel, progress] {
            LayoutOutcome outcome;
            auto job = submit_job(*service, request, progress, cancel);
            // Poll so a cancel returns at once: the service kills the worker running Graphviz.
            while (!job.ready()) {
                if (cancel.cancelled()) {
                    job.cancel();
                    service->cancel();
                    outcome.cancelled = true;
                    outcome.message = QObject::tr("Layout cancelled");
                    return outcome;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            const auto& result = job.wait();
            outcome.ok = result.ok;
            outcome.cancelled = result.cancelled;
            if (!result.ok) {
                outcome.message = QString::fromStdString(result.error);
                return outcome;
            }
            for (std::size_t k = 0; k < result.nodes.size() && k < node_of.size(); ++k) {
                // Graphviz's y axis points up; the screen's points down.
                const auto& c = result.nodes[k].center;
                outcome.positions.emplace_back(node_of[k], QPointF(c.x, -c.y));
            }
            outcome.message = QObject::tr("%1 nodes laid out in %2 s")
                                  .arg(result.nodes.size())
                                  .arg(result.seconds, 0, 'f', 2);
            return outcome;
        }));
}

namespace {
// Scales and moves positions so that they fill the disc of `fit` around their centroid
// (uniformly: the layout's shape is kept).
void fit_into(std::vector<std::pair<NodeKey, QPointF>>& positions, QPointF centre, double radius) {
    if (positions.empty())
        return;
    QPointF mean;
    for (const auto& [key, p] : positions)
        mean += p;
    mean /= static_cast<double>(positions.size());
    double reach = 0;
    for (const auto& [key, p] : positions)
        reach = std::max(reach, std::hypot(p.x() - mean.x(), p.y() - mean.y()));
    const double scale = reach > 0 ? std::max(0.0, radius) / reach : 0;
    for (auto& [key, p] : positions)
        p = centre + (p - mean) * scale;
}
} // namespace

void LayoutController::apply(LayoutOutcome outcome) {
    if (outcome.ok && !outcome.cancelled) {
        if (fit_)
            fit_into(outcome.positions, fit_->centre, fit_->radius);
        auto next = std::make_shared<ExplorerGraph>(*state_->graph());
        for (const auto& [key, position] : outcome.positions)
            if (const int index = next->find(key); index >= 0) {
                auto& node = next->nodes[static_cast<std::size_t>(index)];
                // Engines that cannot pin (sfdp, dot) may have moved a pinned node: put it back.
                if (!node.pinned)
                    node.position = position;
                node.has_stored_position = true;
            }
        state_->set_graph(std::move(next));
    }
    emit finished(outcome.ok && !outcome.cancelled, outcome.message);
}

} // namespace dossier::gui
