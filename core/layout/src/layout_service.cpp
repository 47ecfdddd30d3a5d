#include "dossier/layout/layout_service.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace dossier::layout {

bool LayoutJob::ready() const {
    return result_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

namespace {
struct QueuedJob {
    LayoutRequest request;
    std::promise<LayoutResult> promise;
    std::shared_ptr<std::atomic<bool>> cancel;
    bool plugin_query = false;
    std::promise<PluginCheck> plugin_promise;
};
} // namespace

struct LayoutService::Impl {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<QueuedJob> queue;
    bool stopping = false;
    std::thread owner; // the only thread that touches Graphviz

    void run() {
        GraphvizLayout graphviz; // created, used and destroyed on this thread
        for (;;) {
            QueuedJob job;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return stopping || !queue.empty(); });
                if (queue.empty())
                    return;
                job = std::move(queue.front());
                queue.pop_front();
            }
            if (job.plugin_query) {
                job.plugin_promise.set_value(graphviz.plugins());
                continue;
            }
            if (job.cancel->load() || stopping) {
                LayoutResult cancelled;
                cancelled.cancelled = true;
                cancelled.error = "layout cancelled before it started";
                job.promise.set_value(std::move(cancelled));
                continue;
            }
            try {
                job.promise.set_value(graphviz.run(job.request));
            } catch (const std::exception& e) {
                LayoutResult failed;
                failed.error = e.what();
                job.promise.set_value(std::move(failed));
            }
        }
    }
};

LayoutService::LayoutService() : impl_(std::make_unique<Impl>()) {
    impl_->owner = std::thread([impl = impl_.get()] { impl->run(); });
}

LayoutService::~LayoutService() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    impl_->owner.join();
}

PluginCheck LayoutService::plugins() {
    QueuedJob job;
    job.plugin_query = true;
    auto future = job.plugin_promise.get_future();
    {
        std::lock_guard lock(impl_->mutex);
        impl_->queue.push_back(std::move(job));
    }
    impl_->wake.notify_all();
    return future.get();
}

LayoutJob LayoutService::submit(LayoutRequest request) {
    QueuedJob job;
    job.request = std::move(request);
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    LayoutJob handle(job.promise.get_future().share(), job.cancel);
    {
        std::lock_guard lock(impl_->mutex);
        impl_->queue.push_back(std::move(job));
    }
    impl_->wake.notify_all();
    return handle;
}

} // namespace dossier::layout
