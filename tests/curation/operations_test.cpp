// Every curation operation applied to a real project file, then undone and redone.
#include "curation_fixture.h"
#include "dossier/curation/curation_service.h"
#include "dossier/curation/describe.h"
#include "dossier/store/curation_store.h"

#include <algorithm>

using namespace dossier;
using dossier::testing::CurationFixture;

namespace {

curation::EntityRef ref(CurationFixture& f, const std::string& name) {
    store::CurationStore store(f.project);
    return *curation::entity_ref(store, f.entity.at(name));
}

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> aliases_of(CurationFixture& f, EntityId id) {
    return store::EntityStore(f.project).get(id)->aliases;
}

std::string record_status(CurationFixture& f, CurationId id) {
    return store::CurationStore(f.project).record(id)->status;
}

} // namespace

TEST(CurationOperations, MergeMovesMentionsAndAliasesAndUndoPutsThemBack) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    const auto survivor = f.entity["Anna Berg"];
    const auto gone = f.entity["A. Berg"];
    const auto id =
        service.apply(curation::merge_op(ref(f, "A. Berg"), ref(f, "Anna Berg"), "Anna K. Berg"));

    store::EntityStore entities(f.project);
    EXPECT_FALSE(entities.get(gone));
    const auto merged = entities.get(survivor);
    ASSERT_TRUE(merged);
    EXPECT_EQ(merged->canonical_name, "Anna K. Berg");
    EXPECT_TRUE(has(merged->aliases, "A. Berg"));
    EXPECT_TRUE(has(merged->aliases, "Anna Berg")); // the old canonical name stays findable
    EXPECT_EQ(f.surfaces_of(survivor), (std::vector<std::string>{"Anna Berg", "Berg", "A. Berg"}));
    const auto record = store::CurationStore(f.project).record(id);
    EXPECT_EQ(record->author, "tester");
    EXPECT_EQ(record->op, "merge");
    EXPECT_EQ(record->status, "applied");
    // The payload names entities by type and key, never by row id.
    const auto payload = nlohmann::json::parse(record->payload);
    EXPECT_EQ(payload["from"]["key"], "berg:a.");
    EXPECT_EQ(payload["into"]["key"], "berg:a");
    EXPECT_FALSE(payload["from"].contains("id"));

    service.undo(id);
    EXPECT_EQ(record_status(f, id), "undone");
    const auto restored = entities.get(gone);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->canonical_name, "A. Berg");
    EXPECT_EQ(restored->key, "berg:a.");
    EXPECT_EQ(f.surfaces_of(gone), (std::vector<std::string>{"A. Berg"}));
    EXPECT_EQ(f.surfaces_of(survivor), (std::vector<std::string>{"Anna Berg", "Berg"}));
    EXPECT_EQ(entities.get(survivor)->canonical_name, "Anna Berg");
    EXPECT_EQ(aliases_of(f, survivor), (std::vector<std::string>{"Anna Berg", "Berg"}));
    EXPECT_EQ(aliases_of(f, gone), (std::vector<std::string>{"A. Berg"}));

    service.redo(id);
    EXPECT_EQ(record_status(f, id), "applied");
    EXPECT_FALSE(entities.get(gone));
    EXPECT_EQ(f.surfaces_of(survivor).size(), 3u);
}

TEST(CurationOperations, MergeMovesRelationsToTheSurvivorAndUndoMovesThemBack) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    const auto id = service.apply(curation::merge_op(ref(f, "Lind"), ref(f, "Ruritania")));
    const auto moved = store::RelationStore(f.project).get(f.lind_berg);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->relation.source, f.entity["Ruritania"]);
    service.undo(id);
    EXPECT_EQ(store::RelationStore(f.project).get(f.lind_berg)->relation.source, f.entity["Lind"]);
}

