// "(Tallant-Voronkov)": a hyphenated pair of known surnames is two persons, each with the span of
// its own part; hyphenated surnames ("Ben-Tovim", "Lloyd-George", "Mendes-France") stay one.
// Texts written for these tests.
#include "dossier/extract/extraction.h"
#include "extract_test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using dossier::testing::extract_text;
using dossier::testing::key_of;
using dossier::testing::seen;
using dossier::testing::surfaces_of;

namespace {

struct PersonAt {
    std::size_t start;
    std::string surface;
    bool operator==(const PersonAt&) const = default;
};

std::ostream& operator<<(std::ostream& out, const PersonAt& p) {
    return out << p.start << ':' << p.surface;
}

std::vector<PersonAt> persons_at(const extract::ExtractionResult& r, const std::string& text) {
    std::vector<PersonAt> out;
    for (const auto& m : r.mentions)
        if (r.entities[m.entity].type == EntityType::Person)
            out.push_back({m.span.start, text.substr(m.span.start, m.span.size())});
    return out;
}

extract::ExtractionResult
extract_with(const std::string& text, const extract::CorpusSurnames& corpus,
             const extract::ExtractionContext& context = dossier::testing::shared_context()) {
    Document doc;
    doc.text = text;
    return extract::extract_document(doc, context, &corpus);
}

} // namespace

TEST(HyphenatedPersons, APairOfSurnamesTheDocumentKnowsIsTwoPersonsWithTheirOwnSpans) {
    const std::string text =
        "Mr. Tallant met Ambassador Voronkov in Vienna. The memorandum of 12 May "
        "(Tallant-Voronkov) went to the Secretary, and the Voronkov-Tallant talks went on.";
    auto r = extract_text(text);
    const auto pair = text.find("Tallant-Voronkov");
    const auto reversed = text.find("Voronkov-Tallant");
    EXPECT_EQ(persons_at(r, text), (std::vector<PersonAt>{{text.find("Tallant"), "Tallant"},
                                                          {text.find("Voronkov"), "Voronkov"},
                                                          {pair, "Tallant"},
                                                          {pair + 8, "Voronkov"},
                                                          {reversed, "Voronkov"},
                                                          {reversed + 9, "Tallant"}}));
    // Each part is the person the document introduced ("Mr. Tallant", "Ambassador Voronkov":
    // key_of gives the key of the first mention with that surface).
    for (const auto& m : seen(r, text)) {
        if (m.type == EntityType::Person) {
            EXPECT_EQ(m.key, key_of(r, text, m.surface)) << m.surface;
        }
    }
    EXPECT_EQ(dossier::testing::count_of_type(r, EntityType::Person), 2u);
}

TEST(HyphenatedPersons, PartsKnownFromTheCorpusOrTheAuthorityFileAreTwoPersons) {
    const std::string text = "The memorandum of 12 May (Tallant-Voronkov) was filed.";
    // Known to nobody: one name, as written.
    EXPECT_EQ(surfaces_of(extract_text(text), text, EntityType::Person),
              (std::vector<std::string>{"Tallant-Voronkov"}));
    // Both surnames introduced in other documents of the corpus.
    extract::CorpusSurnames corpus;
    corpus.add("Tallant");
    corpus.add("Voronkov");
    EXPECT_EQ(surfaces_of(extract_with(text, corpus), text, EntityType::Person),
              (std::vector<std::string>{"Tallant", "Voronkov"}));
    // Both in the authority file: each part links to its entry.
    auto context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    context.add_authority({{"t1", EntityType::Person, "Tallant, Hugh R.", {}},
                           {"v1", EntityType::Person, "Voronkov, Ivan S.", {}}});
    Document doc;
    doc.text = text;
    const auto linked = extract::extract_document(doc, context);
    EXPECT_EQ(surfaces_of(linked, text, EntityType::Person),
              (std::vector<std::string>{"Tallant", "Voronkov"}));
    EXPECT_EQ(key_of(linked, text, "Tallant"), "auth:t1");
    EXPECT_EQ(key_of(linked, text, "Voronkov"), "auth:v1");
}

TEST(HyphenatedPersons, OnlyOneKnownPartLeavesTheNameAsItWas) {
    const std::string text = "Mr. Tallant spoke. The memorandum of 12 May (Tallant-Orbeli) and "
                             "the note of 14 May (Orbeli-Tallant) were filed.";
    EXPECT_EQ(surfaces_of(extract_text(text), text, EntityType::Person),
              (std::vector<std::string>{"Tallant", "Tallant-Orbeli", "Orbeli-Tallant"}));
}

