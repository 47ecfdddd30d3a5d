#pragma once
// One owner thread for Graphviz: jobs run one at a time, in submission order.
#include "dossier/layout/graphviz_layout.h"
#include "dossier/layout/layout_request.h"

#include <atomic>
#include <future>
#include <memory>

namespace dossier::layout {

// Lets a caller give up on a job that has not started yet (Graphviz cannot be interrupted
// mid-layout, so cancellation happens between jobs).
class LayoutJob {
public:
    LayoutJob(std::shared_future<LayoutResult> result, std::shared_ptr<std::atomic<bool>> cancel)
        : result_(std::move(result)), cancel_(std::move(cancel)) {}
    void cancel() { cancel_->store(true); }
    const LayoutResult& wait() const { return result_.get(); }
    bool ready() const;

private:
    std::shared_future<LayoutResult> result_;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

class LayoutService {
public:
    LayoutService();
    ~LayoutService(); // finishes the running job, cancels the queued ones
    LayoutService(const LayoutService&) = delete;
    LayoutService& operator=(const LayoutService&) = delete;

    // The start-up plugin check, run on the owner thread.
    PluginCheck plugins();
    LayoutJob submit(LayoutRequest request);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace dossier::layout
