#include "dossier/model/date.h"
#include "dossier/model/document.h"

#include <gtest/gtest.h>

using namespace dossier;

TEST(PartialDate, ParsesEachPrecisionAndPrintsItBack) {
    EXPECT_EQ(parse_iso_date("1980")->iso(), "1980");
    EXPECT_EQ(parse_iso_date("1980-10")->iso(), "1980-10");
    auto day = parse_iso_date("1980-10-02");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->precision, DatePrecision::Day);
    EXPECT_EQ(day->iso(), "1980-10-02");
}

TEST(PartialDate, IgnoresTheTimeOfADateTime) {
    auto date = parse_iso_date("1960-03-24T17:21:00");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->iso(), "1960-03-24");
}

TEST(PartialDate, RejectsNonsense) {
    EXPECT_FALSE(parse_iso_date("Oct 2"));
    EXPECT_FALSE(parse_iso_date("1980-13-01"));
    EXPECT_FALSE(parse_iso_date(""));
}

TEST(Document, PageOfAnOffsetFollowsThePageMap) {
    Document doc;
    EXPECT_EQ(doc.page_of(10), 0) << "no page map, no page";
    doc.page_starts = {0, 100, 250};
    EXPECT_EQ(doc.page_of(0), 1);
    EXPECT_EQ(doc.page_of(99), 1);
    EXPECT_EQ(doc.page_of(100), 2);
    EXPECT_EQ(doc.page_of(1000), 3);
}