TEST(CurationOperations, SplitAliasMakesANewEntityWithThoseMentions) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    const auto original = f.entity["Anna Berg"];
    const auto id = service.apply(curation::split_op(ref(f, "Anna Berg"), "Berg", {}, "Hans Berg"));
    store::EntityStore entities(f.project);
    const auto split = entities.find_by_name("Hans Berg").entity;
    ASSERT_TRUE(split);
    EXPECT_EQ(split->type, EntityType::Person);
    EXPECT_EQ(f.surfaces_of(split->id), (std::vector<std::string>{"Berg"}));
    EXPECT_TRUE(has(split->aliases, "Berg"));
    EXPECT_EQ(f.surfaces_of(original), (std::vector<std::string>{"Anna Berg"}));
    EXPECT_FALSE(has(aliases_of(f, original), "Berg"));

    service.undo(id);
    EXPECT_FALSE(entities.get(split->id));
    EXPECT_EQ(f.surfaces_of(original), (std::vector<std::string>{"Anna Berg", "Berg"}));
    EXPECT_TRUE(has(aliases_of(f, original), "Berg"));
}

TEST(CurationOperations, SplitChosenMentionsByDocumentHashAndSpan) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    const auto lind_mentions = store::EntityStore(f.project).mentions_of(f.entity["Lind"]);
    ASSERT_EQ(lind_mentions.size(), 2u);
    const auto second = lind_mentions[1].mention.span;
    service.apply(
        curation::split_op(ref(f, "Lind"), "", {{"curation-memo-sha", second}}, "Erik Lind"));
    const auto split = store::EntityStore(f.project).find_by_name("Erik Lind").entity;
    ASSERT_TRUE(split);
    const auto moved = store::EntityStore(f.project).mentions_of(split->id);
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(moved[0].mention.span, second);
    EXPECT_EQ(store::EntityStore(f.project).mentions_of(f.entity["Lind"]).size(), 1u);
}

TEST(CurationOperations, SplitWithNothingToMoveIsRefused) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    EXPECT_THROW(service.apply(curation::split_op(ref(f, "Lind"), "Lindgren", {}, "")),
                 curation::NotApplicable);
    EXPECT_TRUE(store::CurationStore(f.project).records().empty());
}

TEST(CurationOperations, RenameRetypeAndRejectAreUndone) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    store::EntityStore entities(f.project);
    const auto osterlich = f.entity["Osterlich"];

    const auto retyped =
        service.apply(curation::retype_op(ref(f, "Osterlich"), EntityType::Country));
    EXPECT_EQ(entities.get(osterlich)->type, EntityType::Country);
    const auto renamed = service.apply(curation::rename_op(ref(f, "Osterlich"), "Österlich"));
    EXPECT_EQ(entities.get(osterlich)->canonical_name, "Österlich");
    const auto rejected = service.apply(curation::reject_op(ref(f, "Harbour Board")));
    const auto board = f.entity["Harbour Board"];
    EXPECT_TRUE(entities.get(board)->rejected);
    const auto listed = entities.list();
    EXPECT_TRUE(
        std::none_of(listed.begin(), listed.end(), [&](const auto& e) { return e.id == board; }));
    // Rejected, not deleted: the mention stays, so the document can show it as rejected.
    EXPECT_EQ(f.surfaces_of(board), (std::vector<std::string>{"Harbour Board"}));

    service.undo(rejected);
    EXPECT_FALSE(entities.get(board)->rejected);
    service.undo(renamed);
    EXPECT_EQ(entities.get(osterlich)->canonical_name, "Osterlich");
    service.undo(retyped);
    EXPECT_EQ(entities.get(osterlich)->type, EntityType::Person);
}

TEST(CurationOperations, RelateAddsARelationWithNoteAndCitedSpan) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    const auto start = static_cast<std::uint32_t>(dossier::testing::kCurationMemo.find("A. Berg"));
    const Span cited{start, static_cast<std::uint32_t>(dossier::testing::kCurationMemo.size() - 1)};
    const auto id = service.apply(curation::relate_op(
        ref(f, "Anna Berg"), ref(f, "Ruritania"), "reports_to", "she writes to them",
        curation::MentionRef{"curation-memo-sha", cited}));
    store::RelationStore relations(f.project);
    const auto rows = relations.list("reports_to");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].origin, "curation");
    EXPECT_EQ(rows[0].relation.source, f.entity["Anna Berg"]);
    EXPECT_EQ(rows[0].relation.target, f.entity["Ruritania"]);
    ASSERT_EQ(rows[0].relation.evidence.size(), 1u);
    EXPECT_EQ(rows[0].relation.evidence[0].document, f.memo);
    EXPECT_EQ(rows[0].relation.evidence[0].sentence, cited);
    EXPECT_EQ(rows[0].relation.first_date.iso(), "1961-03-04");
    EXPECT_EQ(store::CurationStore(f.project).relation_note(rows[0].relation.id),
              "she writes to them");

    service.undo(id);
    EXPECT_TRUE(relations.list("reports_to").empty());
}

