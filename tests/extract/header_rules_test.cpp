// Header lines of cables, notes and protocols: routing addresses, signature offices, and the
// identity the relation step gives a header party no mention names.
#include "dossier/extract/extraction.h"
#include "dossier/extract/name_key.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "extract_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using dossier::testing::extract_text;
using dossier::testing::surfaces_of;

namespace {
std::vector<std::string> party_names(const extract::ExtractionResult& r, DocumentParty::Role role) {
    std::vector<std::string> names;
    for (const auto& p : r.header.parties)
        if (p.role == role)
            names.push_back(p.name);
    return names;
}
} // namespace

TEST(HeaderRules, CableRoutingAddressesNameInstitutionsNotPersons) {
    const std::string text = "SECRET\n\nFROM: SECSTATE WASHDC\nTO: AMEMBASSY ROME IMMEDIATE\n"
                             "INFO: AMEMBASSY NEW DELHI, USMISSION GENEVA, Amconsul Lagos\n\n"
                             "1. The Department has reviewed the reports of the last week.\n";
    auto r = extract_text(text);
    EXPECT_EQ(party_names(r, DocumentParty::Role::Sender),
              (std::vector<std::string>{"Department of State"}));
    EXPECT_EQ(party_names(r, DocumentParty::Role::Recipient),
              (std::vector<std::string>{"Embassy in Rome", "Embassy in New Delhi",
                                        "US Mission in Geneva", "Consulate in Lagos"}));
    // The span still points at what the header says.
    std::vector<std::string> written;
    for (const auto& p : r.header.parties)
        written.push_back(text.substr(p.span.start, p.span.size()));
    EXPECT_EQ(written, (std::vector<std::string>{"SECSTATE WASHDC", "AMEMBASSY ROME IMMEDIATE",
                                                 "AMEMBASSY NEW DELHI", "USMISSION GENEVA",
                                                 "Amconsul Lagos"}));
    EXPECT_TRUE(surfaces_of(r, text, EntityType::Person).empty());
}

TEST(HeaderRules, ALineInCapitalsNamingWhomADocumentIsForIsNoSignature) {
    const std::string text = "MINISTRY OF FOREIGN AFFAIRS\n\nNo. 77/EU\n\nNOTE FOR THE MINISTER\n"
                             "INSTRUCTIONS TO THE AMBASSADOR\n\n"
                             "The Directorate has studied the approaches of the last month and "
                             "recommends that they be neither encouraged nor refused for now.\n";
    auto r = extract_text(text);
    EXPECT_TRUE(party_names(r, DocumentParty::Role::Signatory).empty());
    const std::string signed_text = "No. P12/3\nTo Comrades Orlov, Belov.\nCC SECRETARY\n"
                                    "The body follows in a long line of prose about the supply of "
                                    "grain to the ports of the north and their ships.\n";
    auto s = extract_text(signed_text);
    EXPECT_EQ(party_names(s, DocumentParty::Role::Signatory),
              (std::vector<std::string>{"CC SECRETARY"}));
}

TEST(HeaderRules, AHeaderPartyNoMentionNamesGetsTheKeyExtractionGivesThatName) {
    dossier::testing::TempDir dir;
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    Document doc;
    doc.sha256 = "header-party";
    doc.source_path = "t.txt";
    doc.format = "text";
    doc.text = "No. P5/1\nTo Comrades Orlov, Belov.\nCC SECRETARY\nThe text of the decision "
               "follows here in one long line of prose about grain and ports and ships.\n";
    {
        store::Transaction tx(project);
        store::DocumentStore(project).insert(doc, doc.text.size());
        tx.commit();
    }
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    store::EntityStore entities(project);
    std::vector<std::string> keys;
    for (const auto& e : entities.list(EntityType::Person))
        if (e.canonical_name == "CC SECRETARY")
            keys.push_back(entities.get(e.id)->key);
    // One entity, keyed like every other person ("<surname skeleton>:<initials>"), so a
    // mention of the same name elsewhere joins it instead of making a second one.
    EXPECT_EQ(keys, (std::vector<std::string>{
                        extract::person_key(extract::parse_person_name("CC SECRETARY"))}));
}
