#include "dossier/graph/view_spec.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace dossier::graph {
namespace {

const char* kFullView = R"({
  "filter": {"entity_types": ["person", "country"], "relation_types": ["cooperates_with"],
             "min_weight": 2, "min_degree": 1, "date_from": "1979", "date_to": "1980-06",
             "documents": {"query": "Afghanistan", "ids": [3, 4]}, "name": "kabul",
             "ego": {"entities": [12], "names": ["Brezhnev"], "hops": 2},
             "top": {"metric": "pagerank", "count": 100}, "include_rejected": true},
  "metrics": ["degree", "pagerank", "community"],
  "layout": {"engine": "sfdp", "seed": 7, "pinned": [[1, 2.5, 3.5]]},
  "style": {"palette": "okabe-ito"},
  "export": {"format": "svg", "width": "180mm"}
})";

TEST(ViewSpec, ParsesEveryFilterField) {
    const auto v = parse_view_spec_text(kFullView);
    EXPECT_EQ(v.filter.entity_types,
              (std::vector<EntityType>{EntityType::Person, EntityType::Country}));
    EXPECT_EQ(v.filter.relation_types, std::vector<std::string>{"cooperates_with"});
    EXPECT_EQ(v.filter.min_weight, 2.0);
    EXPECT_EQ(v.filter.min_degree, 1u);
    EXPECT_EQ(v.filter.date_from, "1979");
    EXPECT_EQ(v.filter.date_to, "1980-06");
    EXPECT_EQ(v.filter.document_query, "Afghanistan");
    EXPECT_EQ(v.filter.document_ids, (std::vector<DocumentId>{DocumentId{3}, DocumentId{4}}));
    EXPECT_EQ(v.filter.name_query, "kabul");
    EXPECT_EQ(v.filter.ego_entities, std::vector<EntityId>{EntityId{12}});
    EXPECT_EQ(v.filter.ego_names, std::vector<std::string>{"Brezhnev"});
    EXPECT_EQ(v.filter.ego_hops, 2);
    EXPECT_EQ(v.filter.top_metric, "pagerank");
    EXPECT_EQ(v.filter.top_n, 100u);
    EXPECT_TRUE(v.filter.include_rejected);
    EXPECT_EQ(v.metrics,
              (std::vector<Metric>{Metric::Degree, Metric::PageRank, Metric::Community}));
}

TEST(ViewSpec, OtherModulesSectionsRoundTripUntouched) {
    const auto original = nlohmann::json::parse(kFullView);
    const auto v = parse_view_spec(original);
    EXPECT_EQ(v.layout, original["layout"]);
    EXPECT_EQ(v.export_options, original["export"]);
    EXPECT_EQ(to_json(v), original);
    EXPECT_EQ(parse_view_spec(to_json(v)).filter, v.filter);
}

TEST(ViewSpec, SaveAndLoadGiveTheSameView) {
    testing::TempDir dir;
    const auto v = parse_view_spec_text(kFullView);
    save_view_spec(v, dir / "view.json");
    const auto back = load_view_spec(dir / "view.json");
    EXPECT_EQ(back.filter, v.filter);
    EXPECT_EQ(back.metrics, v.metrics);
    EXPECT_EQ(back.style, v.style);
}

TEST(ViewSpec, EmptyObjectIsTheWholeGraph) {
    const auto v = parse_view_spec_text("{}");
    EXPECT_EQ(v.filter, GraphFilter{});
    EXPECT_TRUE(v.metrics.empty());
}

std::string error_of(const std::string& text) {
    try {
        parse_view_spec_text(text);
    } catch (const ViewSpecError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(ViewSpec, BadInputNamesTheKeyOnOneLine) {
    EXPECT_EQ(error_of(R"({"filter": {"min_weight": "two"}})"),
              "view: filter.min_weight: expected a number, got \"two\"");
    EXPECT_EQ(error_of(R"({"filter": {"min_wieght": 2}})")
                  .rfind("view: filter.min_wieght: unknown key", 0),
              0u);
    EXPECT_EQ(error_of(R"({"filter": {"entity_types": ["persn"]}})")
                  .rfind("view: filter.entity_types: unknown entity type \"persn\"", 0),
              0u);
    EXPECT_EQ(error_of(R"({"filter": {"date_from": "March 1980"}})")
                  .rfind("view: filter.date_from: expected an ISO date", 0),
              0u);
    EXPECT_EQ(error_of(R"({"filter": {"ego": {"hops": -1}}})"),
              "view: filter.ego.hops: expected a whole number >= 0, got -1");
    EXPECT_EQ(error_of(R"({"metrics": ["pagerenk"]})"),
              "view: metrics: unknown metric \"pagerenk\"");
    EXPECT_EQ(error_of(R"({"filter": {"top": {"count": 5}}})"),
              "view: filter.top.metric: missing (top.count needs a metric)");
    EXPECT_EQ(error_of(R"({"layout": 3})"), "view: layout: expected an object, got 3");
    EXPECT_EQ(error_of("[1, 2]"), "view: (top level): expected an object, got [1,2]");
    const auto broken = error_of(R"({"filter": )");
    EXPECT_EQ(broken.rfind("view: not valid JSON", 0), 0u) << broken;
    for (const auto& message : {broken, error_of(R"({"x": 1})")})
        EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

// Found by fuzz_view_spec (2026-12-06): a key holding an escaped line break made a two-line error.
TEST(ViewSpec, AKeyWithALineBreakIsNamedEscapedOnOneLine) {
    const auto message = error_of(R"({"filter": {"docum\nts": 1}})");
    EXPECT_EQ(message.rfind(R"(view: filter.docum\nts: unknown key)", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_EQ(
        error_of(R"({"filter": {"min_weight\t": 1}})").rfind(R"(view: filter.min_weight\t:)", 0),
        0u);
}

TEST(ViewSpec, MissingFileIsAClearError) {
    try {
        load_view_spec("/nonexistent/view.json");
        FAIL();
    } catch (const ViewSpecError& e) {
        EXPECT_EQ(std::string(e.what()), "view: cannot read '/nonexistent/view.json'");
    }
}

} // namespace
} // namespace dossier::graph
