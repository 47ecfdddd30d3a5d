#include "dossier/layout/layout_service.h"

#include "dossier/layout/layout_cost.h"
#include "layout_wire.h"
#include "worker_process.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#ifndef DOSSIER_LAYOUT_WORKER_PATH
#define DOSSIER_LAYOUT_WORKER_PATH "dossier-layout-worker"
#endif

namespace dossier::layout {

bool LayoutJob::ready() const {
    return result_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

namespace {

using Clock = std::chrono::steady_clock;

struct QueuedJob {
    LayoutRequest request;
    LayoutControl control;
    std::promise<LayoutResult> promise;
};

std::string_view phase_name(LayoutProgress::Phase phase) {
    switch (phase) {
    case LayoutProgress::Phase::Serialise:
        return "sending the graph to the layout worker";
    case LayoutProgress::Phase::Layout:
        return "Graphviz layout";
    case LayoutProgress::Phase::ReadBack:
        return "reading the layout back";
    case LayoutProgress::Phase::Done:
        return "layout done";
    }
    return {};
}

LayoutResult cancelled_result(const char* when) {
    LayoutResult result;
    result.cancelled = true;
    result.error = std::string("layout cancelled ") + when;
    return result;
}

// Reports progress at most every progress_interval, and at every change of phase.
class PhaseReporter {
public:
    PhaseReporter(const LayoutControl& control, double estimated_seconds)
        : reporter_(control), started_(Clock::now()) {
        progress_.estimated_seconds = estimated_seconds;
        progress_.total = kThousandths;
    }
    void report(LayoutProgress::Phase phase) {
        const bool changed = phase != progress_.phase;
        if (!(changed ? reporter_.wanted() : reporter_.due()))
            return;
        progress_.phase = phase;
        progress_.stage = phase_name(phase);
        progress_.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started_).count();
        if (phase == LayoutProgress::Phase::Done)
            progress_.fraction = 1.0;
        else if (progress_.estimated_seconds > 0)
            progress_.fraction =
                std::min(0.99, progress_.elapsed_seconds / progress_.estimated_seconds);
        progress_.done = static_cast<std::size_t>(progress_.fraction * kThousandths);
        reporter_.report_now(progress_);
    }

private:
    static constexpr std::size_t kThousandths = 1000;
    ProgressReporter<LayoutProgress> reporter_;
    Clock::time_point started_;
    LayoutProgress progress_;
};

} // namespace

struct LayoutService::Impl {
    std::filesystem::path worker;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<QueuedJob> queue;
    std::optional<CancelToken> running_cancel; // the job in the worker now, if any
    bool stopping = false;
    std::optional<PluginCheck> plugins; // remembered after the first check
    std::mutex plugins_mutex;
    std::thread owner; // takes jobs off the queue and waits for their worker

