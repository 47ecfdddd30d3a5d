#pragma once
// Work on N threads, results taken in input order: `produce(i)` runs on worker threads (in any
// order, at most `window` items ahead of the one being consumed), `consume(i, result)` on the
// calling thread for i = 0, 1, 2, ... in order, like a reorder buffer. So a single writer sees
// exactly the sequence a serial loop would, whatever order the workers finish in. With jobs <= 1
// nothing is started: produce and consume alternate on the calling thread.
//
// `consume` returns false to stop early (a cancel); items not yet consumed are dropped. An
// exception from `produce` is rethrown on the calling thread when its item's turn comes; one from
// `consume` stops the workers and propagates. Returns the number of items consumed.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace dossier {

// Every core (std::thread::hardware_concurrency), at least 1: the default of --jobs.
inline unsigned all_cores() {
    return std::max(1u, std::thread::hardware_concurrency());
}

namespace detail {

template <typename Result> struct OrderedSlot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool ready = false;
};

template <typename Result> class OrderedRun {
public:
    OrderedRun(std::size_t count, std::size_t window) : count_(count), slots_(window) {}

    // The next index a worker may start, or `count` when there is none (the run stopped or ended).
    std::size_t claim() {
        std::unique_lock lock(mutex_);
        room_.wait(lock,
                   [&] { return stopped_ || next_ >= count_ || next_ < taken_ + slots_.size(); });
        if (stopped_ || next_ >= count_)
            return count_;
        return next_++;
    }
    void put(std::size_t i, std::optional<Result> result, std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        auto& slot = slots_[i % slots_.size()];
        slot.result = std::move(result);
        slot.error = error;
        slot.ready = true;
        done_.notify_one();
    }
    // Waits for item `taken_`, moves it out and frees its slot.
    OrderedSlot<Result> take() {
        std::unique_lock lock(mutex_);
        auto& slot = slots_[taken_ % slots_.size()];
        done_.wait(lock, [&] { return slot.ready; });
        OrderedSlot<Result> out = std::move(slot);
        slot = {};
        ++taken_;
        room_.notify_all();
        return out;
    }
    void stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        room_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable room_, done_;
    std::size_t count_, next_ = 0, taken_ = 0;
    bool stopped_ = false;
    std::vector<OrderedSlot<Result>> slots_;
};

} // namespace detail

template <typename Produce, typename Consume>
std::size_t for_each_in_order(std::size_t count, unsigned jobs, Produce produce, Consume consume,
                              std::size_t window = 0) {
    using Result = std::invoke_result_t<Produce&, std::size_t>;
    if (jobs <= 1) {
        for (std::size_t i = 0; i < count; ++i)
            if (!consume(i, produce(i)))
                return i + 1;
        return count;
    }
    detail::OrderedRun<Result> run(count, std::max<std::size_t>(window ? window : 8 * jobs, jobs));
    std::vector<std::jthread> workers;
    auto work = [&] {
        for (std::size_t i = run.claim(); i < count; i = run.claim()) {
            try {
                run.put(i, std::optional<Result>(produce(i)), nullptr);
            } catch (...) {
                run.put(i, std::nullopt, std::current_exception());
            }
        }
    };
    struct StopOnExit {
        detail::OrderedRun<Result>& run;
        std::vector<std::jthread>& workers;
        ~StopOnExit() {
            run.stop();
            workers.clear(); // joins
        }
    } stop_on_exit{run, workers};
    for (unsigned w = 0; w < jobs; ++w)
        workers.emplace_back(work);
    for (std::size_t i = 0; i < count; ++i) {
        auto slot = run.take();
        if (slot.error)
            std::rethrow_exception(slot.error);
        if (!consume(i, std::move(*slot.result)))
            return i + 1;
    }
    return count;
}

} // namespace dossier
