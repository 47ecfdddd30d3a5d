// `dossier import` (with its extraction hook) then `dossier mentions` on a fixture cable written
// for this test, compared with the reviewed output in tests/fixtures/extract.
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace {
// What the command prints on stdout.
std::string run(const std::string& command) {
    return dossier::testing::run_shell(command, {dossier::testing::Stderr::Apart}).out;
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

// The demo corpus: "memorandum of conversation of 12 May (Pembrook-Kuznetsov)" in the Bonn
// despatch names two persons the other documents introduce, not one "Pembrook-Kuznetsov".
TEST(ExtractCli, TheSampleCorpusReadsPembrookKuznetsovAsTwoPersons) {
    dossier::testing::TempDir dir;
    const auto project = (dir / "s.dossier").string();
    const std::string samples = std::string(DOSSIER_DATA_DIR) + "/samples";
    run(std::string(DOSSIER_CLI) + " import " + project + " " + samples + " 2>&1");
    const auto persons = run(std::string(DOSSIER_CLI) + " entities " + project + " --type person");
    EXPECT_EQ(persons.find("Pembrook-Kuznetsov"), std::string::npos) << persons;
    EXPECT_NE(persons.find("\tHarold W. Pembrook\t"), std::string::npos) << persons;
    // The folder's README also names the real Vasily V. Kuznetsov, so "Kuznetsov" alone fits two
    // persons and stays apart.
    EXPECT_NE(persons.find("\tVasily V. Kuznetsov\t"), std::string::npos) << persons;
    EXPECT_NE(persons.find("\tKuznetsov\t"), std::string::npos) << persons;
    // Each part is a mention of its own, with its own bytes; Pembrook joins Harold W. Pembrook.
    const auto despatch = dossier::testing::read_file(samples + "/embassy-bonn-despatch-1980.txt");
    const auto paren = despatch.find("(Pembrook-Kuznetsov)");
    ASSERT_NE(paren, std::string::npos);
    const auto at = paren + 1;
    const auto mentions = run(std::string(DOSSIER_CLI) + " mentions " + project);
    const auto line_of = [&](std::size_t start, std::size_t end, const std::string& surface) {
        const auto key =
            "\t" + std::to_string(start) + "\t" + std::to_string(end) + "\t" + surface + "\t";
        const auto found = mentions.find(key);
        if (found == std::string::npos)
            return std::string();
        const auto begin = mentions.rfind('\n', found) + 1;
        return mentions.substr(begin, mentions.find('\n', found) - begin);
    };
    const auto pembrook = line_of(at, at + 8, "Pembrook");
    const auto kuznetsov = line_of(at + 9, at + 18, "Kuznetsov");
    EXPECT_NE(pembrook.find("\tHarold W. Pembrook\tperson\t"), std::string::npos) << mentions;
    EXPECT_NE(kuznetsov.find("\tKuznetsov\tperson\t"), std::string::npos) << mentions;
    EXPECT_EQ(mentions.find("Pembrook-Kuznetsov"), std::string::npos);
}

// The demo corpus as scripts/demo.sh imports it (without the README): a surname the TEI file
// annotates (persName corresp) or a rule finds alone, and "Sherbiny" without his article "el-",
// each joins the one official the corpus gives in full.
TEST(ExtractCli, TheSampleCorpusJoinsAnnotatedAndShortNamesToTheirOfficials) {
    dossier::testing::TempDir dir;
    const auto project = (dir / "s.dossier").string();
    const std::string samples = std::string(DOSSIER_DATA_DIR) + "/samples";
    run(std::string(DOSSIER_CLI) + " import " + project + " " + samples +
        " --exclude README.md --quiet 2>&1");
    const auto persons = run(std::string(DOSSIER_CLI) + " entities " + project + " --type person");
    for (const char* joined : {"Pembrook", "Kuznetsov", "Raghunathan", "Sherbiny"})
        EXPECT_EQ(persons.find(std::string("\t") + joined + "\t"), std::string::npos)
            << joined << " is still a person of its own:\n"
            << persons;
    for (const char* official :
         {"Harold W. Pembrook", "V. P. Kuznetsov", "S. K. Raghunathan", "Hassan F. el-Sherbiny"})
        EXPECT_NE(persons.find(std::string("\t") + official + "\t"), std::string::npos)
            << official << "\n"
            << persons;
    // The TEI file's annotated mentions are now mentions of the officials.
    const auto mentions = run(std::string(DOSSIER_CLI) + " mentions " + project);
    std::size_t annotated = 0;
    for (std::size_t at = 0; (at = mentions.find("\tsource_annotation", at)) != std::string::npos;
         ++at) {
        const auto begin = mentions.rfind('\n', at) + 1;
        const auto line = mentions.substr(begin, at - begin);
        for (const char* surname : {"Pembrook", "Kuznetsov", "Raghunathan"})
            if (line.find(std::string("\t") + surname + "\t") != std::string::npos) {
                ++annotated;
                EXPECT_NE(line.find(std::string(" ") + surname + "\tperson"), std::string::npos)
                    << line;
            }
    }
    EXPECT_EQ(annotated, 5u) << mentions;
}
