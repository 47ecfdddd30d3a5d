#pragma once
// The one contract of every long job (import, extraction, relations, layout, metrics): the caller
// hands it a JobControl, cancels through its CancelToken from any thread, and hears how far it
// got through its progress callback, throttled to a few calls a second.
//
//     CancelToken cancel;                                   // keep a copy for the Cancel button
//     JobControl control{cancel, [](const JobProgress& p) { show(p.done, p.total, p.stage); }};
//     auto summary = extract::run_extraction(project, {}, control);  // summary.cancelled
//     ...
//     cancel.cancel();                                      // from another thread
//
// A job whose progress says more (files, bytes and the current file of an import; the phase and
// estimate of a layout) reports a payload derived from JobProgress: BasicJobControl<Payload>.
// Inside a job, a ProgressReporter made from the control does the throttling.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>

namespace dossier {

// A flag that any thread may set and a job checks cheaply (one relaxed atomic load) in its outer
// loops. Copies share the flag: cancelling one cancels them all. A default-made token is fresh.
class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
    void cancel() const noexcept { flag_->store(true, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return flag_->load(std::memory_order_relaxed); }
    // The flag itself, for a C library that polls a pointer (Tesseract's cancel callback). It
    // lives as long as any copy of the token.
    const std::atomic<bool>* flag() const noexcept { return flag_.get(); }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
};

// How far a job got: `done` of `total` steps of what it is doing now (`stage`, a short phrase
// such as "reading documents"; valid during the callback only). What a step is, each job says.
struct JobProgress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::string_view stage;
};

// Calls of the progress callback are at least this far apart, except the first and the last.
inline constexpr std::chrono::milliseconds kDefaultProgressInterval{200};

// What a caller hands to a long job. The callback runs on a thread of the job's (which one, each
// job says): keep it short and hand the value over to your own thread.
template <class Payload> struct BasicJobControl {
    using Callback = std::function<void(const Payload&)>;
    BasicJobControl() = default;
    BasicJobControl(CancelToken token, Callback callback = {},
                    std::chrono::milliseconds interval = kDefaultProgressInterval)
        : cancel(std::move(token)), progress(std::move(callback)), progress_interval(interval) {}

    CancelToken cancel;
    Callback progress;
    std::chrono::milliseconds progress_interval = kDefaultProgressInterval;

    bool cancelled() const noexcept { return cancel.cancelled(); }
};

using JobControl = BasicJobControl<JobProgress>;

// Inside a job: passes reports on to the control's callback, at most one per interval (the first
// always passes), and the ones given to report_now at once (the last one, a change of stage).
// Used from one thread at a time.
template <class Payload> class ProgressReporter {
public:
    using Clock = std::chrono::steady_clock;
    explicit ProgressReporter(const BasicJobControl<Payload>& control)
        : callback_(control.progress), interval_(control.progress_interval) {}

    // Someone listens: a job may skip building its reports otherwise.
    bool wanted() const noexcept { return static_cast<bool>(callback_); }
    // A report given now to report() would pass.
    bool due() const { return wanted() && (!reported_ || Clock::now() - last_ >= interval_); }

    void report(const Payload& payload) {
        if (due())
            report_now(payload);
    }
    void report_now(const Payload& payload) {
        if (!wanted())
            return;
        last_ = Clock::now();
        reported_ = true;
        callback_(payload);
    }

private:
    const std::function<void(const Payload&)>& callback_;
    std::chrono::milliseconds interval_;
    Clock::time_point last_{};
    bool reported_ = false;
};

} // namespace dossier
