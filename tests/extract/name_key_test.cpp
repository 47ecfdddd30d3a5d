#include "dossier/extract/name_key.h"

#include <gtest/gtest.h>

using namespace dossier::extract;

TEST(NameKey, TransliterationVariantsShareASkeleton) {
    EXPECT_EQ(name_skeleton("Kosygyn"), name_skeleton("Kosygin"));
    EXPECT_EQ(name_skeleton("Zamiatin"), name_skeleton("Zamyatin"));
    EXPECT_EQ(name_skeleton("Aleksei"), name_skeleton("Alexei"));
    EXPECT_EQ(name_skeleton("Hammarskjöld"), name_skeleton("Hammarskjold"));
    EXPECT_EQ(name_skeleton("KHRUSHCHEV"), name_skeleton("Khrushchev"));
}

TEST(NameKey, DifferentNamesKeepDifferentSkeletons) {
    EXPECT_NE(name_skeleton("Gromyko"), name_skeleton("Grechko"));
    EXPECT_NE(name_skeleton("Suslov"), name_skeleton("Sokolov"));
}

TEST(NameKey, ParsesAuthorityAndNaturalOrder) {
    auto a = parse_person_name("Gromyko, Andrei A.");
    EXPECT_EQ(a.surname, "Gromyko");
    EXPECT_EQ(a.given, (std::vector<std::string>{"Andrei", "A."}));
    auto b = parse_person_name("U. Alexis Johnson");
    EXPECT_EQ(b.surname, "Johnson");
    EXPECT_EQ(display_name(b), "U. Alexis Johnson");
}

TEST(NameKey, ConflictingInitialsOrFirstNamesAreIncompatible) {
    EXPECT_TRUE(given_names_compatible({"A.", "A."}, {"Andrei"}));
    EXPECT_TRUE(given_names_compatible({}, {"John"}));
    EXPECT_TRUE(given_names_compatible({"Aleksei", "N."}, {"Alexei", "Nikolaevich"}));
    EXPECT_FALSE(given_names_compatible({"A."}, {"B."}));
    EXPECT_FALSE(given_names_compatible({"John"}, {"Jack"}));
}

TEST(NameKey, PersonKeyIsSkeletonAndInitials) {
    EXPECT_EQ(person_key(parse_person_name("Aleksei N. Kosygin")),
              person_key(parse_person_name("Alexei N. Kosygyn")));
    EXPECT_NE(person_key(parse_person_name("A. Kosygin")),
              person_key(parse_person_name("B. Kosygin")));
}

TEST(NameKey, CommonShortFormsFitTheFullGivenName) {
    EXPECT_TRUE(given_names_compatible({"Bob"}, {"Robert", "B."}));
    EXPECT_TRUE(given_names_compatible({"Bill"}, {"W."}));
    EXPECT_FALSE(given_names_compatible({"Bob"}, {"Richard"}));
    EXPECT_EQ(person_key(parse_person_name("Bob Orrin")),
              person_key(parse_person_name("R. Orrin")));
}
