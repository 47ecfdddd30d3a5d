#include "dossier/extract/evaluation.h"
#include "dossier/extract/evaluation_errors.h"

#include <gtest/gtest.h>
#include <map>
#include <string>

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

// A small gold file written for this test: two documents, a persons list of one person.
TEST(EvaluationErrors, EachErrorGetsTheClassTheGoldFileSupports) {
    const std::vector<std::string> texts_owned{"Mr. Smith met Mr. Jones and Paul Kerr in Paris.",
                                               "Smith wrote to Kerr; the 3 ships sailed."};
    const std::vector<std::string_view> texts{texts_owned[0], texts_owned[1]};
    const std::vector<std::string> listed{"Smith, John A."};
    // Gold: Smith twice (listed), Jones once (not listed, but tagged).
    const std::vector<ScoredMention> gold{
        {0, {4, 9}, "p_S"}, {0, {18, 23}, ""}, {1, {0, 5}, "p_S"}};
    const std::vector<ScoredMention> predicted{
        {0, {0, 9}, "e1"},   // "Mr. Smith": boundary, title included
        {0, {28, 37}, "e2"}, // "Paul Kerr": no listed person, surname never tagged -> (a)
        {1, {15, 19}, "e2"}, // "Kerr" -> (a)
        {1, {25, 32}, "e3"}, // "3 ships": not a name -> (c)
    };
    const GoldStandard standard{gold, listed, texts};
    const auto errors = classify_errors(standard, predicted);
    ASSERT_EQ(errors.size(), 6u); // Jones and the second Smith missed, 3 spurious, 1 boundary
    std::map<std::string, std::string> class_of;
    for (const auto& e : errors)
        class_of[std::string(to_string(e.kind)) + " " + e.surface] = to_string(e.error_class);
    EXPECT_EQ(class_of["boundary Mr. Smith"], "b");
    EXPECT_EQ(class_of["spurious Paul Kerr"], "a");
    EXPECT_EQ(class_of["spurious Kerr"], "a");
    EXPECT_EQ(class_of["spurious 3 ships"], "c");
    EXPECT_EQ(class_of["missed Jones"], "d");
    EXPECT_EQ(class_of["missed Smith"], "d");
    for (const auto& e : errors) {
        if (e.kind == ErrorKind::Boundary) {
            EXPECT_NE(e.reason.find("Mr. "), std::string::npos) << e.reason;
        }
    }
}

TEST(EvaluationErrors, ANameTheGoldTagsElsewhereOrTheListHoldsStaysAnError) {
    const std::string text = "Jones saw Smith. Later Jones and Smith left.";
    const std::vector<std::string_view> texts{text};
    const std::vector<std::string> listed{"Smith, John A."};
    const std::vector<ScoredMention> gold{{0, {0, 5}, ""}}; // only the first Jones is tagged
    const std::vector<ScoredMention> predicted{
        {0, {0, 5}, "e1"}, {0, {10, 15}, "e2"}, {0, {23, 28}, "e1"}, {0, {33, 38}, "e2"}};
    const GoldStandard standard{gold, listed, texts};
    for (const auto& e : classify_errors(standard, predicted))
        EXPECT_EQ(to_string(e.error_class), std::string("d")) << e.surface;
    // Nothing is outside the scope, so the scoped figures are the raw ones.
    const auto scope = score_within_listed_scope(standard, predicted);
    EXPECT_TRUE(scope.excluded.empty());
    EXPECT_DOUBLE_EQ(scope.overlap.precision, 0.25);
}

TEST(EvaluationErrors, TheScopeLeavesOutOnlyUntaggedNamesAndStillCountsTheRest) {
    const std::string text = "Mr. Smith met Mr. Kerr at the 3 gates.";
    const std::vector<std::string_view> texts{text};
    const std::vector<std::string> listed{"Smith, John A."};
    const std::vector<ScoredMention> gold{{0, {4, 9}, "p_S"}};
    const std::vector<ScoredMention> predicted{
        {0, {4, 9}, "e1"}, {0, {18, 22}, "e2"}, {0, {30, 37}, "e3"}};
    const auto scope = score_within_listed_scope({gold, listed, texts}, predicted);
    ASSERT_EQ(scope.excluded.size(), 1u);
    EXPECT_EQ(scope.excluded.begin()->first, "Kerr");
    EXPECT_EQ(scope.overlap.predicted, 2u); // "3 gates" still counts against precision
    EXPECT_DOUBLE_EQ(scope.overlap.precision, 0.5);
    EXPECT_DOUBLE_EQ(evaluate_mentions(gold, predicted).overlap.precision, 1.0 / 3.0);
}

TEST(EvaluationErrors, ASurnameThatIsOnlyAListedGivenNameSaysSo) {
    const std::string text = "Ambassador Tomas agreed; Mr. Varga left.";
    const std::vector<std::string_view> texts{text};
    const std::vector<std::string> listed{"Pell, Tomas R.", "Varga, Imre"};
    const std::vector<ScoredMention> gold;
    const std::vector<ScoredMention> predicted{{0, {11, 16}, "e1"}, {0, {29, 34}, "e2"}};
    std::map<std::string, std::string> reason_of;
    for (const auto& e : classify_errors({gold, listed, texts}, predicted))
        reason_of[e.surface] = e.reason;
    EXPECT_EQ(reason_of["Tomas"],
              "matches a word of a listed name other than its surname (Pell, Tomas R.)");
    EXPECT_EQ(reason_of["Varga"], "matches a listed person (Varga, Imre)");
}
