#include "dossier/extract/evaluation.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::extract;

TEST(Evaluation, ExactAndOverlapScoresFollowTheirDefinitions) {
    // Gold: three mentions; predicted: one exact, one overlapping, one spurious.
    std::vector<ScoredMention> gold{{0, {0, 5}, "a"}, {0, {10, 20}, "b"}, {1, {0, 4}, "a"}};
    std::vector<ScoredMention> predicted{{0, {0, 5}, "x"}, {0, {12, 20}, "y"}, {1, {30, 34}, "x"}};
    auto r = evaluate_mentions(gold, predicted);
    EXPECT_EQ(r.exact.matched, 1u);
    EXPECT_DOUBLE_EQ(r.exact.precision, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(r.exact.recall, 1.0 / 3.0);
    EXPECT_EQ(r.overlap.matched, 2u);
    EXPECT_DOUBLE_EQ(r.overlap.f1, 2.0 / 3.0);
}

TEST(Evaluation, BCubedPenalisesSplitsAndMerges) {
    std::vector<ScoredMention> gold{
        {0, {0, 1}, "a"}, {0, {2, 3}, "a"}, {0, {4, 5}, "b"}, {0, {6, 7}, ""}};
    // a is split over x and y; b is merged with nothing; the unidentified gold mention is left out.
    std::vector<ScoredMention> predicted{
        {0, {0, 1}, "x"}, {0, {2, 3}, "y"}, {0, {4, 5}, "z"}, {0, {6, 7}, "z"}};
    auto r = evaluate_mentions(gold, predicted);
    EXPECT_DOUBLE_EQ(r.bcubed_precision, 1.0);
    EXPECT_DOUBLE_EQ(r.bcubed_recall, (0.5 + 0.5 + 1.0) / 3.0);
}

TEST(Evaluation, NothingPredictedScoresZeroWithoutDividingByZero) {
    auto r = evaluate_mentions({{0, {0, 1}, "a"}}, {});
    EXPECT_EQ(r.overlap.f1, 0.0);
    EXPECT_EQ(r.bcubed_f1, 0.0);
}