TEST(CurationOperations, UnrelateRemovesAnExtractedRelationAndUndoRestoresItsEvidence) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    store::RelationStore relations(f.project);
    const auto before = relations.get(f.lind_berg);
    const auto id = service.apply(
        curation::unrelate_op({"co_occurs_sentence", ref(f, "Lind"), ref(f, "Anna Berg"), false}));
    EXPECT_FALSE(relations.get(f.lind_berg));
    EXPECT_EQ(relations.count(), 0u);

    service.undo(id);
    const auto rows = relations.list("co_occurs_sentence");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].origin, "extract");
    EXPECT_EQ(rows[0].relation.source, before->relation.source);
    EXPECT_EQ(rows[0].relation.weight, before->relation.weight);
    ASSERT_EQ(rows[0].relation.evidence.size(), 1u);
    EXPECT_EQ(rows[0].relation.evidence[0].sentence, before->relation.evidence[0].sentence);
    EXPECT_EQ(rows[0].relation.evidence[0].target_span, before->relation.evidence[0].target_span);
}

TEST(CurationOperations, UnrelateOfAMissingRelationIsRefused) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    EXPECT_THROW(service.apply(
                     curation::unrelate_op({"opposes", ref(f, "Lind"), ref(f, "Ruritania"), true})),
                 curation::NotApplicable);
}

TEST(CurationOperations, NotesOnRelationsAreSetAndUndoneAndNotesOnEntitiesAreLogged) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    store::CurationStore store(f.project);
    const auto on_relation = service.apply(curation::note_relation_op(
        {"co_occurs_sentence", ref(f, "Lind"), ref(f, "Anna Berg"), false}, "met twice"));
    EXPECT_EQ(store.relation_note(f.lind_berg), "met twice");
    const auto on_entity =
        service.apply(curation::note_entity_op(ref(f, "Lind"), "check the spelling"));
    const auto logged = store.record(on_entity);
    EXPECT_EQ(curation::describe_operation(logged->op, nlohmann::json::parse(logged->payload)),
              "note on 'Lind' (person): check the spelling");
    service.undo(on_relation);
    EXPECT_EQ(store.relation_note(f.lind_berg), "");
}

TEST(CurationOperations, AnOperationOnAVanishedEntityRecordsNothing) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    const curation::EntityRef ghost{EntityType::Person, "nobody:x", "Nobody"};
    try {
        service.apply(curation::rename_op(ghost, "Somebody"));
        FAIL() << "expected NotApplicable";
    } catch (const curation::NotApplicable& e) {
        EXPECT_EQ(std::string(e.what()), "entity 'Nobody' (person) no longer found");
    }
    EXPECT_TRUE(store::CurationStore(f.project).records().empty());
}

TEST(CurationOperations, UndoTwiceIsAnErrorAndLastUndoableSkipsUndoneRecords) {
    CurationFixture f;
    curation::CurationService service(f.project, "tester");
    const auto first = service.apply(curation::rename_op(ref(f, "Lind"), "Erik Lind"));
    const auto second = service.apply(curation::reject_op(ref(f, "Ruritania")));
    EXPECT_EQ(service.last_undoable(), second);
    service.undo(second);
    EXPECT_THROW(service.undo(second), curation::CurationError);
    EXPECT_EQ(service.last_undoable(), first);
}

TEST(CurationOperations, PinsAreStoredAndCleared) {
    CurationFixture f;
    store::CurationStore store(f.project);
    store.set_position({f.entity["Lind"], 10.5, -3, true});
    store.set_position({f.entity["Ruritania"], 1, 2, false});
    EXPECT_EQ(store.positions(true).size(), 1u);
    store.clear_pin(f.entity["Lind"]);
    const auto lind = store.position(f.entity["Lind"]);
    ASSERT_TRUE(lind);
    EXPECT_FALSE(lind->pinned);
    EXPECT_EQ(lind->x, 10.5);
    EXPECT_TRUE(store.positions(true).empty());
    store.remove_position(f.entity["Lind"]);
    EXPECT_FALSE(store.position(f.entity["Lind"]));
}
