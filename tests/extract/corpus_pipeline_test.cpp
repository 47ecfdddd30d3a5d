// run_extraction on real project files: idempotence, identities across documents, header fill-in.
#include "corpus_project.h"
#include "dossier/extract/extraction.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project_stats.h"
#include "dossier/store/relation_store.h"
#include "extract_test_support.h"
#include "test_support.h"

#include <chrono>
#include <gtest/gtest.h>
#include <set>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

using dossier::testing::add_document;
using dossier::testing::person_names;

TEST(CorpusPipeline, TransliterationVariantsAcrossDocumentsBecomeOnePerson) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "To Comrades Kosygyn, Zamiatin.\nThe text follows.");
    add_document(project, "Chairman Aleksei N. Kosygin and Comrade Leonid Zamyatin spoke.");
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    EXPECT_EQ(person_names(project),
              (std::vector<std::string>{"Aleksei N. Kosygin", "Leonid Zamyatin"}));
}

TEST(CorpusPipeline, ConflictingFirstNamesNeverMerge) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "Senator John Q. Harrow spoke.");
    add_document(project, "Senator Robert Harrow replied.");
    add_document(project, "Senator Harrow left.");
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    // "Harrow" alone fits both, so it stays apart rather than guessing.
    EXPECT_EQ(person_names(project),
              (std::vector<std::string>{"Harrow", "John Q. Harrow", "Robert Harrow"}));
}

TEST(CorpusPipeline, ATwoPartSurnameReadAsGivenNameAndSurnameJoinsThePerson) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "Prime Minister Ben-Tovim spoke.");
    add_document(project, "Then Mr. Ben Tovim replied.");
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    EXPECT_EQ(person_names(project), (std::vector<std::string>{"Ben-Tovim"}));
}

TEST(CorpusPipeline, ASurnameAnotherDocumentIntroducedIsAPersonMidSentence) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "Ambassador Pell Quorne arrived on Monday.");
    const auto later = add_document(
        project, "The plan was discussed with Quorne in Vienna. Quorne Street was closed.");
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    std::vector<std::string> surfaces;
    for (const auto& row : EntityStore(project).all_mentions())
        if (row.type == EntityType::Person && row.mention.document == later)
            surfaces.push_back(row.mention.surface);
    // Mid-sentence it is the person; at a sentence start before a capitalised word it is not.
    EXPECT_EQ(surfaces, (std::vector<std::string>{"Quorne"}));
    EXPECT_EQ(person_names(project), (std::vector<std::string>{"Pell Quorne"}));
}

// 200 documents, each read twice (a surname introduced in document 0 appears in all the others):
// the progress counts both reads, never goes back and ends at its total; a cancel during the
// second read stops it at a batch boundary and keeps every document's first read.
TEST(CorpusPipeline, TheSecondReadReportsProgressAndStopsOnCancelKeepingTheFirstRead) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "Ambassador Pell Quorne arrived on Monday.");
    constexpr std::size_t kDocuments = 200;
    for (std::size_t i = 1; i < kDocuments; ++i)
        add_document(project, "Minute " + std::to_string(i) +
                                  ": the plan was discussed with Quorne in Vienna.");

    std::vector<std::pair<std::size_t, std::size_t>> reports;
    // Every report (interval 0), so that a cancel can land at a batch of either read.
    constexpr auto kEveryReport = std::chrono::milliseconds(0);
    const auto full = extract::run_extraction(
        project, dossier::testing::shared_context(), {},
        JobControl{{},
                   [&](const JobProgress& p) { reports.emplace_back(p.done, p.total); },
                   kEveryReport});
    EXPECT_EQ(full.documents_read_again, kDocuments - 1);
    ASSERT_FALSE(reports.empty());
    EXPECT_EQ(reports.back(), std::make_pair(2 * kDocuments, 2 * kDocuments));
    for (std::size_t i = 1; i < reports.size(); ++i)
        EXPECT_LE(reports[i - 1].first, reports[i].first) << "progress went back at report " << i;

    // Cancel as soon as the second read has started (progress past the first read).
    CancelToken cancel;
    const auto cancelled = extract::run_extraction(project, dossier::testing::shared_context(), {},
                                                   JobControl{cancel,
                                                              [&](const JobProgress& p) {
                                                                  if (p.done > kDocuments)
                                                                      cancel.cancel();
                                                              },
                                                              kEveryReport});
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_EQ(cancelled.documents, kDocuments) << "the first read finished before the cancel";
    EXPECT_GT(cancelled.documents_read_again, 0u);
    EXPECT_LT(cancelled.documents_read_again, kDocuments - 1) << "the second read did not stop";
    // Every document keeps a person mention from one read or the other.
    std::set<DocumentId> with_person;
    for (const auto& row : EntityStore(project).all_mentions())
        if (row.type == EntityType::Person)
            with_person.insert(row.mention.document);
    EXPECT_GE(with_person.size(), 1 + cancelled.documents_read_again);
    // The cancelled run is marked incomplete until a run finishes.
    EXPECT_TRUE(project_stats(project).extraction_incomplete);
    const auto finished = extract::run_extraction(project, dossier::testing::shared_context(), {});
    EXPECT_FALSE(finished.cancelled);
    EXPECT_FALSE(project_stats(project).extraction_incomplete);

    // A cancel once both reads are done lands in the relation pass, which rolls itself back:
    // that is a cancelled run too, and the mark stays.
    CancelToken cancel_at_the_end;
    const auto cancelled_in_relations =
        extract::run_extraction(project, dossier::testing::shared_context(), {},
                                JobControl{cancel_at_the_end,
                                           [&](const JobProgress& p) {
                                               if (p.done == p.total)
                                                   cancel_at_the_end.cancel();
                                           },
                                           kEveryReport});
    EXPECT_TRUE(cancelled_in_relations.cancelled);
    EXPECT_EQ(cancelled_in_relations.documents, kDocuments);
    EXPECT_TRUE(project_stats(project).extraction_incomplete);
}

