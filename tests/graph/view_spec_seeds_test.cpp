// The fuzz seeds of fuzz_view_spec are read by the real parser: a seed meant to be a valid view
// must parse whole (a seed rejected at its first key never reaches the sections it was written to
// exercise), and a seed meant to be bad must be rejected with one line.
#include "dossier/graph/view_spec.h"
#include "test_support.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <set>

namespace dossier::graph {
namespace {

const std::filesystem::path kSeeds = std::filesystem::path(DOSSIER_FUZZ_CORPUS) / "fuzz_view_spec";

// Every seed is listed in one of these, so a new seed has to say what it is for.
// dates.json holds an inverted range and "1980-02-30": the parser checks a day only against 1-31
// and leaves the order of the range to the filter (an empty graph), so the seed is a valid view.
const std::set<std::string> kValidSeeds{"dates.json", "empty.json", "full.json"};
// key-with-line-break.json: fuzz_view_spec's finding of 2026-12-06, a key holding "\\n" (one-line
// error).
const std::set<std::string> kInvalidSeeds{"bad-type.json", "key-with-line-break.json"};

TEST(ViewSpecSeeds, EverySeedIsClassifiedAsValidOrInvalid) {
    std::size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kSeeds)) {
        const auto name = entry.path().filename().string();
        EXPECT_TRUE(kValidSeeds.contains(name) || kInvalidSeeds.contains(name))
            << name << " is in neither list of this test";
        ++seen;
    }
    EXPECT_EQ(seen, kValidSeeds.size() + kInvalidSeeds.size());
}

TEST(ViewSpecSeeds, ValidSeedsParseWholeAndRoundTrip) {
    for (const auto& name : kValidSeeds) {
        SCOPED_TRACE(name);
        ViewSpec view;
        ASSERT_NO_THROW(view = load_view_spec(kSeeds / name));
        const auto written = to_json(view);
        EXPECT_EQ(to_json(parse_view_spec(written)), written);
    }
}

TEST(ViewSpecSeeds, TheFullSeedReachesEverySection) {
    const auto view = load_view_spec(kSeeds / "full.json");
    EXPECT_EQ(view.metrics,
              (std::vector<Metric>{Metric::Degree, Metric::PageRank, Metric::Community}));
    EXPECT_EQ(view.filter.top_metric, "pagerank");
    EXPECT_EQ(view.filter.ego_names, std::vector<std::string>{"Brezhnev"});
    EXPECT_EQ(view.aggregate.by, AggregateBy::Community);
    EXPECT_EQ(view.aggregate.label_members, 3u);
    EXPECT_EQ(view.layout.value("engine", ""), "sfdp");
    EXPECT_EQ(view.export_options.value("format", ""), "svg");
}

TEST(ViewSpecSeeds, InvalidSeedsAreRejectedWithOneLine) {
    for (const auto& name : kInvalidSeeds) {
        SCOPED_TRACE(name);
        try {
            load_view_spec(kSeeds / name);
            ADD_FAILURE() << "accepted";
        } catch (const ViewSpecError& e) {
            EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
        }
    }
}

} // namespace
} // namespace dossier::graph
