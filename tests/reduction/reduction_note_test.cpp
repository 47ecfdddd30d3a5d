// The caption sentence that says what a reduced figure leaves out (reduction_note.h).
#include "dossier/export/reduction_note.h"

#include <gtest/gtest.h>

namespace dossier::exporting {
namespace {

TEST(ReductionNote, TopNSaysHowManyOfHowManyAndByWhichMetric) {
    ExportReduction r;
    r.entities = 4122;
    r.top_metric = "pagerank";
    r.top_nodes = 100;
    EXPECT_EQ(reduction_note(r), "Showing the 100 most central of 4,122 entities (PageRank).");
    r.top_metric = "weighted_degree";
    EXPECT_EQ(reduction_note(r),
              "Showing the 100 most central of 4,122 entities (weighted degree).");
}

TEST(ReductionNote, NothingLeftOutSaysNothing) {
    EXPECT_EQ(reduction_note({}), "");
    ExportReduction r;
    r.entities = 40;
    r.top_metric = "degree";
    r.top_nodes = 40; // top 100 of 40: every entity is drawn
    EXPECT_EQ(reduction_note(r), "");
}

TEST(ReductionNote, AggregationSaysHowManyEntitiesBecameHowManyCommunities) {
    ExportReduction r;
    r.entities = 4122;
    r.top_nodes = 4122;
    r.communities = 37;
    EXPECT_EQ(reduction_note(r),
              "4,122 entities shown as 37 communities. Each node is a community, labelled by its "
              "most central members and sized by members.");
    r.top_metric = "degree";
    r.top_nodes = 500;
    EXPECT_EQ(reduction_note(r),
              "The 500 most central of 4,122 entities (degree), shown as 37 communities. Each "
              "node is a community, labelled by its most central members and sized by members.");
}

TEST(ReductionNote, AnOverviewWithCommunitiesUnfoldedCountsTheEntitiesDrawnSingly) {
    ExportReduction r;
    r.entities = 900;
    r.top_nodes = 900;
    r.communities = 20;
    r.single_entities = 50;
    EXPECT_EQ(reduction_note(r),
              "900 entities shown as 20 communities and 50 entities drawn singly. A community "
              "node is labelled by its most central members and sized by members.");
}

TEST(ReductionNote, MinimumWeightIsStated) {
    ExportReduction r;
    r.min_weight = 2;
    EXPECT_EQ(reduction_note(r), "Relations of weight below 2 are left out.");
    r.entities = 10;
    r.top_nodes = 3;
    r.top_metric = "pagerank";
    EXPECT_EQ(reduction_note(r), "Showing the 3 most central of 10 entities (PageRank). "
                                 "Relations of weight below 2 are left out.");
}

TEST(ReductionNote, CountsAreWrittenWithThousandsSeparators) {
    EXPECT_EQ(with_thousands(0), "0");
    EXPECT_EQ(with_thousands(999), "999");
    EXPECT_EQ(with_thousands(1000), "1,000");
    EXPECT_EQ(with_thousands(1234567), "1,234,567");
}

} // namespace
} // namespace dossier::exporting
