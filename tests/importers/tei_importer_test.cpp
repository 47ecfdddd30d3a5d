#include "dossier/importers/tei_importer.h"
#include "test_support.h"

#include <algorithm>

using namespace dossier;
using namespace dossier::importers;
using dossier::testing::fixture;
using dossier::testing::read_file;

namespace {
TeiVolume fictional_volume() {
    return read_tei(read_file(fixture("import/volume_frus.xml")), "volume_frus.xml");
}

std::string_view span_text(const Document& doc, const SourceAnnotation& a) {
    return std::string_view(doc.text).substr(a.span.start, a.span.size());
}

std::string metadata(const Document& doc, const std::string& key) {
    for (const auto& [k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

const SourceAnnotation* find_annotation(const Document& doc, const std::string& kind,
                                        const std::string& ref) {
    for (const auto& a : doc.annotations)
        if (a.kind == kind && a.ref == ref)
            return &a;
    return nullptr;
}
} // namespace

TEST(TeiImporter, EachDocumentDivBecomesADocumentWithItsKey) {
    const auto volume = fictional_volume();
    ASSERT_EQ(volume.documents.size(), 2u);
    EXPECT_EQ(volume.documents[0].source_key, "d1");
    EXPECT_EQ(volume.documents[1].source_key, "d2");
    EXPECT_EQ(volume.documents[0].format, "tei");
    EXPECT_EQ(volume.documents[0].archive_ref, "fictional1962/d1");
    EXPECT_EQ(metadata(volume.documents[0], "number"), "1");
}

TEST(TeiImporter, TitleIsTheHeadWithoutItsFootnote) {
    const auto volume = fictional_volume();
    EXPECT_EQ(volume.documents[0].title,
              "1. Telegram From the Embassy in Austria to the Department of State");
    EXPECT_EQ(volume.documents[1].title, "2. Letter From the Under Secretary of State (Pryor) to "
                                         "the Ambassador in Austria (Whitcomb)");
}

TEST(TeiImporter, DateComesFromFrusAttributeOrDateline) {
    const auto volume = fictional_volume();
    EXPECT_EQ(volume.documents[0].date.iso(), "1962-05-14"); // frus:doc-dateTime-min
    EXPECT_EQ(volume.documents[1].date.iso(),
              "1962-06-02"); // no attribute: the dateline's <date when>
    EXPECT_EQ(volume.documents[1].date.precision, DatePrecision::Day);
}

TEST(TeiImporter, FromAndToElementsOfTheHeadAreSenderAndRecipient) {
    const auto volume = fictional_volume();
    const auto& d1 = volume.documents[0];
    EXPECT_EQ(d1.names_with_role(DocumentParty::Role::Sender),
              std::vector<std::string>{"Embassy in Austria"});
    EXPECT_EQ(d1.names_with_role(DocumentParty::Role::Recipient),
              std::vector<std::string>{"Department of State"});
    const auto& d2 = volume.documents[1];
    EXPECT_EQ(d2.names_with_role(DocumentParty::Role::Sender), std::vector<std::string>{"Pryor"});
    EXPECT_EQ(d2.names_with_role(DocumentParty::Role::Recipient),
              std::vector<std::string>{"Whitcomb"});
}

TEST(TeiImporter, DatelinePlaceIsKeptAsMetadata) {
    const auto volume = fictional_volume();
    EXPECT_EQ(metadata(volume.documents[0], "place"), "Vienna");
    EXPECT_EQ(metadata(volume.documents[1], "place"), "Washington");
}

TEST(TeiImporter, FootnotesStayInTheTextMarkedAsNotes) {
    const auto volume = fictional_volume();
    const auto& d1 = volume.documents[0];
    const auto* note = find_annotation(d1, "note", "d1fn1");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(
        span_text(d1, *note),
        "[Footnote 1: Source: Fictional Files, 123.45/5-1462. Confidential. Drafted by Whitcomb.]");
    EXPECT_EQ(note->role, "source");
    const auto& d2 = volume.documents[1];
    EXPECT_NE(
        d2.text.find(
            "report on Minister Halasz. [Footnote 1: Document 1.] We will discuss it in Geneva."),
        std::string::npos);
}

TEST(TeiImporter, NamesAndGlossesBecomeAnnotationsWhoseSpansHoldTheirText) {
    const auto volume = fictional_volume();
    const auto& d1 = volume.documents[0];
    const auto* halasz = find_annotation(d1, "persName", "#p_HF1");
    ASSERT_NE(halasz, nullptr);
    EXPECT_EQ(span_text(d1, *halasz), "Halasz");
    const auto* pryor = find_annotation(d1, "persName", "#p_PR1");
    ASSERT_NE(pryor, nullptr);
    EXPECT_EQ(span_text(d1, *pryor), "Under Secretary Pryor");
    const auto* mfa = find_annotation(d1, "gloss", "#t_MFA1");
    ASSERT_NE(mfa, nullptr);
    EXPECT_EQ(span_text(d1, *mfa), "MFA");
    const auto* place = find_annotation(d1, "placeName", "");
    ASSERT_NE(place, nullptr);
    EXPECT_EQ(span_text(d1, *place), "Vienna");
    const auto* date = find_annotation(d1, "date", "1962-05-14");
    ASSERT_NE(date, nullptr);
    EXPECT_EQ(span_text(d1, *date), "May 14, 1962");
    // The sender gloss carries its role.
    auto from =
        std::find_if(d1.annotations.begin(), d1.annotations.end(), [](const SourceAnnotation& a) {
            return a.kind == "gloss" && a.role == "from";
        });
    ASSERT_NE(from, d1.annotations.end());
    EXPECT_EQ(span_text(d1, *from), "Embassy in Austria");
}

TEST(TeiImporter, PlainTextHasParagraphsAndNoMarkup) {
    const auto volume = fictional_volume();
    const auto& text = volume.documents[0].text;
    EXPECT_EQ(text.find('<'), std::string::npos);
    EXPECT_NE(
        text.find("\n\nVienna, May 14, 1962\n\nMinister Halasz told me that the MFA expects the "
                  "delegation on "
                  "May 20.\n\nHe asked to be remembered to Under Secretary Pryor.\n\nWhitcomb"),
        std::string::npos);
}

TEST(TeiImporter, PersonsListGivesIdNameAndDescription) {
    const auto volume = fictional_volume();
    ASSERT_EQ(volume.persons.size(), 3u);
    EXPECT_EQ(volume.persons[0].xml_id, "p_HF1");
    EXPECT_EQ(volume.persons[0].name, "Halasz, Ferenc");
    EXPECT_EQ(volume.persons[0].description, "Minister of Foreign Trade of Hungary");
    EXPECT_EQ(volume.persons[2].name, "Pryor, Ruth");
}

TEST(TeiImporter, TermsListGivesIdTermAndExpansion) {
    const auto volume = fictional_volume();
    ASSERT_EQ(volume.terms.size(), 2u);
    EXPECT_EQ(volume.terms[1].xml_id, "t_MFA1");
    EXPECT_EQ(volume.terms[1].term, "MFA");
    EXPECT_EQ(volume.terms[1].expansion, "Ministry of Foreign Affairs");
}

TEST(TeiImporter, GenericTeiIsOneDocumentWithHeaderTitleAndDate) {
    const auto volume = read_tei(read_file(fixture("import/generic_tei.xml")), "generic_tei.xml");
    ASSERT_EQ(volume.documents.size(), 1u);
    const auto& doc = volume.documents[0];
    EXPECT_EQ(doc.title, "Diary of a Consular Clerk, Trieste");
    EXPECT_EQ(doc.date.iso(), "1954-10");
    EXPECT_EQ(doc.date.precision, DatePrecision::Month);
    EXPECT_EQ(doc.text, "The consul met Mr. Bianchi at the Allied Military Government office.\n\n"
                        "Rain all day in Trieste.");
    const auto* org = find_annotation(doc, "orgName", "");
    ASSERT_NE(org, nullptr);
    EXPECT_EQ(span_text(doc, *org), "Allied Military Government");
    EXPECT_TRUE(volume.persons.empty());
}

TEST(TeiImporter, MalformedXmlNamesTheProblemAndWhere) {
    try {
        read_tei(read_file(fixture("import/broken/malformed.xml")), "malformed.xml");
        FAIL() << "malformed XML was accepted";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("malformed XML: ", 0), 0u) << e.what();
        EXPECT_NE(std::string(e.what()).find(" at byte "), std::string::npos) << e.what();
    }
}

TEST(TeiImporter, XmlThatIsNotTeiIsRefused) {
    EXPECT_THROW(read_tei("<?xml version=\"1.0\"?><rss><channel/></rss>", "feed.xml"), ImportError);
}

// The real FRUS excerpt from ../shared/corpus.
TEST(TeiImporterCorpus, FrusExcerptYieldsSeventeenDatedDocuments) {
    DOSSIER_REQUIRE_SHARED_CORPUS("frus-1958-60v13-excerpt.xml");
    const auto bytes = read_file(dossier::testing::shared_corpus("frus-1958-60v13-excerpt.xml"));
    const auto volume = read_tei(bytes, "frus-1958-60v13-excerpt.xml");
    ASSERT_EQ(volume.documents.size(), 17u);
    std::size_t with_sender = 0, with_recipient = 0;
    for (const auto& doc : volume.documents) {
        EXPECT_FALSE(doc.date.empty()) << doc.source_key;
        EXPECT_FALSE(doc.title.empty()) << doc.source_key;
        with_sender += !doc.names_with_role(DocumentParty::Role::Sender).empty();
        with_recipient += !doc.names_with_role(DocumentParty::Role::Recipient).empty();
        for (const auto& a : doc.annotations) {
            ASSERT_LE(a.span.end, doc.text.size());
            EXPECT_GT(a.span.size(), 0u);
        }
    }
    // The file tags 14 senders and 14 recipients in document heads (grep type="from" / type="to").
    EXPECT_EQ(with_sender, 14u);
    EXPECT_EQ(with_recipient, 14u);

    const auto& d138 = volume.documents.front();
    EXPECT_EQ(d138.source_key, "d138");
    EXPECT_EQ(d138.date.iso(), "1960-03-15");
    EXPECT_EQ(d138.names_with_role(DocumentParty::Role::Sender),
              std::vector<std::string>{"Ludlow"});
    EXPECT_EQ(d138.names_with_role(DocumentParty::Role::Recipient),
              std::vector<std::string>{"Erell"});
    const auto* erell = find_annotation(d138, "persName", "#p_EM1");
    ASSERT_NE(erell, nullptr);
    EXPECT_EQ(span_text(d138, *erell), "Erell");
}

TEST(TeiImporterCorpus, FrusExcerptPersonsAndTermsListsAreComplete) {
    DOSSIER_REQUIRE_SHARED_CORPUS("frus-1958-60v13-excerpt.xml");
    const auto bytes = read_file(dossier::testing::shared_corpus("frus-1958-60v13-excerpt.xml"));
    const auto volume = read_tei(bytes, "frus-1958-60v13-excerpt.xml");
    // Counted in the raw file, independently of the parser.
    auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto pos = bytes.find(needle); pos != std::string::npos;
             pos = bytes.find(needle, pos + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(volume.persons.size(), count("<persName xml:id=\"p_"));
    EXPECT_EQ(volume.terms.size(), count("<term xml:id=\"t_"));
    auto ludlow = std::find_if(volume.persons.begin(), volume.persons.end(),
                               [](const TeiPerson& p) { return p.xml_id == "p_LJM1"; });
    ASSERT_NE(ludlow, volume.persons.end());
    EXPECT_EQ(ludlow->name.rfind("Ludlow", 0), 0u);
    EXPECT_FALSE(ludlow->description.empty());
}
