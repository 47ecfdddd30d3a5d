// Labels shortened for print: documents by the reference a historian cites, other names with an
// ellipsis, both under the analyst's rule.
#include "dossier/render/figure_labels.h"

#include <gtest/gtest.h>

namespace dossier::render {
namespace {

TEST(FigureLabels, DocumentsAreLabelledByTheirReference) {
    const QString none;
    EXPECT_EQ(
        document_reference("Telegram 1742 from the Department of State to Embassy Cairo", none),
        "Tel. 1742");
    EXPECT_EQ(document_reference("Protocol No. 217 of the CC CPSU Politburo session", none),
              "Protocol No. 217");
    EXPECT_EQ(document_reference("Despatch No. 57 from Bonn", none), "Desp. 57");
    EXPECT_EQ(document_reference("Memorandum of Conversation, Vienna", "1980-05-12"),
              "Memcon 1980-05-12");
    EXPECT_EQ(document_reference("123. Telegram From the Embassy in Cairo", none), "Doc. 123")
        << "an edition cites its own number when the title gives no telegram number";
    EXPECT_EQ(document_reference("5. Telegram 311 From Moscow", none), "Tel. 311");
    EXPECT_EQ(document_reference("212. Editorial Note", none), "Doc. 212");
}

TEST(FigureLabels, ATitleWithoutAKnownReferenceHasNone) {
    EXPECT_EQ(document_reference("Soviet offer of tractors and irrigation pumps to the UAR", {}),
              QString());
    EXPECT_EQ(document_reference("Memorandum of Conversation", {}), QString())
        << "a memcon without a date has no reference of its own";
}

TEST(FigureLabels, LongNamesEndInAnEllipsisAtAWordBoundary) {
    const LabelRule rule; // 28 characters
    const QString label =
        figure_label("organization", "Presidium of the Supreme Soviet of the USSR", {}, rule);
    EXPECT_LE(label.size(), 28);
    EXPECT_TRUE(label.endsWith(QChar(0x2026))) << label.toStdString();
    EXPECT_EQ(label, QStringLiteral("Presidium of the Supreme") + QChar(0x2026));
    EXPECT_EQ(figure_label("person", "Andrei Gromyko", {}, rule), "Andrei Gromyko");
}

TEST(FigureLabels, TheAnalystsRuleDecides) {
    const QString title = "Soviet offer of tractors and irrigation pumps to the UAR";
    EXPECT_EQ(figure_label("document", title, {}, LabelRule{0, true}), title) << "0: never cut";
    EXPECT_EQ(figure_label("document", "Telegram 1742 from Cairo", {}, LabelRule{28, false}),
              "Telegram 1742 from Cairo")
        << "documents by title when the analyst asks";
    EXPECT_EQ(figure_label("document", "Telegram 1742 from Cairo", {}, LabelRule{}), "Tel. 1742");
}

} // namespace
} // namespace dossier::render
