#pragma once
// Runs Graphviz layouts in the background, one at a time, each in its own worker process
// (dossier-layout-worker): every layout starts from clean Graphviz state (so fdp repeats, like
// the other engines), and a cancel kills the running layout at once (Graphviz cannot be
// interrupted inside a process).
//
// Typical use (the GUI's layout controller, the export command):
//
//     LayoutService service;                         // finds the worker; starts no process yet
//     if (auto check = service.plugins(); !check.ok) // start-up check: engines missing?
//         report(check.message);
//     LayoutJob job = service.submit(request, {token, [](const LayoutProgress& p) { show(p); }});
//     ...
//     service.cancel();        // or job.cancel(), or token.cancel(): the worker is killed
//     const LayoutResult& result = job.wait();       // result.cancelled, result.error, ...
//
// Threads: submit(), cancel(), plugins() and LayoutJob's members may be called from any thread.
// The progress callback runs on the service's own thread, at most every progress_interval while
// a job runs and at every change of phase: keep it short and hand the value over to your thread
// (a Qt queued signal, an atomic).
#include "dossier/layout/graphviz_layout.h"
#include "dossier/layout/layout_request.h"
#include "dossier/model/job_control.h"

#include <filesystem>
#include <functional>
#include <future>
#include <memory>

namespace dossier::layout {

// done of total: thousandths of the estimate (fraction * 1000), stage: the phase's name.
struct LayoutProgress : JobProgress {
    enum class Phase {
        Serialise, // the request goes to the worker
        Layout,    // Graphviz runs in the worker
        ReadBack,  // the result comes back
        Done,      // the result is ready (or the job failed or was cancelled)
    };
    Phase phase = Phase::Serialise;
    double elapsed_seconds = 0;
    // From estimate_layout_cost (node and edge counts): an estimate, not a measurement.
    double estimated_seconds = 0;
    // elapsed / estimated, held below 1 until the result is in (a layout slower than its
    // estimate stays at 0.99); exactly 1 when Done. An estimate: show it as such.
    double fraction = 0;
};

// A cancel through the token: a queued job never starts; a running one has its worker killed
// within about 50 ms. The job's result then says cancelled.
using LayoutControl = BasicJobControl<LayoutProgress>;

// One submitted layout. Copies share the job.
class LayoutJob {
public:
    LayoutJob(std::shared_future<LayoutResult> result, CancelToken cancel)
        : result_(std::move(result)), cancel_(std::move(cancel)) {}
    // Cancels this job (its control's token): wait() then gives a result with cancelled = true.
    void cancel() const { cancel_.cancel(); }
    const LayoutResult& wait() const { return result_.get(); }
    bool ready() const;

private:
    std::shared_future<LayoutResult> result_;
    CancelToken cancel_;
};

class LayoutService {
public:
    // Uses the worker found by default_worker_path().
    LayoutService();
    explicit LayoutService(std::filesystem::path worker);
    ~LayoutService(); // cancels the running job (kills its worker) and the queued ones
    LayoutService(const LayoutService&) = delete;
    LayoutService& operator=(const LayoutService&) = delete;

    // The start-up plugin check (which engines load), run once in a worker and remembered. When
    // the worker itself cannot be started, ok is false and the message says where it was looked
    // for.
    PluginCheck plugins();

    // Queues a layout; jobs run one at a time in submission order. The control's progress
    // (optional) is called on the service's thread; see the file comment.
    LayoutJob submit(LayoutRequest request, LayoutControl control = {});

    // Cancels every job submitted so far: the running one's worker is killed, the queued ones
    // never start. Jobs submitted afterwards run normally.
    void cancel();

    const std::filesystem::path& worker() const;

    // $DOSSIER_LAYOUT_WORKER when set; else dossier-layout-worker next to the running binary
    // when it is there; else the path CMake configured (the build tree's worker).
    static std::filesystem::path default_worker_path();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace dossier::layout
