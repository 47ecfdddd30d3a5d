// Corrections survive re-extraction: a small invented corpus goes through the real extraction
// and relation pipelines, is curated, extracted again, and the corrections still hold. Records
// that no longer apply are kept, marked stale, and apply again when their entity comes back.
#include "dossier/curation/curation_service.h"
#include "dossier/curation/exchange.h"
#include "dossier/curation/replay.h"
#include "dossier/extract/extraction.h"
#include "dossier/extract/relation_pipeline.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"
#include "test_support.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dossier;

namespace {

struct FixtureText {
    const char* sha;
    const char* title;
    const char* date;
    const char* text;
};

constexpr FixtureText kRuskMemo{
    "replay-memo-rusk", "Memorandum of conversation", "1961-03-03",
    "MEMORANDUM OF CONVERSATION\n\nSUBJECT: Grain deliveries to Poland\n\n"
    "Ambassador Karl Lindqvist met Secretary of State Dean Rusk. Lindqvist said that Sweden "
    "supports the grain deliveries to Poland. Rusk replied that the United States would consult "
    "France.\n"};
constexpr FixtureText kUndenTelegram{
    "replay-telegram-unden", "Telegram 4411 from Stockholm", "1961-04-09",
    "Foreign Minister Osten Unden told the Swedish parliament that Ambassador Carl Lindqvist had "
    "reported on the talks with Rusk. Unden said the Swedish position on Poland is unchanged.\n"};
constexpr FixtureText kTaylorMemo{
    "replay-memo-taylor", "Memorandum on Laos", "1961-05-02",
    "General Maxwell Taylor discussed Laos with Secretary of State Dean Rusk. Taylor doubted "
    "that Laos could be held.\n"};

void add_document(store::Project& project, const FixtureText& f) {
    store::Transaction tx(project);
    Document doc;
    doc.sha256 = f.sha;
    doc.source_path = std::string(f.sha) + ".txt";
    doc.format = "text";
    doc.title = f.title;
    doc.date = *parse_iso_date(f.date);
    doc.text = f.text;
    store::DocumentStore(project).insert(doc, doc.text.size());
    tx.commit();
}

void extract_all(store::Project& project) {
    extract::run_extraction(project, std::vector<DocumentId>{});
    extract::run_relation_extraction(project);
}

std::optional<Entity> named(store::Project& project, const std::string& name) {
    auto found = store::EntityStore(project).find_by_name(name);
    return found.entity;
}

curation::EntityRef ref(store::Project& project, const std::string& name) {
    const auto entity = named(project, name);
    EXPECT_TRUE(entity) << "no entity named " << name;
    store::CurationStore store(project);
    return *curation::entity_ref(store, entity->id);
}

std::vector<std::string> surfaces(store::Project& project, EntityId id) {
    std::vector<std::string> out;
    for (const auto& row : store::EntityStore(project).mentions_of(id))
        out.push_back(row.mention.surface);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

class Replay : public ::testing::Test {
protected:
    dossier::testing::TempDir dir;
    store::Project project =
        store::Project::open(dir / "replay.dossier", store::OpenMode::CreateIfMissing);

    void SetUp() override {
        add_document(project, kRuskMemo);
        add_document(project, kUndenTelegram);
        extract_all(project);
    }
};

} // namespace

TEST_F(Replay, TheFixtureCorpusHasTheEntitiesTheseTestsCurate) {
    // Two Lindqvists whose given names conflict: extraction must keep them apart, so an analyst
    // who knows they are one man merges them.
    const auto karl = named(project, "Karl Lindqvist");
    const auto carl = named(project, "Carl Lindqvist");
    ASSERT_TRUE(karl);
    ASSERT_TRUE(carl);
    EXPECT_NE(karl->id, carl->id);
    EXPECT_TRUE(named(project, "Dean Rusk"));
    EXPECT_TRUE(named(project, "Poland"));
}

TEST_F(Replay, CorrectionsHoldAfterExtractionRunsAgain) {
    curation::CurationService service(project, "historian");
    service.apply(curation::merge_op(ref(project, "Carl Lindqvist"), ref(project, "Karl Lindqvist"),
                                     "Karl Lindqvist"));
    service.apply(curation::reject_op(ref(project, "Poland")));
    service.apply(curation::rename_op(ref(project, "Dean Rusk"), "David Dean Rusk"));
    service.apply(curation::relate_op(ref(project, "David Dean Rusk"), ref(project, "France"),
                                      "consults", "he says he will", std::nullopt));
    const auto extracted = store::RelationStore(project).list("", false);
    ASSERT_FALSE(extracted.empty());
    // An extracted relation the analyst removes: the first one between two non-document ends.
    const auto removed = std::find_if(extracted.begin(), extracted.end(), [](const auto& r) {
        return r.origin == "extract" && r.source_type != EntityType::Document &&
               r.target_type != EntityType::Document;
    });
    ASSERT_NE(removed, extracted.end());
    store::CurationStore store(project);
    const curation::RelationRef removed_ref{
        removed->relation.type, *curation::entity_ref(store, removed->relation.source),
        *curation::entity_ref(store, removed->relation.target), removed->relation.directed};
    service.apply(curation::unrelate_op(removed_ref));

    extract_all(project);

    const auto status = curation::curation_status(project);
    EXPECT_EQ(status.replayed, 5u);
    EXPECT_TRUE(status.stale.empty()) << curation::describe(status);
    // Merge: one Lindqvist with the mentions of both documents.
    EXPECT_FALSE(named(project, "Carl Lindqvist") &&
                 named(project, "Carl Lindqvist")->canonical_name == "Carl Lindqvist");
    const auto lindqvist = named(project, "Karl Lindqvist");
    ASSERT_TRUE(lindqvist);
    const auto lindqvist_surfaces = surfaces(project, lindqvist->id);
    EXPECT_TRUE(contains(lindqvist_surfaces, "Carl Lindqvist"));
    EXPECT_TRUE(contains(lindqvist_surfaces, "Karl Lindqvist"));
    // Reject: still there, still rejected, mentions kept.
    const auto poland = named(project, "Poland");
    ASSERT_TRUE(poland);
    EXPECT_TRUE(poland->rejected);
    EXPECT_FALSE(surfaces(project, poland->id).empty());
    // Rename.
    EXPECT_TRUE(named(project, "David Dean Rusk"));
    // Relate: the analyst's relation is back between the new rows.
    const auto consults = store::RelationStore(project).list("consults");
    ASSERT_EQ(consults.size(), 1u);
    EXPECT_EQ(consults[0].source_name, "David Dean Rusk");
    EXPECT_EQ(consults[0].target_name, "France");
    // Unrelate: relation extraction rebuilt it, replay removed it again.
    const auto source = curation::resolve(store, removed_ref.source);
    const auto target = curation::resolve(store, removed_ref.target);
    ASSERT_TRUE(source && target);
    EXPECT_TRUE(
        store.find_relations(removed_ref.type, *source, *target, !removed_ref.directed).empty());
}

TEST_F(Replay, AnUndoneCorrectionIsNotReplayed) {
    curation::CurationService service(project, "historian");
    const auto id = service.apply(curation::reject_op(ref(project, "Sweden")));
    service.undo(id);
    extract_all(project);
    EXPECT_FALSE(named(project, "Sweden")->rejected);
    EXPECT_EQ(store::CurationStore(project).record(id)->status, "undone");
}

TEST_F(Replay, UndoAfterReExtractionTakesBackTheReplayedMerge) {
    curation::CurationService service(project, "historian");
    const auto id = service.apply(
        curation::merge_op(ref(project, "Carl Lindqvist"), ref(project, "Karl Lindqvist")));
    extract_all(project);
    service.undo(id);
    const auto carl = named(project, "Carl Lindqvist");
    ASSERT_TRUE(carl);
    EXPECT_EQ(carl->canonical_name, "Carl Lindqvist");
    EXPECT_FALSE(
        contains(surfaces(project, named(project, "Karl Lindqvist")->id), "Carl Lindqvist"));
}

TEST_F(Replay, ExportedCorrectionsApplyToAnotherProjectAndStaleOnesAreKeptUntilTheyApply) {
    // Project one has the Taylor memo too; its correction about Taylor cannot apply in project
    // two until that memo is imported there.
    add_document(project, kTaylorMemo);
    extract_all(project);
    curation::CurationService service(project, "historian");
    service.apply(curation::rename_op(ref(project, "Maxwell Taylor"), "Gen. Maxwell D. Taylor"));
    service.apply(
        curation::merge_op(ref(project, "Carl Lindqvist"), ref(project, "Karl Lindqvist")));
    const auto file = curation::export_curation(project);
    ASSERT_EQ(file["records"].size(), 2u);

    dossier::testing::TempDir other_dir;
    auto other =
        store::Project::open(other_dir / "other.dossier", store::OpenMode::CreateIfMissing);
    add_document(other, kRuskMemo);
    add_document(other, kUndenTelegram);
    extract_all(other);
    const auto report = curation::import_curation(other, file);
    EXPECT_EQ(report.replayed, 1u);
    ASSERT_EQ(report.stale.size(), 1u);
    EXPECT_EQ(report.stale[0].op, "rename");
    EXPECT_NE(report.stale[0].message.find("Maxwell Taylor"), std::string::npos);
    EXPECT_NE(curation::describe(report).find("1 correction replayed, 1 no longer applies"),
              std::string::npos);
    EXPECT_FALSE(named(other, "Carl Lindqvist") &&
                 named(other, "Carl Lindqvist")->canonical_name == "Carl Lindqvist");

    // Kept through another re-extraction, still stale ...
    extract_all(other);
    const auto records = store::CurationStore(other).records();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].status, "stale");
    // ... until the document that names its entity arrives.
    add_document(other, kTaylorMemo);
    extract_all(other);
    EXPECT_EQ(store::CurationStore(other).record(records[0].id)->status, "applied");
    EXPECT_TRUE(named(other, "Gen. Maxwell D. Taylor"));
}

