// for_each_in_order: results reach the consumer in input order whatever order workers finish in;
// a failure of one item surfaces at its turn; a consumer that stops ends the run.
#include "dossier/model/ordered_parallel.h"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <stdexcept>
#include <thread>
#include <vector>

using dossier::for_each_in_order;

namespace {

// Later items finish first: item i sleeps longer the smaller i is.
int slow_square(std::size_t i) {
    std::this_thread::sleep_for(std::chrono::microseconds(50 * (20 - i % 20)));
    return static_cast<int>(i * i);
}

} // namespace

TEST(OrderedParallel, ConsumesResultsInInputOrderWhateverOrderWorkersFinishIn) {
    for (unsigned jobs : {1u, 2u, 4u}) {
        std::vector<std::size_t> seen;
        std::vector<int> values;
        const auto consumed = for_each_in_order(100, jobs, slow_square, [&](std::size_t i, int v) {
            seen.push_back(i);
            values.push_back(v);
            return true;
        });
        EXPECT_EQ(consumed, 100u);
        ASSERT_EQ(seen.size(), 100u) << jobs;
        for (std::size_t i = 0; i < 100; ++i) {
            EXPECT_EQ(seen[i], i);
            EXPECT_EQ(values[i], static_cast<int>(i * i));
        }
    }
}

TEST(OrderedParallel, AFailingItemThrowsAtItsTurnAfterTheItemsBeforeIt) {
    std::vector<std::size_t> seen;
    auto produce = [](std::size_t i) {
        if (i == 7)
            throw std::runtime_error("item 7 is bad");
        return i;
    };
    EXPECT_THROW(for_each_in_order(50, 3, produce,
                                   [&](std::size_t, std::size_t v) {
                                       seen.push_back(v);
                                       return true;
                                   }),
                 std::runtime_error);
    EXPECT_EQ(seen, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(OrderedParallel, AConsumerThatStopsEndsTheRunThere) {
    for (unsigned jobs : {1u, 2u}) {
        std::size_t last = 0;
        const auto consumed = for_each_in_order(
            1000, jobs, [](std::size_t i) { return i; },
            [&](std::size_t i, std::size_t) {
                last = i;
                return i < 9;
            });
        EXPECT_EQ(consumed, 10u);
        EXPECT_EQ(last, 9u);
    }
}

TEST(OrderedParallel, WorkersNeverRunMoreThanTheWindowAheadOfTheConsumer) {
    std::atomic<std::size_t> consumed{0};
    std::atomic<std::size_t> furthest_ahead{0};
    for_each_in_order(
        200, 4,
        [&](std::size_t i) {
            const auto ahead = i - consumed.load();
            if (ahead > furthest_ahead)
                furthest_ahead = ahead;
            return i;
        },
        [&](std::size_t i, std::size_t) {
            consumed = i + 1;
            return true;
        },
        6);
    EXPECT_LE(furthest_ahead.load(), 6u);
}
