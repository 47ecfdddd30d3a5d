#include "dossier/importers/page_ocr.h"

#include "dossier/importers/ocr_engine.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace dossier::importers {
namespace {

// The pages between the calling thread and the workers, and the results coming back.
struct PageQueue {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::pair<std::size_t, PageToRead>> waiting;
    std::size_t capacity = 1;
    std::size_t done = 0;
    bool closed = false; // no more pages will come
    std::vector<PageText> results;
};

void work(PageQueue& queue, OcrEngine& engine, const CancelToken& cancel) {
    for (;;) {
        std::pair<std::size_t, PageToRead> item;
        {
            std::unique_lock lock(queue.mutex);
            queue.changed.wait(lock, [&] { return !queue.waiting.empty() || queue.closed; });
            if (queue.waiting.empty())
                return;
            item = std::move(queue.waiting.front());
            queue.waiting.pop_front();
        }
        queue.changed.notify_all(); // room for the next page
        auto& page = item.second;
        PageText result;
        if (!page.error.empty()) {
            result.page = page.page;
            result.error = page.error;
        } else if (is_blank(page.image)) {
            result.page = page.page;
            result.ocr =
                OcrPage{page.page, page.image.dpi, page.image.width, page.image.height, 0.0f, {}};
        } else {
            result = engine.read(page.image, page.page, cancel);
        }
        page.image.pixels = {}; // free the image before waiting for the next one
        {
            const std::lock_guard lock(queue.mutex);
            queue.results[item.first] = std::move(result);
            ++queue.done;
        }
        queue.changed.notify_all();
    }
}

bool is_cancelled(const CancelToken& cancel) {
    return cancel.cancelled();
}

} // namespace

bool is_blank(const GrayImage& image) {
    if (image.pixels.empty())
        return true;
    const auto [low, high] = std::minmax_element(image.pixels.begin(), image.pixels.end());
    return *high - *low < 16;
}

unsigned worker_count(const OcrSettings& settings, std::size_t pages) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned wanted = settings.threads > 0 ? settings.threads : cores;
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, pages)));
}

std::vector<PageText> read_pages(std::size_t count,
                                 const std::function<PageToRead(std::size_t)>& page_at,
                                 const ReadOptions& options) {
    if (count == 0)
        return {};
    const unsigned workers = worker_count(options.ocr, count);
    // Engines start here, on the calling thread, so a missing language is one OcrError.
    std::vector<std::unique_ptr<OcrEngine>> engines;
    for (unsigned i = 0; i < workers; ++i)
        engines.push_back(acquire_engine(options.ocr));

    PageQueue queue;
    queue.capacity = workers;
    queue.results.resize(count);
    std::vector<std::thread> threads;
    for (auto& engine : engines)
        threads.emplace_back(work, std::ref(queue), std::ref(*engine), std::cref(options.cancel));

    auto report = [&](std::size_t done) {
        if (options.page_progress)
            options.page_progress(done, count);
    };
    std::size_t reported = 0;
    for (std::size_t i = 0; i < count && !is_cancelled(options.cancel); ++i) {
        auto page = page_at(i);
        std::unique_lock lock(queue.mutex);
        queue.changed.wait(lock, [&] { return queue.waiting.size() < queue.capacity; });
        queue.waiting.emplace_back(i, std::move(page));
        const auto done = queue.done;
        lock.unlock();
        queue.changed.notify_all();
        if (done != reported)
            report(reported = done);
    }
    {
        std::unique_lock lock(queue.mutex);
        queue.closed = true;
        if (is_cancelled(options.cancel))
            queue.waiting.clear();
    }
    queue.changed.notify_all();
    for (;;) {
        std::unique_lock lock(queue.mutex);
        queue.changed.wait_for(lock, std::chrono::milliseconds(100),
                               [&] { return queue.done != reported; });
        const auto done = queue.done;
        lock.unlock();
        if (done != reported)
            report(reported = done);
        if (done >= count || is_cancelled(options.cancel))
            break;
    }
    for (auto& thread : threads)
        thread.join();
    for (auto& engine : engines)
        release_engine(options.ocr, std::move(engine));
    if (is_cancelled(options.cancel))
        throw ImportCancelled();
    return std::move(queue.results);
}

} // namespace dossier::importers
