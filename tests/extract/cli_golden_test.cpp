// `dossier import` (with its extraction hook) then `dossier mentions` on a fixture cable written
// for this test, compared with the reviewed output in tests/fixtures/extract.
#include "test_support.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <memory>

namespace {
std::string run(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe.get()))
        out += buffer;
    return out;
}
} // namespace

TEST(ExtractCli, MentionsOfTheFixtureCableMatchTheGoldenFile) {
    dossier::testing::TempDir dir;
    const auto project = (dir / "g.dossier").string();
    const auto cable = dossier::testing::fixture("extract/grain-cable.txt").string();
    run(std::string(DOSSIER_CLI) + " import " + project + " " + cable + " 2>&1");
    const auto mentions = run(std::string(DOSSIER_CLI) + " mentions " + project + " --document 1");
    EXPECT_EQ(mentions, dossier::testing::read_file(
                            dossier::testing::fixture("extract/grain-cable.mentions.tsv")));
    // Re-running extraction changes nothing.
    run(std::string(DOSSIER_CLI) + " extract " + project);
    EXPECT_EQ(run(std::string(DOSSIER_CLI) + " mentions " + project + " --document 1"), mentions);
}

TEST(ExtractCli, UnknownEntityTypeIsAOneLineError) {
    dossier::testing::TempDir dir;
    const auto project = (dir / "g.dossier").string();
    run(std::string(DOSSIER_CLI) + " import " + project + " " +
        dossier::testing::fixture("extract/grain-cable.txt").string() + " 2>&1");
    const auto out = run(std::string(DOSSIER_CLI) + " entities " + project + " --type planet 2>&1");
    EXPECT_EQ(out, "dossier: --type planet : unknown type (person, organization, country, place, "
                   "document, date)\n");
}