    void run() {
        for (;;) {
            QueuedJob job;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return stopping || !queue.empty(); });
                if (queue.empty())
                    return;
                job = std::move(queue.front());
                queue.pop_front();
                running_cancel = job.control.cancel;
            }
            LayoutResult result;
            if (job.control.cancelled()) {
                result = cancelled_result("before it started");
            } else {
                try {
                    result = run_in_worker(job);
                } catch (const std::exception& e) {
                    result = LayoutResult{};
                    result.error = e.what();
                }
            }
            {
                std::lock_guard lock(mutex);
                running_cancel.reset();
            }
            job.promise.set_value(std::move(result));
        }
    }

    LayoutResult run_in_worker(QueuedJob& job) {
        const LayoutRequest& request = job.request;
        const auto cost = estimate_layout_cost(request.options.engine, request.nodes.size(),
                                               request.edges.size());
        PhaseReporter progress(job.control, cost.seconds);
        using Phase = LayoutProgress::Phase;
        progress.report(Phase::Serialise);
        const CancelToken& cancel = job.control.cancel;

        const std::string input = detail::serialise_request(request);
        detail::WorkerProcess process(worker, {});
        const bool sent = process.send(input, [&] {
            progress.report(Phase::Serialise);
            return !cancel.cancelled();
        });
        if (!sent && cancel.cancelled()) {
            progress.report(Phase::Done);
            return cancelled_result("while it was being sent to the layout worker");
        }
        const bool finished = process.collect([&] {
            progress.report(process.output().empty() ? Phase::Layout : Phase::ReadBack);
            return !cancel.cancelled();
        });
        if (!finished) {
            progress.report(Phase::Done);
            return cancelled_result("while Graphviz was running (its worker was stopped)");
        }
        progress.report(Phase::ReadBack);
        LayoutResult result;
        if (!process.exited_cleanly()) {
            result.error = "the layout worker failed (" + process.exit_description() + ")";
            std::string last_line = process.errors();
            while (!last_line.empty() && last_line.back() == '\n')
                last_line.pop_back();
            if (auto newline = last_line.rfind('\n'); newline != std::string::npos)
                last_line.erase(0, newline + 1);
            if (!last_line.empty())
                result.error += ": " + last_line;
        } else {
            result = detail::parse_result(process.output());
            // The worker sees indices only; the caller's keys come from the request.
            for (std::size_t i = 0; i < result.nodes.size() && i < request.nodes.size(); ++i)
                result.nodes[i].key = request.nodes[i].key;
        }
        progress.report(Phase::Done);
        return result;
    }
};

LayoutService::LayoutService() : LayoutService(default_worker_path()) {}

LayoutService::LayoutService(std::filesystem::path worker) : impl_(std::make_unique<Impl>()) {
    impl_->worker = std::move(worker);
    impl_->owner = std::thread([impl = impl_.get()] { impl->run(); });
}

LayoutService::~LayoutService() {
    cancel();
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    impl_->owner.join();
}

PluginCheck LayoutService::plugins() {
    std::lock_guard lock(impl_->plugins_mutex);
    if (impl_->plugins)
        return *impl_->plugins;
    PluginCheck check;
    std::error_code ignored;
    if (!std::filesystem::exists(impl_->worker, ignored)) {
        check.message = "the layout worker " + impl_->worker.string() +
                        " is missing: install dossier-layout-worker next to dossier, or set "
                        "DOSSIER_LAYOUT_WORKER to its path";
        return check; // not remembered: it may be installed while we run
    }
    try {
        detail::WorkerProcess process(impl_->worker, {"--plugins"});
        process.send({}, [] { return true; });
        process.collect([] { return true; });
        if (!process.exited_cleanly())
            throw std::runtime_error("the layout worker failed (" + process.exit_description() +
                                     ")");
        check = detail::parse_plugins(process.output());
    } catch (const std::exception& e) {
        check = PluginCheck{};
        check.message = e.what();
        return check;
    }
    impl_->plugins = check;
    return check;
}

LayoutJob LayoutService::submit(LayoutRequest request, LayoutControl control) {
    QueuedJob job;
    job.request = std::move(request);
    job.control = std::move(control);
    LayoutJob handle(job.promise.get_future().share(), job.control.cancel);
    {
        std::lock_guard lock(impl_->mutex);
        impl_->queue.push_back(std::move(job));
    }
    impl_->wake.notify_all();
    return handle;
}

void LayoutService::cancel() {
    std::lock_guard lock(impl_->mutex);
    for (const auto& job : impl_->queue)
        job.control.cancel.cancel();
    if (impl_->running_cancel)
        impl_->running_cancel->cancel();
}

const std::filesystem::path& LayoutService::worker() const {
    return impl_->worker;
}

std::filesystem::path LayoutService::default_worker_path() {
    if (const char* chosen = std::getenv("DOSSIER_LAYOUT_WORKER"); chosen && *chosen)
        return chosen;
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const auto beside = self.parent_path() / "dossier-layout-worker";
        if (std::filesystem::exists(beside, error))
            return beside;
    }
    return DOSSIER_LAYOUT_WORKER_PATH;
}

} // namespace dossier::layout
