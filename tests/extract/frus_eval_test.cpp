// `dossier eval` on the FRUS excerpt: the annotations are stripped, the plain text extracted and
// compared with them. Thresholds are the levels this rule set reaches, a little below the
// measured figures (docs/EXTRACTION.md); exact F1 without authority is held at the 0.85
// (measured 0.851, every gold mention found). The other precision-bound targets (overlap F1 0.90
// without authority, 0.95 with it) are not reached: the gold tags only the
// persons of the volume's list, and never the hyphenated "Ben-Gurion" (0 of 31, while 12 of 13
// "Ben Gurion" are tagged), and the extractor also finds the unlisted persons (Meany, Hall,
// Kural, Bruskin, ...). Recall and B-cubed reach the targets.
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {
constexpr const char* kFrus = "frus-1958-60v13-excerpt.xml";

nlohmann::json run_eval(bool authority) {
    const auto r =
        dossier::testing::run_cli("eval " + dossier::testing::shared_corpus(kFrus).string() +
                                  (authority ? " --authority" : "") + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out);
}
} // namespace

TEST(FrusEvaluation, WithoutAuthorityRecallAndClusteringAreHigh) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    auto r = run_eval(false);
    EXPECT_EQ(r["documents"], 17);
    EXPECT_GE(r["overlap"]["recall"].get<double>(), 0.995);
    EXPECT_GE(r["overlap"]["f1"].get<double>(), 0.85);
    EXPECT_GE(r["exact"]["f1"].get<double>(), 0.85);
    EXPECT_GE(r["bcubed"]["f1"].get<double>(), 0.99);
    EXPECT_GE(r["within_scope"]["overlap"]["f1"].get<double>(), 0.89);
}

TEST(FrusEvaluation, WithThePersonsListAsAuthorityRecallAndBCubedReachTheTarget) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    auto r = run_eval(true);
    EXPECT_GE(r["overlap"]["recall"].get<double>(), 0.995);
    EXPECT_GE(r["overlap"]["f1"].get<double>(), 0.84);
    EXPECT_GE(r["exact"]["f1"].get<double>(), 0.84);
    EXPECT_GE(r["bcubed"]["f1"].get<double>(), 0.99);
    // Next to the raw figures, never instead: within the gold's annotation scope (listed
    // persons), the names it by convention does not tag are left out.
    const auto& scope = r["within_scope"];
    EXPECT_EQ(scope["scope"], "listed persons");
    EXPECT_GE(scope["overlap"]["f1"].get<double>(), 0.90);
    EXPECT_GE(scope["overlap"]["precision"].get<double>(), r["overlap"]["precision"].get<double>());
    EXPECT_EQ(scope["overlap"]["recall"], r["overlap"]["recall"]);
}