// What the explorer's banner and `dossier info` rely on: a run over some documents takes those
// off the "never extracted" list, and cannot clear the mark a cut-short run over all left.
TEST(CorpusPipeline, ARunOverSomeDocumentsNeitherClaimsTheOthersNorClearsAnEarlierCut) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    const auto rusk = add_document(project, "Secretary Dean Rusk met Ambassador Dobrynin.");
    const auto gromyko = add_document(project, "Minister Andrei Gromyko replied to Dean Rusk.");
    EXPECT_EQ(DocumentStore(project).not_extracted(), (std::vector<DocumentId>{rusk, gromyko}));

    extract::run_extraction(project, dossier::testing::shared_context(), {gromyko});
    EXPECT_EQ(DocumentStore(project).not_extracted(), std::vector<DocumentId>{rusk});
    EXPECT_FALSE(project_stats(project).extraction_incomplete);
    EXPECT_TRUE(project_stats(project).needs_extraction());

    // A run over everything, cancelled at once: the mark is set and both documents lost their
    // mentions. A later run over one document leaves the mark; only a full run clears it.
    JobControl cancelled_at_once;
    cancelled_at_once.cancel.cancel();
    EXPECT_TRUE(
        extract::run_extraction(project, dossier::testing::shared_context(), {}, cancelled_at_once)
            .cancelled);
    EXPECT_TRUE(project_stats(project).extraction_incomplete);
    EXPECT_EQ(DocumentStore(project).not_extracted(), std::vector<DocumentId>{rusk});
    extract::run_extraction(project, dossier::testing::shared_context(), {rusk});
    EXPECT_TRUE(project_stats(project).extraction_incomplete);
    EXPECT_TRUE(DocumentStore(project).not_extracted().empty());

    extract::run_extraction(project, dossier::testing::shared_context(), {});
    EXPECT_FALSE(project_stats(project).needs_extraction());
    EXPECT_EQ(person_names(project),
              (std::vector<std::string>{"Andrei Gromyko", "Dean Rusk", "Dobrynin"}));
}

TEST(CorpusPipeline, RerunningExtractionGivesTheSameResult) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project,
                 "Ambassador Pell Orkney met the Chinese delegation in Hanoi on May 4, 1960.");
    auto first = extract::run_extraction(project, dossier::testing::shared_context(), {});
    const auto entities_after_first = EntityStore(project).list();
    auto second = extract::run_extraction(project, dossier::testing::shared_context(), {});
    EXPECT_EQ(first.mentions, second.mentions);
    const auto entities_after_second = EntityStore(project).list();
    ASSERT_EQ(entities_after_first.size(), entities_after_second.size());
    for (std::size_t i = 0; i < entities_after_first.size(); ++i) {
        EXPECT_EQ(entities_after_first[i].canonical_name, entities_after_second[i].canonical_name);
        EXPECT_EQ(entities_after_first[i].mentions, entities_after_second[i].mentions);
    }
}

