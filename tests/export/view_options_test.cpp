#include "dossier/export/view_options.h"

#include <gtest/gtest.h>

namespace dossier::exporting {
namespace {

TEST(ViewOptions, ReadsEverySectionAndKeepsDefaultsForWhatIsMissing) {
    const auto view = nlohmann::json::parse(R"({
        "filter": {"types": ["person"]},
        "layout": {"engine": "neato", "seed": 42, "overlap": "scale"},
        "style": {"palette": "grayscale", "color_by": "community", "size_by": "pagerank", "legend": true,
                  "title": "Contacts"},
        "export_options": {"format": "pdf", "width": "7in", "dpi": 600}
    })");
    const auto options = parse_view_options(view);
    EXPECT_EQ(options.layout.engine, layout::Engine::Neato);
    EXPECT_TRUE(options.layout_engine_chosen);
    EXPECT_EQ(options.layout.seed, 42u);
    EXPECT_EQ(options.layout.overlap, "scale");
    EXPECT_EQ(options.layout.splines, "line");
    EXPECT_EQ(options.style.palette, render::Palette::Grayscale);
    EXPECT_EQ(options.style.color_by, ColorBy::Community);
    EXPECT_EQ(options.style.size_by, "pagerank");
    EXPECT_TRUE(options.style.legend);
    EXPECT_EQ(options.export_options.format, "pdf");
    EXPECT_EQ(options.export_options.width, "7in");
    EXPECT_EQ(options.export_options.height, "120mm");
    EXPECT_EQ(options.export_options.dpi, 600);
}

TEST(ViewOptions, SavingAndReadingBackGivesTheSameOptionsAndKeepsTheFilter) {
    auto view = nlohmann::json::parse(R"({"filter": {"min_weight": 2}})");
    ViewOptions options;
    options.layout.engine = layout::Engine::Fdp;
    options.layout_engine_chosen = true;
    options.layout.seed = 9;
    options.style.caption = "Source: fixture";
    options.export_options.evidence = "evidence.csv";
    store_view_options(options, view);
    EXPECT_EQ(view["filter"]["min_weight"], 2);
    const auto back = parse_view_options(nlohmann::json::parse(view.dump()));
    EXPECT_EQ(back.layout.engine, layout::Engine::Fdp);
    EXPECT_EQ(back.layout.seed, 9u);
    EXPECT_EQ(back.style.caption, "Source: fixture");
    EXPECT_EQ(back.export_options.evidence, "evidence.csv");
}

TEST(ViewOptions, AnUnknownValueIsAnErrorNamingTheKey) {
    try {
        parse_view_options(nlohmann::json::parse(R"({"style": {"palette": "rainbow"}})"));
        FAIL() << "accepted an unknown palette";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("style.palette"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("rainbow"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parse_view_options(nlohmann::json::parse(R"({"layout": {"seed": "abc"}})")),
                 std::invalid_argument);
    EXPECT_THROW(parse_view_options(nlohmann::json::parse(R"({"layout": {"engine": "spring"}})")),
                 std::invalid_argument);
    try {
        parse_view_options(nlohmann::json::parse(R"({"style": {"labels": "bubbles"}})"));
        FAIL() << "accepted an unknown label mode";
    } catch (const std::invalid_argument& e) {
        EXPECT_EQ(std::string(e.what()), "style.labels: unknown value 'bubbles'");
    }
}

TEST(ViewOptions, LabelModeIsSavedAndReadBackAndDefaultsToAuto) {
    EXPECT_EQ(parse_view_options(nlohmann::json::object()).style.labels, render::LabelMode::Auto);
    for (auto mode : {render::LabelMode::Names, render::LabelMode::Keys, render::LabelMode::Auto}) {
        ViewOptions options;
        options.style.labels = mode;
        nlohmann::json view;
        store_view_options(options, view);
        EXPECT_EQ(view["style"]["labels"], std::string(to_string(mode)));
        EXPECT_EQ(parse_view_options(view).style.labels, mode);
    }
}

} // namespace
TEST(ViewOptions, PinnedPositionsAreReadSavedAndCheckedByNodeId) {
    const auto options = parse_view_options(
        nlohmann::json::parse(R"({"layout": {"pinned": {"12": [140.5, -30], "7": [0, 1]}}})"));
    ASSERT_EQ(options.pinned.size(), 2u);
    EXPECT_EQ(options.pinned.at("12"), (layout::Point{140.5, -30}));
    nlohmann::json saved = nlohmann::json::object();
    store_view_options(options, saved);
    EXPECT_EQ(parse_view_options(saved).pinned, options.pinned);
    try {
        parse_view_options(nlohmann::json::parse(R"({"layout": {"pinned": {"12": [1]}}})"));
        FAIL() << "accepted a position with one coordinate";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("layout.pinned.12"), std::string::npos) << e.what();
    }
}

} // namespace dossier::exporting
