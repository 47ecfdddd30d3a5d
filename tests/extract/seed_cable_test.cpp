// The canonical example: the CC CPSU Politburo protocol extract of 2 October 1980.
#include "dossier/extract/extraction.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "extract_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace dossier;
using namespace dossier::store;

namespace {
constexpr const char* kSeed = "cc-cpsu-politburo-p217-57-1980.txt";

struct SeedProject {
    dossier::testing::TempDir dir;
    Project project = Project::open(dir / "seed.dossier", OpenMode::CreateIfMissing);
    DocumentId id;
    SeedProject() {
        Document doc;
        doc.text = dossier::testing::read_file(dossier::testing::shared_corpus(kSeed));
        doc.sha256 = "seed";
        doc.source_path = kSeed;
        doc.format = "text";
        Transaction tx(project);
        id = DocumentStore(project).insert(doc, doc.text.size());
        tx.commit();
        extract::run_extraction(project, dossier::testing::shared_context(), {});
    }
    // Surface form -> entity id, for mentions of one type.
    std::map<std::string, std::int64_t> surfaces(EntityType type) {
        std::map<std::string, std::int64_t> out;
        for (const auto& m : EntityStore(project).mentions_in_document(id))
            if (m.type == type)
                out[m.mention.surface] = m.mention.entity.value;
        return out;
    }
};
} // namespace

TEST(SeedCable, TwelveAddresseesAndNoOtherPersons) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    SeedProject seed;
    std::set<std::string> persons;
    for (const auto& e : EntityStore(seed.project).list(EntityType::Person))
        persons.insert(e.canonical_name);
    const std::set<std::string> addressees{"Brezhnev",  "Kosygyn", "Andropov", "Gromyko",
                                           "Kirilenko", "Suslov",  "Tikhonov", "Ustinov",
                                           "Ponomarev", "Rusakov", "Zamiatin", "Smirtyukov"};
    for (const auto& name : addressees)
        EXPECT_TRUE(persons.count(name)) << name;
    EXPECT_LE(persons.size(), addressees.size() + 1);
    auto doc = DocumentStore(seed.project).get(seed.id);
    EXPECT_EQ(doc->names_with_role(DocumentParty::Role::Recipient).size(), 12u);
}

TEST(SeedCable, SeventeenCountriesWithTheirOtherNames) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    SeedProject seed;
    std::set<std::string> countries;
    for (const auto& e : EntityStore(seed.project).list(EntityType::Country))
        countries.insert(e.canonical_name);
    const std::set<std::string> expected{"United States",
                                         "China",
                                         "Soviet Union",
                                         "Japan",
                                         "India",
                                         "Pakistan",
                                         "Cuba",
                                         "Vietnam",
                                         "Bulgaria",
                                         "Hungary",
                                         "German Democratic Republic",
                                         "Laos",
                                         "Mongolia",
                                         "Poland",
                                         "Czechoslovakia",
                                         "Cambodia",
                                         "Afghanistan"};
    EXPECT_EQ(countries, expected);
    auto s = seed.surfaces(EntityType::Country);
    EXPECT_EQ(s["Beijing"], s["PRC"]);
    EXPECT_EQ(s["Chinese"], s["PRC"]);
    EXPECT_EQ(s["Washington"], s["USA"]);
    EXPECT_EQ(s["American"], s["USA"]);
    EXPECT_EQ(s["SRV"], s["Socialist Republic of Vietnam"]);
    EXPECT_EQ(s["Hanoi"], s["SRV"]);
    EXPECT_EQ(s["GDR"], s["German Democratic Republic"]);
    EXPECT_EQ(s["Berlin"], s["GDR"]);
    EXPECT_NE(s["SRV"], s["GDR"]);
}

TEST(SeedCable, InstitutionsAndTheReferencedProtocol) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    SeedProject seed;
    auto orgs = seed.surfaces(EntityType::Organization);
    EXPECT_TRUE(orgs.count("CC CPSU"));
    EXPECT_TRUE(orgs.count("Politburo"));
    ASSERT_TRUE(orgs.count("MID"));
    EXPECT_EQ(orgs["MID"], orgs["Ministry of Foreign Affairs"]);
    auto documents = seed.surfaces(EntityType::Document);
    EXPECT_EQ(documents["protocol No. 217"], documents["prot. No. 217"]);
    auto places = seed.surfaces(EntityType::Place);
    EXPECT_TRUE(places.count("Tibet"));
    EXPECT_TRUE(places.count("Southeast Asia"));
}

TEST(SeedCable, HeaderDateReferenceAndClassification) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    SeedProject seed;
    auto doc = DocumentStore(seed.project).get(seed.id);
    EXPECT_EQ(doc->date.iso(), "1980-10-02");
    EXPECT_EQ(doc->archive_ref, "P217/57");
    EXPECT_EQ(doc->classification, "TOP SECRET");
}
