// One test per rule family, on short texts written for these tests.
#include "extract_test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using dossier::testing::count_of_type;
using dossier::testing::extract_text;
using dossier::testing::key_of;
using dossier::testing::seen;
using dossier::testing::surfaces_of;

TEST(PersonRules, TitlesAndHonorificsAreLeftOutOfTheSpan) {
    const std::string text =
        "Yesterday Ambassador Pell Orkney met Foreign Minister Varga and Comrade Zhelev.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Pell Orkney", "Varga", "Zhelev"}));
}

TEST(PersonRules, InitialsMakeANameWithoutTitle) {
    const std::string text =
        "The note was handed over by B. K. Lostov and later read by Harald T. Wemyss.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"B. K. Lostov", "Harald T. Wemyss"}));
}

TEST(PersonRules, PluralTitlesIntroduceAList) {
    const std::string text =
        "To Comrades Abalin, Borovkov, Chernykh and Dudko.\nThe meeting opened.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Abalin", "Borovkov", "Chernykh", "Dudko"}));
}

TEST(PersonRules, PossessiveIsNotPartOfTheName) {
    const std::string text =
        "Minister Tarrow’s proposal surprised everyone, and Tarrow's aides too.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Tarrow", "Tarrow"}));
}

TEST(PersonRules, SurnameAloneJoinsTheFullNameIntroducedEarlier) {
    const std::string text =
        "Ambassador U. Quentin Marlow arrived on Monday. Later Marlow said little.";
    auto r = extract_text(text);
    ASSERT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"U. Quentin Marlow", "Marlow"}));
    EXPECT_EQ(key_of(r, text, "Marlow"), key_of(r, text, "U. Quentin Marlow"));
    EXPECT_EQ(count_of_type(r, EntityType::Person), 1u);
}

TEST(PersonRules, DraftingLinesAndBracketedNamesAfterOfficesArePersons) {
    const std::string text =
        "Memorandum from the Director of the Office (Pimlott) to the Counselor.\n"
        "Drafted by Quayle and Ansty; approved by Pimlott.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Pimlott", "Quayle", "Ansty", "Pimlott"}));
}

TEST(PersonRules, AHyphenatedPossessiveIsOneWholeName) {
    const std::string text = "We discussed Ben-Tovim’s visit and later Ben-Tovim's letter.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Ben-Tovim", "Ben-Tovim"}));
}

TEST(PersonRules, WriterAndAddresseeOfAPaperArePersons) {
    const std::string text = "The source text is a memorandum from Pallister to Quorne, July 1, "
                             "and a letter from Varnum. A telegram from Cairo followed.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Pallister", "Quorne", "Varnum"}));
}

TEST(PersonRules, ANameSetOffAfterARoleIsAPersonAndSoIsTheOneThePaperWentTo) {
    const std::string text =
        "Attached to a letter from the Director of the Records Bureau, Pemberton, to Ashcombe, "
        "June 3, asking for comment. Later the Chairman of the Tariff Board, Velder, agreed.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Pemberton", "Ashcombe", "Velder"}));
    EXPECT_EQ(surfaces_of(r, text, EntityType::Organization),
              (std::vector<std::string>{"Records Bureau", "Tariff Board"}));
    // No role before the comma, or a country after it: no person.
    const std::string none = "He wrote to the Records Bureau, Pemberton said. The report of the "
                             "Director of the Budget, Canada, arrived.";
    EXPECT_TRUE(surfaces_of(extract_text(none), none, EntityType::Person).empty());
}

TEST(PersonRules, ANameThenADashAndAnOfficeIsAParticipant) {
    const std::string text = "PARTICIPANTS\n\nOrville Pendergast\u2014Deputy Assistant "
                             "Secretary\u2014EUR\nWinthrop Q. Ames\u2014Director\u2014NE\n"
                             "Quiet Harbor\u2014a place of rest\n";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Orville Pendergast", "Winthrop Q. Ames"}));
}

