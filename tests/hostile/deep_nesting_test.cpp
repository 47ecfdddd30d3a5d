// A million nested elements (TEI, HTML, a TEI authority list) or JSON levels (a view file) through
// the real importers and the real `dossier` binary: a clear one-line refusal, never a stack
// overflow, and the other files of the same import still go in.
#include "child_process.h"
#include "dossier/importers/html_importer.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/store/document_store.h"
#include "hostile_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace dossier::testing {
namespace {

constexpr int kLevels = 1'000'000;

std::string repeated(std::string_view piece, int times) {
    std::string out;
    out.reserve(piece.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::string deep_tei() {
    return "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>"
           "<fileDesc><titleStmt><title>Deep</title></titleStmt></fileDesc></teiHeader><text>"
           "<body><div xml:id=\"persons\"><list><item>" +
           repeated("<div>", kLevels) + "<persName xml:id=\"p1\">Deep Person</persName>" +
           repeated("</div>", kLevels) + "</item></list></div></body></text></TEI>\n";
}

std::string deep_html() {
    return "<!DOCTYPE html><html><head><title>Deep</title></head><body>" +
           repeated("<div>", kLevels) + "deepest words" + repeated("</div>", kLevels) +
           "</body></html>\n";
}

// Runs the importer in a child so a stack overflow shows as a signal, not as a dead test binary.
ProcessResult read_in_child(const importers::Importer& importer, const std::string& name,
                            const std::string& bytes) {
    return run_in_child([&] { return import_error_of(importer, name, bytes); });
}

TEST(DeepNesting, MillionLevelTeiIsRefusedWithOneLineBeforeAnyWalk) {
    const auto importer = importers::make_tei_importer();
    const auto result = read_in_child(*importer, "deep.xml", deep_tei());
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal << " (stack overflow?)";
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("nested deeper than 1000"), std::string::npos) << result.out;
    EXPECT_TRUE(is_one_line(result.out));
}

// libxml2 stops at 256 levels and returns what it read; the importer refuses the cut file.
TEST(DeepNesting, MillionLevelHtmlIsRefusedWithOneLineBeforeAnyWalk) {
    const auto importer = importers::make_html_importer();
    const auto result = read_in_child(*importer, "deep.html", deep_html());
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal << " (stack overflow?)";
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("nested deeper than 256"), std::string::npos) << result.out;
    EXPECT_TRUE(is_one_line(result.out));
}

TEST(DeepNesting, ImportOfAFolderRefusesTheDeepFilesAndImportsTheRest) {
    TempDir dir;
    const auto corpus = dir / "corpus";
    write_file(corpus / "deep.xml", deep_tei());
    write_file(corpus / "deep.html", deep_html());
    write_file(corpus / "good.txt", "TELEGRAM 1\nFROM: CONSULATE\nThe harbour works resumed.\n");
    const auto project = dir / "p.dossier";
    const auto result =
        run_program({DOSSIER_CLI, "import", project.string(), corpus.string(), "--no-extract"});
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    for (const char* name : {"deep.xml", "deep.html"}) {
        const auto at = result.err.find(name);
        ASSERT_NE(at, std::string::npos) << result.err;
        const auto line = result.err.substr(at, result.err.find('\n', at) - at);
        EXPECT_NE(line.find("nested deeper than"), std::string::npos) << line;
    }
    EXPECT_EQ(integrity_of(project), "ok");
    auto opened = store::Project::open(project, store::OpenMode::ReadOnly);
    EXPECT_EQ(store::DocumentStore(opened).count(), 1u);
}

TEST(DeepNesting, MillionLevelAuthorityListIsRefusedByTheCli) {
    TempDir dir;
    write_file(dir / "persons.xml", deep_tei());
    const auto project = dir / "p.dossier";
    store::Project::open(project, store::OpenMode::CreateIfMissing);
    const auto result = run_program(
        {DOSSIER_CLI, "authority", "import", project.string(), (dir / "persons.xml").string()});
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.err.find("nested deeper than"), std::string::npos) << result.err;
    EXPECT_TRUE(is_one_line(result.err.substr(0, result.err.find_last_not_of('\n') + 1)));
}

TEST(DeepNesting, MillionLevelViewFileIsRefusedByExport) {
    TempDir dir;
    const auto project = dir / "p.dossier";
    store::Project::open(project, store::OpenMode::CreateIfMissing);
    write_file(dir / "deep-array.json",
               "{\"layout\": " + repeated("[", kLevels) + repeated("]", kLevels) + "}");
    write_file(dir / "deep-object.json",
               "{\"export\": " + repeated("{\"a\":", kLevels) + "1" + repeated("}", kLevels) + "}");
    for (const char* view : {"deep-array.json", "deep-object.json"}) {
        const auto result = run_program({DOSSIER_CLI, "export", project.string(), "--view",
                                         (dir / view).string(), "-o", (dir / "out.svg").string()});
        ASSERT_TRUE(result.exited) << view << ": killed by signal " << result.signal;
        EXPECT_EQ(result.exit_code, 1) << view << ": " << result.err;
        EXPECT_NE(result.err.find("nested deeper than 32"), std::string::npos) << result.err;
        EXPECT_FALSE(std::filesystem::exists(dir / "out.svg"));
    }
}

} // namespace
} // namespace dossier::testing
