// Citations of single documents (citations.h): the historian's sentence, dates in words, the
// CSL-JSON item against the schema, BibTeX escaping that always balances braces.
#include "csl_schema.h"
#include "dossier/export/citations.h"
#include "dossier/export/evidence_appendix.h"

#include <gtest/gtest.h>

namespace dossier::exporting {
namespace {

ExportDocument cable() {
    ExportDocument d;
    d.id = "7";
    d.title = "Grain and compressor licences";
    d.date = "1980-03-14";
    d.senders = {"Department of State"};
    d.recipients = {"Embassy Moscow", "Embassy Bonn"};
    d.classification = "SECRET";
    d.archive_ref = "STATE 1742";
    return d;
}

ExportDocument frus_document() {
    ExportDocument d;
    d.id = "12";
    d.title = "101. Memorandum of Conversation";
    d.date = "1980-04-03";
    d.place = "Washington";
    d.volume = "Sample Volume: Grain, Technology and South Asia, 1980";
    d.number = "101";
    d.archive_ref = "frus-sample/d101";
    return d;
}

TEST(Citations, ACableIsCitedBySenderRecipientTitleDateClassificationAndReference) {
    EXPECT_EQ(cite_document(cable()),
              "Department of State to Embassy Moscow and Embassy Bonn, \u201CGrain and compressor "
              "licences,\u201D 14 March 1980, Secret, ref. STATE 1742.");
}

TEST(Citations, AnEditedDocumentIsCitedInItsVolumeWithItsNumber) {
    EXPECT_EQ(cite_document(frus_document()),
              "\u201C101. Memorandum of Conversation,\u201D Washington, 3 April 1980, in Sample "
              "Volume: Grain, Technology and South Asia, 1980, doc. 101, frus-sample/d101.");
}

TEST(Citations, WhatIsUnknownIsLeftOutNotGuessed) {
    ExportDocument d;
    d.title = "Note for the Minister";
    EXPECT_EQ(cite_document(d), "\u201CNote for the Minister.\u201D");
    d.title.clear();
    d.date = "1980";
    EXPECT_EQ(cite_document(d), "1980.");
    ExportEvidence e;
    e.document_title = "Protocol No. 88";
    e.date = "1980-06";
    EXPECT_EQ(cite_evidence(e), "\u201CProtocol No. 88,\u201D June 1980.");
}

TEST(Citations, DatesAreWrittenInWordsAtTheirPrecision) {
    EXPECT_EQ(long_date("1980-03-14"), "14 March 1980");
    EXPECT_EQ(long_date("1980-12"), "December 1980");
    EXPECT_EQ(long_date("1959"), "1959");
    EXPECT_EQ(long_date("about 1960"), "about 1960"); // not a date: kept as written
}

TEST(Citations, CslJsonItemsHaveTheSchemasRequiredFieldsAndOnlyItsVariables) {
    ExportGraph graph;
    graph.documents = {cable(), frus_document()};
    const auto items = nlohmann::json::parse(write_csl_json(graph));
    ASSERT_TRUE(items.is_array());
    ASSERT_EQ(items.size(), 2u);
    for (const auto& item : items)
        EXPECT_EQ(testing::csl_item_violation(item), "") << item.dump();
    EXPECT_EQ(items[0]["id"], "doc7");
    EXPECT_EQ(items[0]["type"], "manuscript");
    EXPECT_EQ(items[0]["archive_location"], "STATE 1742");
    EXPECT_EQ(items[0]["issued"]["date-parts"], nlohmann::json::parse("[[1980, 3, 14]]"));
    EXPECT_EQ(items[0]["recipient"][1]["literal"], "Embassy Bonn");
    EXPECT_EQ(items[1]["type"], "document");
    EXPECT_EQ(items[1]["container-title"], frus_document().volume);
    EXPECT_EQ(items[1]["number"], "101");
    EXPECT_EQ(items[1]["note"], cite_document(frus_document()));
}

TEST(Citations, BibtexEscapingKeepsEveryBraceBalanced) {
    const std::string nasty = "a{b}c} {{ 50% & #1 $x_y ~ ^ \\end";
    const auto escaped = bibtex_escape(nasty);
    int depth = 0;
    for (char c : escaped) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        ASSERT_GE(depth, 0) << escaped;
    }
    EXPECT_EQ(depth, 0) << escaped;
    for (const char* special : {"%", "&", "#", "$", "_"}) {
        const auto at = escaped.find(special);
        ASSERT_NE(at, std::string::npos);
        EXPECT_EQ(escaped[at - 1], '\\') << special;
    }
    EXPECT_EQ(bibtex_escape("Кузнецов В.П."), "Кузнецов В.П."); // UTF-8 passes as it is
}

TEST(Citations, TheFormatFollowsTheExtension) {
    EXPECT_EQ(citation_format_for("refs.json"), CitationFormat::CslJson);
    EXPECT_EQ(citation_format_for("out/refs.bib"), CitationFormat::Bibtex);
    EXPECT_THROW(citation_format_for("refs.txt"), std::invalid_argument);
}

TEST(Citations, TheEvidenceAppendixCitesTheDocumentOfEachSentence) {
    ExportGraph graph;
    graph.nodes = {{"1", "Kuznetsov", "person", {}, {}, {}, {}, {}},
                   {"2", "Pembrook", "person", {}, {}, {}, {}, {}}};
    ExportEdge edge;
    edge.source = 0;
    edge.target = 1;
    edge.type = "met_with";
    edge.evidence = {{"7", "Grain and compressor licences", "1980-03-14", 0, "They met."},
                     {"9", "Unrecorded", "1980", 0, "Again."}};
    graph.edges = {edge};
    graph.documents = {cable()};
    const auto csv = write_evidence_csv(graph);
    EXPECT_NE(csv.find(",citation\r\n"), std::string::npos);
    EXPECT_NE(csv.find("They met.,\"Department of State to Embassy Moscow and Embassy Bonn, "
                       "\u201CGrain and compressor licences,\u201D 14 March 1980, Secret, ref. "
                       "STATE 1742.\"\r\n"),
              std::string::npos)
        << csv;
    // A document the graph has no record of is cited from the evidence's title and date.
    EXPECT_NE(csv.find("Again.,\"\u201CUnrecorded,\u201D 1980.\"\r\n"), std::string::npos) << csv;
}

} // namespace
} // namespace dossier::exporting