TEST(PersonRules, AKnownGivenNameAndACapitalisedWordAreAName) {
    const std::string text = "The policies of Yusuf Haddad in the north changed; the Hassan "
                             "Committee met, and Golda Tamir spoke.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Yusuf Haddad", "Golda Tamir"}));
    EXPECT_EQ(surfaces_of(r, text, EntityType::Organization),
              (std::vector<std::string>{"Hassan Committee"}));
}

TEST(PersonRules, AKnownSurnameBeforeAnEponymWordIsThePerson) {
    const std::string text = "Senator Mabry spoke. The Mabry Amendment passed, and the Mabry "
                             "amendment was debated. The Israeli Mission and the Tarrant Mission "
                             "left.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Mabry", "Mabry", "Mabry"}));
    EXPECT_EQ(key_of(r, text, "Mabry"), key_of(r, text, "Mabry"));
    // Tarrant is known to no one here: the Tarrant Mission stays an institution.
    EXPECT_EQ(surfaces_of(r, text, EntityType::Organization),
              (std::vector<std::string>{"Israeli Mission", "Tarrant Mission"}));
    // Known from another document of the corpus, Tarrant is a person; the Mission is not.
    extract::CorpusSurnames corpus;
    corpus.add("Tarrant");
    Document doc;
    doc.text = text;
    auto with_corpus = extract::extract_document(doc, dossier::testing::shared_context(), &corpus);
    const auto persons = surfaces_of(with_corpus, text, EntityType::Person);
    EXPECT_EQ(std::count(persons.begin(), persons.end(), "Tarrant"), 1);
    EXPECT_EQ(surfaces_of(with_corpus, text, EntityType::Organization),
              (std::vector<std::string>{"Israeli Mission"}));
}

TEST(PersonRules, ClearanceListsStopAtOfficeSymbols) {
    const std::string text =
        "Drafted by Orrin; cleared in draft with Pallister, Quorne, Varnum, GTI, H, and WE.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Orrin", "Pallister", "Quorne", "Varnum"}));
}

TEST(PersonRules, TheNameOnTheLastLineSignsTheCable) {
    const std::string text = "1. Talks went on until late.\n\n2. We will report tomorrow.\n\n"
                             "Quorne\n";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person), (std::vector<std::string>{"Quorne"}));
    const std::string with_note =
        "The meeting ended.\n\nPell T. Varnum [Footnote 2: Printed from a copy.]\n";
    auto n = extract_text(with_note);
    EXPECT_EQ(surfaces_of(n, with_note, EntityType::Person),
              (std::vector<std::string>{"Pell T. Varnum"}));
    // A last paragraph that is a sentence is no signature.
    const std::string sentence = "The meeting ended.\n\nBrisk talks followed\n";
    EXPECT_TRUE(surfaces_of(extract_text(sentence), sentence, EntityType::Person).empty());
}

TEST(PersonRules, TitlesAfterTheTriggerStayOutsideTheSpan) {
    const std::string text = "DEAR MR. QUORNE:\nThe note came in a message from Prime Minister "
                             "Varnum and was read by Assistant Secretary Dr. Pell T. Orrin.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"QUORNE", "Varnum", "Pell T. Orrin"}));
}

TEST(PersonRules, GivenNamesBeforeAKnownSurnameJoinTheMention) {
    const std::string text = "Prime Minister Avi Tovim spoke first. Later Avi Tovim and Tovim's "
                             "aides left; Minister Tovim returned.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Avi Tovim", "Avi Tovim", "Tovim", "Tovim"}));
    EXPECT_EQ(key_of(r, text, "Avi Tovim"), key_of(r, text, "Tovim"));
}

TEST(PersonRules, AGivenNameTheDocumentHadNotGivenJoinsAKnownSurname) {
    const std::string text = "Mr. Quorne arrived. In talks with Pell Quorne the envoy agreed. "
                             "Approve Quorne's plan.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Quorne", "Pell Quorne", "Quorne"}));
}

TEST(PersonRules, ATwoPartSurnameIsKnownWithAHyphenOrASpace) {
    const std::string text = "Prime Minister Ben-Tovim spoke. Later Ben Tovim left, and "
                             "Ben-Tovim wrote.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Person),
              (std::vector<std::string>{"Ben-Tovim", "Ben Tovim", "Ben-Tovim"}));
    EXPECT_EQ(key_of(r, text, "Ben Tovim"), key_of(r, text, "Ben-Tovim"));
}

