// `dossier export` end to end: a project written here, the real binary, real readers.
#include "dossier/model/document.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <iterator>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

namespace dossier::exporting {
namespace {

using dossier::testing::read_file;
using dossier::testing::TempDir;

// Exit code, stdout and stderr apart.
dossier::testing::CommandResult run_command(const std::string& command,
                                            const std::filesystem::path& cwd) {
    return dossier::testing::run_shell(command, {dossier::testing::Stderr::Apart, cwd});
}

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

// Two documents (one Russian), five entities with Cyrillic and Chinese names, four relations
// with evidence spans cut from the documents.
class ExportCommand : public ::testing::Test {
protected:
    void SetUp() override {
        auto project = store::Project::open(project_path, store::OpenMode::CreateIfMissing);
        store::Transaction tx(project);
        store::DocumentStore docs(project);
        const std::string english =
            "Memorandum. Zhou Enlai met the minister in Havana. The ministry wrote to Cuba.";
        const std::string russian = "Телеграмма. Громыко встретился с Чжоу Эньлаем.";
        auto add_doc = [&](const std::string& key, const std::string& title,
                           const std::string& date, const std::string& text) {
            Document d;
            d.sha256 = "sha-" + key;
            d.source_path = key + ".txt";
            d.format = "text";
            d.title = title;
            d.date = *parse_iso_date(date);
            d.text = text;
            return docs.insert(d, text.size());
        };
        const auto memo = add_doc("memo", "Memorandum of conversation", "1962-10-18", english);
        const auto cable = add_doc("cable", "Телеграмма из Москвы", "1962-10", russian);
        store::GraphSourceWriter w(project);
        const auto gromyko = w.add_entity(EntityType::Person, "Андрей Громыко");
        const auto zhou = w.add_entity(EntityType::Person, "周恩来");
        const auto ministry = w.add_entity(EntityType::Organization, "Ministry of Foreign Affairs");
        const auto cuba = w.add_entity(EntityType::Country, "Cuba");
        const auto havana = w.add_entity(EntityType::Place, "Havana");
        w.add_alias(zhou, "Zhou Enlai");
        auto span = [](const std::string& text, const std::string& sentence) {
            const auto at = text.find(sentence);
            return std::pair<std::uint32_t, std::uint32_t>(
                static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + sentence.size()));
        };
        auto relate = [&](const std::string& type, EntityId a, EntityId b, bool directed,
                          double weight, DocumentId doc, const std::string& text,
                          const std::string& sentence, const std::string& date) {
            const auto id = w.add_relation(type, a, b, directed, weight, date, date);
            const auto [start, end] = span(text, sentence);
            w.add_evidence(id, doc, start, end);
        };
        relate("met_with", gromyko, zhou, false, 2, cable, russian,
               "Громыко встретился с Чжоу Эньлаем.", "1962-10");
        relate("met_with", zhou, ministry, false, 1, memo, english,
               "Zhou Enlai met the minister in Havana.", "1962-10-18");
        relate("located_in", zhou, havana, true, 1, memo, english,
               "Zhou Enlai met the minister in Havana.", "1962-10-18");
        relate("refers_to", ministry, cuba, true, 3, memo, english, "The ministry wrote to Cuba.",
               "1962-10-18");
        tx.commit();
    }

    dossier::testing::CommandResult dossier(const std::string& arguments) {
        return run_command(std::string(DOSSIER_CLI) + " " + arguments, dir.path());
    }
    std::string project() const { return quoted(project_path.string()); }
    std::string path(const std::string& name) const { return quoted((dir / name).string()); }

