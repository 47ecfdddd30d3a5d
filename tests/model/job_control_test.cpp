// The job contract of job_control.h: a token cancelled on one thread is seen on another, copies
// share it, and the reporter lets the first report through, holds back the ones that follow
// within the interval and always passes report_now.
#include "dossier/model/job_control.h"

#include <chrono>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace dossier;

TEST(CancelToken, AFreshTokenIsNotCancelled) {
    const CancelToken token;
    EXPECT_FALSE(token.cancelled());
    EXPECT_FALSE(token.flag()->load());
}

TEST(CancelToken, CancellingOneCopyCancelsEveryCopy) {
    const CancelToken token;
    const CancelToken copy = token; // NOLINT(performance-unnecessary-copy-initialization)
    copy.cancel();
    EXPECT_TRUE(token.cancelled());
    EXPECT_TRUE(token.flag()->load());
    EXPECT_FALSE(CancelToken{}.cancelled()); // another token is not touched
}

TEST(CancelToken, ACancelFromAnotherThreadStopsALoopThatChecksIt) {
    const CancelToken token;
    std::jthread canceller([token] { token.cancel(); });
    while (!token.cancelled())
        std::this_thread::yield();
    canceller.join();
    EXPECT_TRUE(token.cancelled());
}

TEST(JobControl, CancelledReadsItsToken) {
    JobControl control;
    EXPECT_FALSE(control.cancelled());
    control.cancel.cancel();
    EXPECT_TRUE(control.cancelled());
}

TEST(ProgressReporter, PassesTheFirstReportAndHoldsBackTheNextWithinTheInterval) {
    std::vector<std::size_t> seen;
    JobControl control{
        {}, [&](const JobProgress& p) { seen.push_back(p.done); }, std::chrono::hours(1)};
    ProgressReporter reporter(control);
    reporter.report({1, 3, "reading"});
    reporter.report({2, 3, "reading"});
    EXPECT_EQ(seen, (std::vector<std::size_t>{1}));
    reporter.report_now({3, 3, "reading"});
    EXPECT_EQ(seen, (std::vector<std::size_t>{1, 3}));
}

TEST(ProgressReporter, WithAZeroIntervalPassesEveryReport) {
    std::vector<std::size_t> seen;
    JobControl control{
        {}, [&](const JobProgress& p) { seen.push_back(p.done); }, std::chrono::milliseconds(0)};
    ProgressReporter reporter(control);
    for (std::size_t i = 1; i <= 4; ++i)
        reporter.report({i, 4, "reading"});
    EXPECT_EQ(seen, (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST(ProgressReporter, WithoutACallbackIsNotWantedAndReportsNothing) {
    const JobControl control;
    ProgressReporter reporter(control);
    EXPECT_FALSE(reporter.wanted());
    EXPECT_FALSE(reporter.due());
    reporter.report_now({1, 1, "done"}); // must not call an empty function
}

TEST(ProgressReporter, CarriesARicherPayloadDerivedFromJobProgress) {
    struct FileProgress : JobProgress {
        std::string_view file;
    };
    std::string_view last;
    BasicJobControl<FileProgress> control{{}, [&](const FileProgress& p) { last = p.file; }};
    ProgressReporter reporter(control);
    FileProgress p;
    p.file = "a.txt";
    reporter.report(p);
    EXPECT_EQ(last, "a.txt");
}