TEST(PersonRules, AnOfficeOnALineOfItsOwnDoesNotTakeTheNextLineAsAName) {
    const std::string signed_block =
        "The Minister would receive him on Friday.\n(P. T. Orrin)\nPermanent Foreign Secretary\n"
        "Central Reading Room of the Archive\n";
    auto r = extract_text(signed_block);
    EXPECT_EQ(surfaces_of(r, signed_block, EntityType::Person),
              (std::vector<std::string>{"P. T. Orrin"}));
    const std::string wrapped = "On Friday the delegation met Ambassador\nQuorne in Vienna.";
    auto w = extract_text(wrapped);
    EXPECT_EQ(surfaces_of(w, wrapped, EntityType::Person), (std::vector<std::string>{"Quorne"}));
}

TEST(PersonRules, SentenceInitialWordsAreNotPersons) {
    const std::string text = "Approve the draft. Counting on support, Frequently they met.";
    auto r = extract_text(text);
    EXPECT_TRUE(surfaces_of(r, text, EntityType::Person).empty());
}

TEST(CountryRules, NamesDemonymsAcronymsAndCapitalsResolveToOneCountry) {
    // A capital after "in" or "at" is the city itself (ACapitalAfterAPrepositionOfPlaceIsTheCity).
    const std::string text =
        "China and the PRC agreed, Beijing said; Chinese officials spoke of Peking.";
    auto r = extract_text(text);
    const auto key = key_of(r, text, "China");
    ASSERT_FALSE(key.empty());
    for (const char* s : {"PRC", "Beijing", "Chinese", "Peking"})
        EXPECT_EQ(key_of(r, text, s), key) << s;
    EXPECT_EQ(count_of_type(r, EntityType::Country), 1u);
}

TEST(CountryRules, HyphenatedDemonymsYieldBothCountries) {
    const std::string text = "They feared American-Chinese cooperation and an anti-Japanese turn.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Country),
              (std::vector<std::string>{"American", "Chinese", "Japanese"}));
}

TEST(CountryRules, HistoricCountriesComeFromIsoCodes) {
    const std::string text = "Czechoslovakia, the German Democratic Republic and the USSR signed.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Country),
              (std::vector<std::string>{"Czechoslovakia", "German Democratic Republic", "USSR"}));
    EXPECT_EQ(key_of(r, text, "USSR"), "iso:SUHH");
}

TEST(CountryRules, PeoplesRepublicFormsAndDefinedAcronymsJoinTheCountry) {
    const std::string text =
        "Consult the Hungarian People's Republic (HPR) and the People's Republic of "
        "Bulgaria (PRB). The HPR agreed.";
    auto r = extract_text(text);
    EXPECT_EQ(key_of(r, text, "Hungarian People's Republic"), key_of(r, text, "HPR"));
    EXPECT_EQ(key_of(r, text, "People's Republic of Bulgaria"), key_of(r, text, "PRB"));
    EXPECT_NE(key_of(r, text, "HPR"), key_of(r, text, "PRB"));
    EXPECT_EQ(count_of_type(r, EntityType::Country), 2u);
}

TEST(CountryRules, AnAcronymTheTextDefinesOverridesTheTable) {
    // CPR usually stands for China in our table; this text says otherwise.
    const std::string text = "Work with the Czechoslovak People's Republic (CPR). The CPR agreed.";
    auto r = extract_text(text);
    EXPECT_EQ(key_of(r, text, "CPR"), key_of(r, text, "Czechoslovak People's Republic"));
    EXPECT_EQ(key_of(r, text, "CPR"), "iso:CSHH");
}

TEST(CountryRules, AcronymsMustBeCapitalsInTheText) {
    const std::string text = "He told us that the US would wait.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Country), (std::vector<std::string>{"US"}));
}

TEST(OrganizationRules, BracketedExpansionDefinesAnAcronym) {
    const std::string text = "Inform the MID [Ministry of Foreign Affairs] at once.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Organization),
              (std::vector<std::string>{"MID", "Ministry of Foreign Affairs"}));
    EXPECT_EQ(key_of(r, text, "MID"), key_of(r, text, "Ministry of Foreign Affairs"));
}