TEST(HyphenatedPersons, ATitleOrGivenNamesMakeTheCompoundOnePersonsSurname) {
    // Ashby and Kellet are persons here, and so is Ashby-Kellet: "Mr." and "Roland" say so.
    const std::string titled = "Mr. Ashby and Mr. Kellet arrived, then Mr. Ashby-Kellet. The "
                               "memorandum of 12 May (Ashby-Kellet) was filed.";
    EXPECT_EQ(surfaces_of(extract_text(titled), titled, EntityType::Person),
              (std::vector<std::string>{"Ashby", "Kellet", "Ashby-Kellet", "Ashby-Kellet"}));
    const std::string given = "Mr. Ashby and Mr. Kellet arrived; Sir Roland Ashby-Kellet spoke, "
                              "and later Ashby-Kellet's aides left on Monday (Ashby-Kellet).";
    auto r = extract_text(given);
    EXPECT_EQ(surfaces_of(r, given, EntityType::Person),
              (std::vector<std::string>{"Ashby", "Kellet", "Roland Ashby-Kellet", "Ashby-Kellet",
                                        "Ashby-Kellet"}));
    EXPECT_EQ(key_of(r, given, "Ashby-Kellet"), key_of(r, given, "Roland Ashby-Kellet"));
}

TEST(HyphenatedPersons, GivenNamesParticlesAndCountriesAreNoSurnamesOfAPair) {
    // George is a given name, France a country, Ben a particle, Saint begins a surname: each
    // compound is one person even though its other part is a person known in the document.
    const std::string text =
        "Mr. Lloyd met Senator George on Monday (Lloyd-George). Mr. Mendes called on Tuesday "
        "(Mendes-France). Mr. Ben Tovim spoke on Wednesday (Ben-Tovim). Mr. Simon left on "
        "Friday (Saint-Simon).";
    extract::CorpusSurnames corpus; // even when another document has them as surnames
    for (const char* s : {"George", "France", "Ben", "Saint"})
        corpus.add(s);
    for (const auto& r : {extract_text(text), extract_with(text, corpus)}) {
        EXPECT_EQ(
            surfaces_of(r, text, EntityType::Person),
            (std::vector<std::string>{"Lloyd", "George", "Lloyd-George", "Mendes", "Mendes-France",
                                      "Ben Tovim", "Ben-Tovim", "Simon", "Saint-Simon"}));
    }
}

TEST(HyphenatedPersons, ACompoundTheAuthorityFileListsIsOnePerson) {
    auto context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    context.add_authority({{"a1", EntityType::Person, "Ashby, Tom", {}},
                           {"k1", EntityType::Person, "Kellet, Ann", {}},
                           {"ak", EntityType::Person, "Ashby-Kellet, Roland", {}}});
    const std::string text = "The memorandum of 12 May (Ashby-Kellet) was filed.";
    Document doc;
    doc.text = text;
    const auto r = extract::extract_document(doc, context);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person), (std::vector<std::string>{"Ashby-Kellet"}));
    EXPECT_EQ(key_of(r, text, "Ashby-Kellet"), "auth:ak");
}

TEST(HyphenatedPersons, ACompoundAnotherPersonOfTheCorpusBearsIsOnePerson) {
    const std::string text = "The memorandum of 12 May (Kellet-Ashby) was filed.";
    // What run_extraction's corpus holds after the first read: the two persons of other
    // documents and this document's own reading of the compound as one person.
    extract::CorpusSurnames corpus;
    for (const char* s : {"Ashby", "Kellet", "Kellet-Ashby"})
        corpus.add(s);
    EXPECT_EQ(surfaces_of(extract_with(text, corpus), text, EntityType::Person),
              (std::vector<std::string>{"Kellet", "Ashby"}));
    corpus.add("Kellet-Ashby"); // a person of another document: Sir Roland Kellet-Ashby
    EXPECT_EQ(surfaces_of(extract_with(text, corpus), text, EntityType::Person),
              (std::vector<std::string>{"Kellet-Ashby"}));
}

TEST(HyphenatedPersons, HyphenatedAdjectivesOfCountriesAreLeftToTheCountryRules) {
    const std::string text = "General Franco saw the Franco-German treaty and the Soviet-American "
                             "talks; Mr. Kellet and Mr. Ashby saw the Kellet-Ashby Street sign.";
    extract::CorpusSurnames corpus;
    for (const char* s : {"Franco", "German", "Soviet", "American"})
        corpus.add(s);
    const auto r = extract_with(text, corpus);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Country),
              (std::vector<std::string>{"German", "Soviet", "American"}));
    // "Kellet-Ashby Street" is no pair of persons (a capitalised word that is no eponym follows).
    const auto persons = surfaces_of(r, text, EntityType::Person);
    EXPECT_EQ(std::count(persons.begin(), persons.end(), "Ashby"), 1);
}
