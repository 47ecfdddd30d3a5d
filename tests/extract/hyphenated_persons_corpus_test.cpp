// run_extraction on real project files: a hyphenated pair of persons introduced in other
// documents ("(Tallant-Voronkov)") becomes two persons in the second read; a hyphenated surname
// given in full elsewhere stays one. Texts written for these tests.
#include "corpus_project.h"
#include "dossier/extract/extraction.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "extract_test_support.h"
#include "test_support.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

using dossier::testing::add_document;
using dossier::testing::person_names;

// "(Tallant-Voronkov)": both surnames are persons other documents introduced, so the second read
// makes the first read's one hyphenated person two, each joined to its full name.
TEST(CorpusPipeline, AHyphenatedPairOfPersonsIntroducedElsewhereIsTwoPersonsJoinedToThem) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "Assistant Secretary Harold T. Tallant arrived on Monday.");
    add_document(project, "Deputy Minister Ivan S. Voronkov replied.");
    const std::string text = "The memorandum of 12 May (Tallant-Voronkov) was filed.";
    const auto memo = add_document(project, text);
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    EXPECT_EQ(person_names(project),
              (std::vector<std::string>{"Harold T. Tallant", "Ivan S. Voronkov"}));
    std::vector<std::string> in_memo;
    for (const auto& row : EntityStore(project).all_mentions())
        if (row.type == EntityType::Person && row.mention.document == memo)
            in_memo.push_back(row.mention.surface + "@" + std::to_string(row.mention.span.start));
    const auto pair = text.find("Tallant-Voronkov");
    EXPECT_EQ(in_memo, (std::vector<std::string>{"Tallant@" + std::to_string(pair),
                                                 "Voronkov@" + std::to_string(pair + 8)}));
}

// The same compound given in full elsewhere ("Sir Roland Ashby-Kellet") is that person's surname,
// even where Ashby and Kellet are persons too.
TEST(CorpusPipeline, AHyphenatedSurnameAnotherDocumentGivesInFullStaysOnePerson) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "Sir Roland Ashby-Kellet arrived on Monday.");
    add_document(project, "Mr. Ashby met Ambassador Kellet.");
    add_document(project, "The memorandum of 12 May (Ashby-Kellet) was filed.");
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    EXPECT_EQ(person_names(project),
              (std::vector<std::string>{"Ashby", "Kellet", "Roland Ashby-Kellet"}));
    for (const auto& e : EntityStore(project).list(EntityType::Person))
        if (e.canonical_name == "Roland Ashby-Kellet") {
            EXPECT_EQ(e.mentions, 2);
        }
}

// The incremental second read (which rewrites a document whose first-read mention was split)
// leaves what reading every document from scratch leaves.
TEST(CorpusPipeline, ASplitPairLeavesTheSameMentionsIncrementallyAsFromScratch) {
    const std::vector<std::string> texts = {
        "Ambassador Pierre Castellane met Mr. Tovey on May 2, 1960.",
        "The memorandum of 12 May (Castellane-Tovey) was filed, and Tovey's reply.",
        "The Tovey-Castellane talks went on."};
    std::vector<std::vector<std::string>> results;
    for (auto mode : {extract::SecondRead::Incremental, extract::SecondRead::FromScratch}) {
        TempDir dir;
        auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
        for (const auto& text : texts)
            add_document(project, text);
        extract::run_extraction(project, dossier::testing::shared_context(), {}, {}, mode);
        std::vector<std::string> lines;
        for (const auto& row : EntityStore(project).all_mentions())
            lines.push_back(std::to_string(row.mention.document.value) + " " +
                            std::to_string(row.mention.span.start) + " " + row.mention.surface +
                            " " + row.canonical_name);
        results.push_back(std::move(lines));
    }
    EXPECT_EQ(results[0], results[1]);
    const auto& lines = results[0];
    EXPECT_NE(std::find(lines.begin(), lines.end(), "2 26 Castellane Pierre Castellane"),
              lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), "2 37 Tovey Tovey"), lines.end());
    // The other order, in a compound no rule took.
    EXPECT_NE(std::find(lines.begin(), lines.end(), "3 4 Tovey Tovey"), lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), "3 10 Castellane Pierre Castellane"),
              lines.end());
    EXPECT_TRUE(std::none_of(lines.begin(), lines.end(), [](const std::string& line) {
        return line.find("Castellane-Tovey") != std::string::npos;
    }));
}
