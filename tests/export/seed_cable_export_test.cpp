// The seed cable (../shared/corpus) through the real binary: import, extract, then export SVG and
// PDF with the evidence appendix. Skipped with a message when the corpus is absent.
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace {

using dossier::testing::read_file;
using dossier::testing::TempDir;

constexpr const char* kSeedCable = "cc-cpsu-politburo-p217-57-1980.txt";

std::pair<int, std::string> run(const std::string& command) {
    auto result = dossier::testing::run_shell(command, {dossier::testing::Stderr::Apart});
    return {result.exit_code, std::move(result.out)};
}

TEST(SeedCableExport, SvgAndPdfShowTheCableNetworkWithItsEvidence) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeedCable);
    TempDir dir;
    const std::string cli = DOSSIER_CLI;
    const std::string project = (dir / "seed.dossier").string();
    ASSERT_EQ(
        run(cli + " import " + project + " " + dossier::testing::shared_corpus(kSeedCable).string())
            .first,
        0);
    ASSERT_EQ(run(cli + " extract " + project).first, 0);
    const std::string common =
        " --legend --size-by pagerank --title 'CC CPSU Politburo P217/57' --evidence " +
        (dir / "evidence.csv").string();
    auto svg = run(cli + " export " + project + " --format svg -o " + (dir / "seed.svg").string() +
                   common + " 2>&1");
    ASSERT_EQ(svg.first, 0) << svg.second;
    auto pdf = run(cli + " export " + project + " --format pdf -o " + (dir / "seed.pdf").string() +
                   common + " 2>&1");
    ASSERT_EQ(pdf.first, 0) << pdf.second;

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file((dir / "seed.svg").c_str()));
    std::string labels;
    for (const auto& text : doc.select_nodes("//*[local-name()='text']"))
        labels += std::string(text.node().child_value()) + "\n";
    // The people and powers the cable is about; the most connected keep their labels.
    for (const char* name : {"China", "United States", "Brezhnev"})
        EXPECT_NE(labels.find(name), std::string::npos) << name << " missing from\n" << labels;

    const auto text = run("pdftotext " + (dir / "seed.pdf").string() + " -").second;
    EXPECT_NE(text.find("CC CPSU Politburo P217/57"), std::string::npos);
    EXPECT_NE(text.find("China"), std::string::npos);

    // Every evidence row quotes a sentence of the cable.
    const auto cable = read_file(dossier::testing::shared_corpus(kSeedCable));
    const auto evidence = read_file(dir / "evidence.csv");
    EXPECT_GT(std::count(evidence.begin(), evidence.end(), '\n'), 10);
    EXPECT_NE(evidence.find("To Comrades Brezhnev, Kosygyn"), std::string::npos);
    EXPECT_NE(cable.find("To Comrades Brezhnev, Kosygyn"), std::string::npos);
}

} // namespace