TEST(CorpusPipeline, HeaderFillsOnlyEmptyMetadataAndEveryDocumentGetsAnEntity) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    auto id = add_document(
        project, "SECRET\nNo. 77/B\nRe: Grain\nOn March 3, 1979 the ships sailed "
                 "and kept sailing for a long time, much longer than any header line would run "
                 "in a real cable, which is the point of this sentence.");
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    auto doc = DocumentStore(project).get(id);
    EXPECT_EQ(doc->classification, "SECRET");
    EXPECT_EQ(doc->archive_ref, "77/B");
    EXPECT_EQ(doc->title, "Grain");
    auto documents = EntityStore(project).list(EntityType::Document);
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].document, id);
}

TEST(CorpusPipeline, IncrementalExtractionLinksNewDocumentsToKnownEntities) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "Talks with India began.");
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    auto second = add_document(project, "New Delhi replied.");
    extract::run_extraction(project, dossier::testing::shared_context(), {second});
    auto countries = EntityStore(project).list(EntityType::Country);
    ASSERT_EQ(countries.size(), 1u);
    EXPECT_EQ(countries[0].mentions, 2);
    EXPECT_EQ(countries[0].documents, 2);
}

namespace {
// Everything extraction leaves in a project, ids included, in a comparable form.
std::vector<std::string> extraction_state(Project& project) {
    EntityStore entities(project);
    std::vector<std::string> state;
    for (const auto& e : entities.list()) {
        auto full = entities.get(e.id);
        std::string line = "entity " + std::to_string(e.id.value) + " " +
                           std::string(to_string(e.type)) + " " + e.canonical_name + " [" +
                           (full ? full->authority_id : "") + "]";
        if (full)
            for (const auto& a : full->aliases)
                line += " | " + a;
        state.push_back(line);
    }
    for (const auto& row : entities.all_mentions()) {
        const auto& m = row.mention;
        state.push_back("mention " + std::to_string(m.document.value) + " " +
                        std::to_string(m.span.start) + "-" + std::to_string(m.span.end) + " " +
                        std::to_string(m.entity.value) + " " + std::string(to_string(m.method)) +
                        " " + std::to_string(m.confidence) + " " + m.surface);
    }
    return state;
}
} // namespace

TEST(CorpusPipeline, TheIncrementalSecondReadLeavesWhatReadingFromScratchLeaves) {
    // Documents that introduce persons, and others that name them by surname alone, in an
    // eponym ("the Castellane Mission" was an institution until the surname was known: the first
    // read's mention changes, so that document is rewritten), or not at all.
    const std::vector<std::string> texts = {
        "Ambassador Pierre Castellane met Senator Orrin Mabry on May 2, 1960.",
        "The talks with Castellane went on. Later the Castellane Mission was set aside.",
        "A memorandum from Mabry to Tovey, June 1, 1960. Mabry said Hallam agreed.",
        "Secretary Walter Hallam wrote. The Embassy in Paris replied to Mabry at once.",
        "Nothing here names anyone; the Castellane quarter is quiet.",
        "Mr. Tovey and Tovey's staff left with Hallam for Cairo."};
    std::vector<std::vector<std::string>> states;
    for (auto mode : {extract::SecondRead::Incremental, extract::SecondRead::FromScratch}) {
        TempDir dir;
        auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
        for (const auto& text : texts)
            add_document(project, text);
        const auto summary =
            extract::run_extraction(project, dossier::testing::shared_context(), {}, {}, mode);
        EXPECT_GE(summary.documents_read_again, 3u);
        states.push_back(extraction_state(project));
        RelationStore relations(project);
        std::vector<std::string> relation_lines;
        for (const auto& row : relations.list()) {
            const auto& r = row.relation;
            relation_lines.push_back(std::to_string(r.source.value) + " " + r.type + " " +
                                     std::to_string(r.target.value) + " " +
                                     std::to_string(r.weight) + " " +
                                     std::to_string(r.evidence.size()));
        }
        states.back().insert(states.back().end(), relation_lines.begin(), relation_lines.end());
    }
    EXPECT_EQ(states[0], states[1]);
    // The fixture does exercise both paths: surnames alone were added, the eponym was changed.
    const auto& state = states[0];
    auto has = [&](const std::string& part) {
        return std::any_of(state.begin(), state.end(), [&](const std::string& line) {
            return line.find(part) != std::string::npos;
        });
    };
    EXPECT_TRUE(has(" Castellane")); // alone, in document 2
    EXPECT_FALSE(has("Castellane Mission"));
}