TEST_F(Replay, ImportRefusesAFileThatIsNotACurationExport) {
    EXPECT_THROW(curation::import_curation(project, nlohmann::json{{"records", 1}}),
                 curation::CurationError);
    EXPECT_TRUE(store::CurationStore(project).records().empty());
}

TEST_F(Replay, SplitRetypeAndRelationNotesHoldAfterExtractionRunsAgain) {
    curation::CurationService service(project, "historian");
    service.apply(curation::split_op(ref(project, "Sweden"), "Swedish", {}, "Swedish parliament"));
    service.apply(
        curation::retype_op(ref(project, "Swedish parliament"), EntityType::Organization));
    const auto extracted = store::RelationStore(project).list("", false);
    const auto noted = std::find_if(extracted.begin(), extracted.end(), [](const auto& r) {
        return r.origin == "extract" && r.source_type != EntityType::Document &&
               r.target_type != EntityType::Document;
    });
    ASSERT_NE(noted, extracted.end());
    store::CurationStore store(project);
    const curation::RelationRef noted_ref{
        noted->relation.type, *curation::entity_ref(store, noted->relation.source),
        *curation::entity_ref(store, noted->relation.target), noted->relation.directed};
    service.apply(curation::note_relation_op(noted_ref, "read the reply too"));

    extract_all(project);

    const auto status = curation::curation_status(project);
    EXPECT_EQ(status.replayed, 3u);
    EXPECT_TRUE(status.stale.empty()) << curation::describe(status);
    const auto parliament = named(project, "Swedish parliament");
    ASSERT_TRUE(parliament);
    EXPECT_EQ(parliament->type, EntityType::Organization);
    const auto moved = surfaces(project, parliament->id);
    ASSERT_FALSE(moved.empty());
    EXPECT_TRUE(std::all_of(moved.begin(), moved.end(),
                            [](const std::string& s) { return s == "Swedish"; }));
    EXPECT_FALSE(contains(surfaces(project, named(project, "Sweden")->id), "Swedish"));
    const auto source = curation::resolve(store, noted_ref.source);
    const auto target = curation::resolve(store, noted_ref.target);
    ASSERT_TRUE(source && target);
    const auto rebuilt =
        store.find_relations(noted_ref.type, *source, *target, !noted_ref.directed);
    ASSERT_FALSE(rebuilt.empty());
    EXPECT_EQ(store.relation_note(rebuilt.front()), "read the reply too");
}
