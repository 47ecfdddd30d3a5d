#include "dossier/graph/entity_lookup.h"
#include "graph_test_project.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace dossier::graph {
namespace {

class EntityLookupTest : public ::testing::Test {
protected:
    testing::TempDir dir;
    testing::GraphTestProject world = testing::GraphTestProject::create(dir / "world.dossier");
    store::Project project = store::Project::open(dir / "world.dossier", store::OpenMode::ReadOnly);
    EntityLookup lookup = EntityLookup::load(project);
};

TEST_F(EntityLookupTest, ExactNameFindsTheEntity) {
    const auto r = lookup.find("Brezhnev");
    ASSERT_EQ(r.matches.size(), 1u);
    EXPECT_EQ(r.matches[0].id, world.entity["Brezhnev"]);
}

TEST_F(EntityLookupTest, AliasFindsTheEntityUnderItsCanonicalName) {
    const auto r = lookup.find("Washington");
    ASSERT_EQ(r.matches.size(), 1u);
    EXPECT_EQ(r.matches[0].name, "United States");
    EXPECT_EQ(lookup.find("Брежнев").matches.at(0).id, world.entity["Brezhnev"]);
}

TEST_F(EntityLookupTest, CaseDoesNotMatterIncludingCyrillic) {
    EXPECT_EQ(lookup.find("bREZHNEV").matches.at(0).id, world.entity["Brezhnev"]);
    EXPECT_EQ(lookup.find("БРЕЖНЕВ").matches.at(0).id, world.entity["Brezhnev"]);
}

TEST_F(EntityLookupTest, MisspelledNameSuggestsCloseMatches) {
    const auto r = lookup.find("Brezhnew");
    EXPECT_FALSE(r.found());
    EXPECT_EQ(r.not_found_message("Brezhnew"),
              "no entity named 'Brezhnew'; did you mean: Brezhnev (person)?");
}

TEST_F(EntityLookupTest, NothingCloseSaysSo) {
    const auto r = lookup.find("Zzyzx Qwerty");
    EXPECT_FALSE(r.found());
    EXPECT_EQ(r.not_found_message("Zzyzx Qwerty"), "no entity named 'Zzyzx Qwerty'");
}

TEST_F(EntityLookupTest, RejectedEntitiesAreNotFound) {
    EXPECT_FALSE(lookup.find("Fake").found());
}

TEST(EditDistance, CountsCodePointsNotBytes) {
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("Брежнев", "Брежнэв"), 1u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(FoldCase, LowersLatinLatin1AndCyrillic) {
    EXPECT_EQ(fold_case("ÉCOLE Moscow"), "école moscow");
    EXPECT_EQ(fold_case("ГРОМЫКО Ёж"), "громыко ёж");
}

} // namespace
} // namespace dossier::graph
