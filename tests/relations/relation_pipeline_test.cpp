// run_relation_extraction on a real project file built by the test (fixture_project.h).
#include "dossier/extract/relation_pipeline.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"
#include "fixture_project.h"
#include "relation_fixtures.h"
#include "test_support.h"

#include <chrono>
#include <gtest/gtest.h>

using namespace dossier;
using dossier::testing::TempDir;

namespace {

struct Ran {
    TempDir dir;
    store::Project project =
        store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    dossier::testing::FixtureProject fixture = dossier::testing::write_fixture_project(project);
    extract::RelationExtractionSummary summary;

    void run() {
        summary = extract::run_relation_extraction(project, dossier::testing::bundled_rules(), {});
    }

    std::vector<store::RelationRow> find(const std::string& type, const std::string& a,
                                         const std::string& b) {
        std::vector<store::RelationRow> out;
        for (auto& row : store::RelationStore(project).list(type))
            if ((a.empty() || row.source_name == a) && (b.empty() || row.target_name == b))
                out.push_back(row);
        return out;
    }
    EntityId memo_entity() { return store::EntityStore(project).document_entity(fixture.memo, ""); }
};

std::string cut(const std::string& text, Span s) {
    return text.substr(s.start, s.size());
}

} // namespace

TEST(RelationPipeline, AddressedToEveryRecipientAndNoCooccurrenceAmongThem) {
    Ran r;
    r.run();
    EXPECT_EQ(r.summary.documents, 2u);
    auto addressed = r.find("addressed_to", "", "");
    ASSERT_EQ(addressed.size(), 3u);
    for (const auto& row : addressed) {
        EXPECT_EQ(row.relation.source, r.memo_entity());
        ASSERT_EQ(row.relation.evidence.size(), 1u);
        EXPECT_EQ(cut(dossier::testing::kFixtureMemo, row.relation.evidence[0].sentence),
                  "TO: Ambassador Lind, Minister Berg, Director Hof");
    }
    for (const char* type : {"co_occurs_sentence", "co_occurs_paragraph"})
        for (const auto& row : store::RelationStore(r.project).list(type))
            EXPECT_FALSE(row.source_type == EntityType::Person &&
                         row.target_type == EntityType::Person)
                << row.source_name << " " << row.target_name;
}

TEST(RelationPipeline, PatternRelationAggregatesAcrossDocumentsWithDates) {
    Ran r;
    r.run();
    auto coop = r.find("cooperates_with", "", "");
    ASSERT_EQ(coop.size(), 1u);
    const auto& rel = coop[0].relation;
    EXPECT_FALSE(rel.directed);
    EXPECT_EQ(rel.evidence.size(), 2u);
    EXPECT_DOUBLE_EQ(rel.weight, 2);
    EXPECT_EQ(rel.first_date.iso(), "1961-05-02");
    EXPECT_EQ(rel.last_date.iso(), "1961-07-01");
    EXPECT_EQ(rel.method.rfind("pattern:", 0), 0u);
    // Evidence alone gives back the sentence and both arguments.
    EXPECT_EQ(cut(dossier::testing::kFixtureNote, rel.evidence[1].sentence),
              "Further Ruritanian-Osterlich naval cooperation was agreed.");
    const auto names = std::set<std::string>{coop[0].source_name, coop[0].target_name};
    EXPECT_EQ(names, (std::set<std::string>{"Ruritania", "Osterlich"}));
}

TEST(RelationPipeline, PressureAndCoordinationWithTheHeaderCountry) {
    Ran r;
    r.run();
    auto pressure = r.find("pressures", "Osterlich", "Fenwick");
    ASSERT_EQ(pressure.size(), 1u);
    const auto& e = pressure[0].relation.evidence.at(0);
    EXPECT_EQ(cut(dossier::testing::kFixtureMemo, e.source_span), "Osterlich");
    EXPECT_EQ(cut(dossier::testing::kFixtureMemo, e.target_span), "Fenwick");
    auto coordination = r.find("coordinates_with", "", "");
    std::set<std::string> partners;
    for (const auto& row : coordination) {
        EXPECT_TRUE(row.source_name == "Ruritania" || row.target_name == "Ruritania");
        partners.insert(row.source_name == "Ruritania" ? row.target_name : row.source_name);
    }
    EXPECT_EQ(partners, (std::set<std::string>{"Fenwick", "Graustark"}));
}