    TempDir dir;
    std::filesystem::path project_path = dir / "fixture.dossier";
};

TEST_F(ExportCommand, SvgHoldsEveryEntityLabelAndTheEvidenceAppendixEverySentence) {
    const auto run = dossier(
        "export " + project() + " --format svg -o " + path("net.svg") +
        " --layout neato --seed 3 --legend --size-by degree --title 'Contacts 1962' --evidence " +
        path("evidence.csv"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    pugi::xml_document svg;
    ASSERT_TRUE(svg.load_file((dir / "net.svg").c_str()));
    std::string all_text;
    for (const auto& text : svg.select_nodes("//*[local-name()='text']"))
        all_text += std::string(text.node().child_value()) + "\n";
    for (const char* label : {"Андрей Громыко", "周恩来", "Ministry of Foreign Affairs", "Cuba",
                              "Havana", "Contacts 1962"})
        EXPECT_NE(all_text.find(label), std::string::npos) << label;

    const auto evidence = read_file(dir / "evidence.csv");
    EXPECT_EQ(std::count(evidence.begin(), evidence.end(), '\n'), 5) << evidence; // header + 4 rows
    EXPECT_NE(evidence.find("met_with,Андрей Громыко,周恩来,Телеграмма из Москвы,"),
              std::string::npos)
        << evidence;
    EXPECT_NE(evidence.find("Громыко встретился с Чжоу Эньлаем."), std::string::npos) << evidence;
    EXPECT_NE(evidence.find("The ministry wrote to Cuba."), std::string::npos) << evidence;
}

TEST_F(ExportCommand, TheSavedViewRegeneratesAByteIdenticalFigure) {
    auto first = dossier(
        "export " + project() + " --format svg -o " + path("a.svg") +
        " --layout sfdp --seed 11 --palette grayscale --legend --width 120mm --height 90mm" +
        " --save-view " + path("view.json"));
    ASSERT_EQ(first.exit_code, 0) << first.err;
    const auto view = nlohmann::json::parse(read_file(dir / "view.json"));
    EXPECT_EQ(view["layout"]["engine"], "sfdp");
    EXPECT_EQ(view["layout"]["seed"], 11);
    EXPECT_EQ(view["style"]["palette"], "grayscale");
    auto second =
        dossier("export " + project() + " --view " + path("view.json") + " -o " + path("b.svg"));
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(read_file(dir / "a.svg"), read_file(dir / "b.svg"));
    auto png_a = dossier("export " + project() + " --view " + path("view.json") +
                         " --format png --dpi 100 -o " + path("a.png"));
    auto png_b = dossier("export " + project() + " --view " + path("view.json") +
                         " --format png --dpi 100 -o " + path("b.png"));
    ASSERT_EQ(png_a.exit_code, 0) << png_a.err;
    ASSERT_EQ(png_b.exit_code, 0) << png_b.err;
    EXPECT_EQ(read_file(dir / "a.png"), read_file(dir / "b.png"));
}

TEST_F(ExportCommand, PdfHasEmbeddedFontsAndTheUnicodeLabels) {
    const auto run =
        dossier("export " + project() + " --format pdf -o " + path("net.pdf") + " --layout neato");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto fonts = run_command("pdffonts " + path("net.pdf"), dir.path());
    // Columns: name type encoding emb sub uni object ID; the "emb" column must say yes.
    std::istringstream lines(fonts.out);
    std::string line;
    int font_rows = 0;
    while (std::getline(lines, line)) {
        if (line.empty() || line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0)
            continue;
        std::istringstream columns(line);
        std::vector<std::string> words{std::istream_iterator<std::string>(columns), {}};
        ASSERT_GE(words.size(), 7u) << line;
        EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << line;
        ++font_rows;
    }
    EXPECT_GE(font_rows, 2) << fonts.out;
    const auto text = run_command("pdftotext " + path("net.pdf") + " -", dir.path());
    EXPECT_NE(text.out.find("Андрей Громыко"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("周恩来"), std::string::npos) << text.out;
}

TEST_F(ExportCommand, DataFormatsCarryEveryEntityAndRelation) {
    ASSERT_EQ(
        dossier("export " + project() + " --format graphml -o " + path("net.graphml")).exit_code,
        0);
    ASSERT_EQ(dossier("export " + project() + " --format json -o " + path("net.json")).exit_code,
              0);
    ASSERT_EQ(dossier("export " + project() + " --format dot -o " + path("net.dot")).exit_code, 0);
    ASSERT_EQ(
        dossier("export " + project() + " --format gexf -o " + path("net.gexf") + " --layout neato")
            .exit_code,
        0);
    ASSERT_EQ(dossier("export " + project() + " --format csv -o " + path("net.csv")).exit_code, 0);

    const auto json = nlohmann::json::parse(read_file(dir / "net.json"));
    EXPECT_EQ(json["elements"]["nodes"].size(), 5u);
    EXPECT_EQ(json["elements"]["edges"].size(), 4u);
    EXPECT_FALSE(json["elements"]["nodes"][0].contains("position")) << "no layout was asked for";

    pugi::xml_document gexf;
    ASSERT_TRUE(gexf.load_file((dir / "net.gexf").c_str()));
    EXPECT_EQ(gexf.select_nodes("//*[local-name()='position']").size(), 5u)
        << "a layout was asked for";

    const auto nodes = read_file(dir / "net-nodes.csv");
    const auto edges = read_file(dir / "net-edges.csv");
    EXPECT_EQ(std::count(nodes.begin(), nodes.end(), '\n'), 6);
    EXPECT_EQ(std::count(edges.begin(), edges.end(), '\n'), 5);
    EXPECT_EQ(run_command("dot -Tcanon " + path("net.dot") + " >/dev/null", dir.path()).exit_code,
              0);
}

TEST_F(ExportCommand, BadOptionsGiveOneLineErrorsAndNoFile) {
    auto run = dossier("export " + project() + " --format bmp -o " + path("x.bmp"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_NE(run.err.find("unknown format 'bmp'"), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.bmp"));

    run = dossier("export " + project() + " --width 12furlongs -o " + path("x.svg"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("12furlongs"), std::string::npos) << run.err;

    run = dossier("export " + project() + " --layout spring -o " + path("x.svg"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("spring"), std::string::npos) << run.err;

    run = dossier("export " + project() + " -o " + path("missing/x.svg"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("cannot write"), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.svg"));
}

} // namespace
} // namespace dossier::exporting