TEST(OrganizationRules, KeywordPhrasesAndCompoundsAreInstitutions) {
    const std::string text =
        "The Volta Basin Commission wrote to the Embassy in Norway; the CC CPSU Politburo met.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Organization),
              (std::vector<std::string>{"Volta Basin Commission", "Embassy in Norway", "CC CPSU",
                                        "Politburo"}));
}

TEST(OrganizationRules, ACountryNameIsNoInstitutionAndForCountryIsNotSwallowed) {
    const std::string text = "Moscow conveyed the full support of the Soviet Union for India. "
                             "The Commission for Austria met the Refugee Office for Lebanon.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Organization),
              (std::vector<std::string>{"Refugee Office"}));
    for (const auto& m : seen(r, text))
        EXPECT_EQ(m.surface.find(" for "), std::string::npos) << m.surface;
    EXPECT_EQ(key_of(r, text, "Soviet Union"), key_of(r, text, "Moscow"));
    EXPECT_EQ(key_of(r, text, "India"), "iso:IN");
}

TEST(OrganizationRules, FunctionWordsInCapitalsEndAnInstitution) {
    const std::string text = "DIRECTIVES FOR THE SOVIET DELEGATION AT THE TALKS IN VIENNA\n";
    auto r = extract_text(text);
    for (const auto& m : seen(r, text)) {
        if (m.type == EntityType::Organization) {
            EXPECT_EQ(m.surface.find(" AT"), std::string::npos) << m.surface;
        }
    }
}

TEST(PlaceRules, RegionsAndStraitsArePlacesNotCountries) {
    const std::string text =
        "Ships crossed the straits of Singapore towards Southeast Asia and Tibet.";
    auto r = extract_text(text);
    EXPECT_EQ(surfaces_of(r, text, EntityType::Place),
              (std::vector<std::string>{"straits of Singapore", "Southeast Asia", "Tibet"}));
    EXPECT_TRUE(surfaces_of(r, text, EntityType::Country).empty());
}

TEST(DateRules, DatesAreNormalised) {
    const std::string text =
        "Sessions of October 2, 1980, 14 March 1961, Sept. 3, 1959, May 1960 and 1975-06-30.";
    auto r = extract_text(text);
    std::vector<std::string> keys;
    for (const auto& m : seen(r, text))
        if (m.type == EntityType::Date)
            keys.push_back(m.canonical);
    EXPECT_EQ(keys, (std::vector<std::string>{"1980-10-02", "1961-03-14", "1959-09-03", "1960-05",
                                              "1975-06-30"}));
}

TEST(DateRules, ImpossibleDatesAreNotDates) {
    const std::string text = "On February 31, 1980 nothing happened.";
    auto r = extract_text(text);
    EXPECT_TRUE(surfaces_of(r, text, EntityType::Date).empty());
}

TEST(DocumentReferenceRules, NumberedDocumentsBecomeDocumentEntities) {
    const std::string text =
        "Extract from protocol No. 88 and prot. No. 88; see telegram 2211 and NSC 6011.";
    auto r = extract_text(text);
    EXPECT_EQ(
        surfaces_of(r, text, EntityType::Document),
        (std::vector<std::string>{"protocol No. 88", "prot. No. 88", "telegram 2211", "NSC 6011"}));
    EXPECT_EQ(key_of(r, text, "protocol No. 88"), key_of(r, text, "prot. No. 88"));
    EXPECT_EQ(count_of_type(r, EntityType::Document), 3u);
}