TEST(RelationPipeline, MentionsWeightedByCount) {
    Ran r;
    r.run();
    auto mentions = r.find("mentions", "", "Osterlich");
    std::map<std::int64_t, double> by_document_entity;
    for (const auto& row : mentions)
        by_document_entity[row.relation.source.value] = row.relation.weight;
    EXPECT_EQ(by_document_entity.at(r.memo_entity().value), 3);
}

TEST(RelationPipeline, RerunIsIdempotentAndKeepsCurationRelations) {
    Ran r;
    r.run();
    store::RelationStore relations(r.project);
    const auto extracted = relations.count("extract");
    {
        store::Transaction tx(r.project);
        Relation curated;
        curated.type = "allied_with";
        curated.source = r.fixture.entity.at("Fenwick");
        curated.target = r.fixture.entity.at("Graustark");
        curated.method = "curation";
        relations.insert(curated, "curation");
        tx.commit();
    }
    r.run();
    EXPECT_EQ(relations.count("extract"), extracted);
    EXPECT_EQ(relations.count("curation"), 1u);
    EXPECT_EQ(r.find("allied_with", "Fenwick", "Graustark").size(), 1u);
}

TEST(RelationPipeline, CancelLeavesThePreviousRelations) {
    Ran r;
    r.run();
    store::RelationStore relations(r.project);
    const auto before = relations.count();
    JobControl control;
    control.cancel.cancel();
    auto summary =
        extract::run_relation_extraction(r.project, dossier::testing::bundled_rules(), {}, control);
    EXPECT_TRUE(summary.cancelled);
    EXPECT_EQ(relations.count(), before);
}

TEST(RelationPipeline, ACancelAfterTheFirstDocumentRollsTheWholePassBack) {
    Ran r;
    r.run();
    store::RelationStore relations(r.project);
    const auto before = relations.list();
    ASSERT_GT(store::DocumentStore(r.project).ids().size(), 1u);
    CancelToken cancel;
    std::size_t reports = 0;
    const JobControl control(
        cancel,
        [&](const JobProgress& p) {
            ++reports;
            if (p.done == 1)
                cancel.cancel(); // as a Cancel button pressed while the pass runs
        },
        std::chrono::milliseconds(0));
    const auto summary =
        extract::run_relation_extraction(r.project, dossier::testing::bundled_rules(), {}, control);
    EXPECT_TRUE(summary.cancelled);
    EXPECT_EQ(reports, 1u) << "the pass stopped at the next document";
    const auto after = relations.list();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i)
        EXPECT_EQ(after[i].relation.id.value, before[i].relation.id.value) << i;
}

TEST(RelationPipeline, ProjectSettingNamesAUserRulesFile) {
    Ran r;
    dossier::testing::write_file(
        r.dir / "mine.rules",
        "rule worry\ntype: worries\npattern: {X:actor} ...3 worries the? {Y:actor}\n"
        "source: X\ntarget: Y\n");
    r.project.set_setting(extract::kRelationRulesSetting, (r.dir / "mine.rules").string());
    extract::run_relation_extraction(r.project);
    EXPECT_EQ(r.find("worries", "Osterlich", "Council").size(), 1u);
    EXPECT_TRUE(r.find("pressures", "", "").empty()); // the bundled rules were not used
    // A broken user file stops with its line number and leaves the relations as they were.
    dossier::testing::write_file(r.dir / "mine.rules", "rule worry\ntype: worries\nshape: x\n");
    try {
        extract::run_relation_extraction(r.project);
        FAIL() << "expected RuleError";
    } catch (const extract::RuleError& e) {
        EXPECT_NE(std::string(e.what()).find("mine.rules:3:"), std::string::npos) << e.what();
    }
    EXPECT_EQ(r.find("worries", "Osterlich", "Council").size(), 1u);
}
