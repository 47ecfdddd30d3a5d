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
    ProgressCallback progress;
    std::promise<LayoutResult> promise;
    std::shared_ptr<std::atomic<bool>> cancel;
};

LayoutResult cancelled_result(const char* when) {
    LayoutResult result;
    result.cancelled = true;
    result.error = std::string("layout cancelled ") + when;
    return result;
}

// Reports progress at most every 100 ms, and at every change of phase.
class ProgressReporter {
public:
    ProgressReporter(const ProgressCallback& callback, double estimated_seconds)
        : callback_(callback), started_(Clock::now()) {
        progress_.estimated_seconds = estimated_seconds;
    }
    void report(LayoutProgress::Phase phase) {
        if (!callback_)
            return;
        const auto now = Clock::now();
        if (phase == progress_.phase && now - last_ < std::chrono::milliseconds(100) &&
            reported_once_)
            return;
        last_ = now;
        reported_once_ = true;
        progress_.phase = phase;
        progress_.elapsed_seconds = std::chrono::duration<double>(now - started_).count();
        if (phase == LayoutProgress::Phase::Done)
            progress_.fraction = 1.0;
        else if (progress_.estimated_seconds > 0)
            progress_.fraction =
                std::min(0.99, progress_.elapsed_seconds / progress_.estimated_seconds);
        callback_(progress_);
    }

private:
    const ProgressCallback& callback_;
    Clock::time_point started_;
    Clock::time_point last_;
    bool reported_once_ = false;
    LayoutProgress progress_;
};

} // namespace

struct LayoutService::Impl {
    std::filesystem::path worker;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<QueuedJob> queue;
    std::shared_ptr<std::atomic<bool>> running_cancel; // the job in the worker now, if any
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
                running_cancel = job.cancel;
            }
            LayoutResult result;
            if (job.cancel->load()) {
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
        ProgressReporter progress(job.progress, cost.seconds);
        using Phase = LayoutProgress::Phase;
        progress.report(Phase::Serialise);
        const auto& cancel = *job.cancel;

        const std::string input = detail::serialise_request(request);
        detail::WorkerProcess process(worker, {});
        const bool sent = process.send(input, [&] {
            progress.report(Phase::Serialise);
            return !cancel.load();
        });
        if (!sent && cancel.load()) {
            progress.report(Phase::Done);
            return cancelled_result("while it was being sent to the layout worker");
        }
        const bool finished = process.collect([&] {
            progress.report(process.output().empty() ? Phase::Layout : Phase::ReadBack);
            return !cancel.load();
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

LayoutJob LayoutService::submit(LayoutRequest request, ProgressCallback progress) {
    QueuedJob job;
    job.request = std::move(request);
    job.progress = std::move(progress);
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    LayoutJob handle(job.promise.get_future().share(), job.cancel);
    {
        std::lock_guard lock(impl_->mutex);
        impl_->queue.push_back(std::move(job));
    }
    impl_->wake.notify_all();
    return handle;
}

void LayoutService::cancel() {
    std::lock_guard lock(impl_->mutex);
    for (auto& job : impl_->queue)
        job.cancel->store(true);
    if (impl_->running_cancel)
        impl_->running_cancel->store(true);
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