TEST(HeaderRules, ReadsClassificationReferenceAddresseesSubjectAndSignatory) {
    const std::string text =
        "TOP SECRET\nNo. P40/12\nTo Comrades Orlov, Belov and Sedykh.\n"
        "Extract from protocol No. 40 of March 3, 1979\n"
        "Re: On the supply of grain\nCC SECRETARY\n"
        "The body of the document is much longer than any header line and talks about grain "
        "supplies, ports, ships and the weather for a long while, on and on and on and on.\n";
    auto r = extract_text(text);
    EXPECT_EQ(r.header.classification, "TOP SECRET");
    EXPECT_EQ(r.header.reference, "P40/12");
    EXPECT_EQ(r.header.subject, "On the supply of grain");
    EXPECT_EQ(r.header.date.iso(), "1979-03-03");
    std::vector<std::string> recipients, signatories;
    for (const auto& p : r.header.parties) {
        (p.role == DocumentParty::Role::Recipient ? recipients : signatories).push_back(p.name);
        EXPECT_EQ(text.substr(p.span.start, p.span.size()), p.name);
    }
    EXPECT_EQ(recipients, (std::vector<std::string>{"Orlov", "Belov", "Sedykh"}));
    EXPECT_EQ(signatories, (std::vector<std::string>{"CC SECRETARY"}));
    EXPECT_GT(r.header.header_span.end, text.find("CC SECRETARY"));
}

TEST(HeaderRules, FromToAndSubjectLines) {
    const std::string text =
        "FROM: Embassy Lisbon\nTO: Secretary of State\nSUBJECT: Port visit\n\nText.";
    auto r = extract_text(text);
    EXPECT_EQ(r.header.subject, "Port visit");
    ASSERT_EQ(r.header.parties.size(), 2u);
    EXPECT_EQ(r.header.parties[0].role, DocumentParty::Role::Sender);
    EXPECT_EQ(r.header.parties[0].name, "Embassy Lisbon");
    EXPECT_EQ(r.header.parties[1].name, "Secretary of State");
}

TEST(Mentions, EveryMentionHasAMethodAConfidenceAndAnExactSpan) {
    const std::string text =
        "Ambassador Pell Orkney told the PRC in Beijing on May 4, 1960 about telegram 12.";
    auto r = extract_text(text);
    ASSERT_FALSE(r.mentions.empty());
    std::uint32_t last_end = 0;
    for (const auto& m : r.mentions) {
        EXPECT_GE(m.span.start, last_end); // sorted, no overlaps
        EXPECT_GT(m.confidence, 0.0);
        EXPECT_LE(m.confidence, 1.0);
        last_end = m.span.end;
    }
}

TEST(Mentions, SourceAnnotationsAreTrustedMentions) {
    Document doc;
    doc.text = "The envoy Qarim spoke.";
    doc.annotations = {{{10, 15}, "persName", "#p_Q1", ""}};
    auto r = extract::extract_document(doc, dossier::testing::shared_context());
    ASSERT_EQ(r.mentions.size(), 1u);
    EXPECT_EQ(r.mentions[0].method, MentionMethod::SourceAnnotation);
    EXPECT_EQ(r.entities[r.mentions[0].entity].key, "source:p_Q1");
}

TEST(Mentions, AKeptFirstReadFinishedWithTheCorpusGivesTheWholeReading) {
    const std::string text = "Senator Mabry spoke. The Tarrant Mission met Hallam and Mr. Orrin; "
                             "later Hallam's aides, MID [Ministry of Foreign Affairs] and the "
                             "Mabry Amendment.\n\nOrrin\n";
    Document doc;
    doc.text = text;
    extract::CorpusSurnames corpus;
    for (const char* surname : {"Tarrant", "Hallam", "Orrin"})
        corpus.add(surname);
    const auto& context = dossier::testing::shared_context();
    const auto first = extract::read_first(doc, context);
    const auto kept = extract::FirstRead(first); // run_extraction keeps a copy
    const auto whole = extract::extract_document(doc, context, &corpus);
    const auto finished = extract::finish_reading(doc, context, kept, &corpus);
    const auto without_corpus = extract::finish_reading(doc, context, first);
    auto lines = [&](const extract::ExtractionResult& r) {
        std::vector<std::string> out;
        for (const auto& m : seen(r, text))
            out.push_back(m.surface + " " + std::string(to_string(m.type)) + " " + m.key);
        return out;
    };
    EXPECT_EQ(lines(finished), lines(whole));
    EXPECT_EQ(lines(without_corpus), lines(extract_text(text)));
    EXPECT_NE(lines(finished), lines(without_corpus)); // the corpus did add something
}
