// One batch through the real `dossier import` with a good file and one file of each hostile kind:
// exit code 2, each bad file named on exactly one stderr line with its reason, the good files
// imported, the project valid.
#include "child_process.h"
#include "dossier/store/document_store.h"
#include "hostile_support.h"
#include "pdf_writer.h"
#include "test_support.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>

namespace dossier::testing {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    return lines;
}

TEST(CliBatchHostile, EachBadFileIsNamedOnOneLineAndTheRestImports) {
    TempDir dir;
    const auto corpus = dir / "corpus";
    write_file(corpus / "good-cable.txt",
               "TELEGRAM 1\nFROM: CONSULATE\nThe harbour works resumed.\n");
    write_file(corpus / "good-scan-with-text.pdf",
               pdf_with_text_pages({"A despatch with a text layer"}));
    // name -> what the reason must mention
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"locked.pdf", "encrypted"}, {"scan.pdf", "OCR"},        {"truncated.pdf", "PDF"},
        {"binary.txt", "binary"},    {"open-quote.csv", "line"}, {"huge.txt", "size limit"},
        {"broken.xml", "XML"},
    };
    write_file(corpus / "locked.pdf", pdf_hand_encrypted());
    write_file(corpus / "scan.pdf", pdf_image_only());
    const auto whole = pdf_with_text_pages({"cut off"});
    write_file(corpus / "truncated.pdf", whole.substr(0, whole.size() / 3));
    write_file(corpus / "binary.txt", std::string("\x7F"
                                                  "ELF\0\0\0\0\x01\x02\x03\0\0\0\0",
                                                  16) +
                                          std::string(4096, '\0'));
    write_file(corpus / "open-quote.csv", "id,title,text\n1,A,\"never closed\n");
    write_file(corpus / "huge.txt", "");
    std::filesystem::resize_file(corpus / "huge.txt", 3u << 20); // sparse, over --max-size 1MiB
    write_file(corpus / "broken.xml",
               "<?xml version=\"1.0\"?><TEI><text><body><p>unclosed</body></TEI>");

    const auto project = dir / "p.dossier";
    const auto result = run_program({DOSSIER_CLI, "import", project.string(), corpus.string(),
                                     "--no-extract", "--max-size", "1MiB"});
    EXPECT_TRUE(result.exited) << "killed by signal " << result.signal;
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    const auto err_lines = lines_of(result.err);
    for (const auto& [name, reason] : bad) {
        int naming = 0;
        for (const auto& line : err_lines) {
            if (line.find(name) == std::string::npos)
                continue;
            ++naming;
            EXPECT_NE(line.find(reason), std::string::npos) << name << ": " << line;
        }
        EXPECT_EQ(naming, 1) << name << " is not named on exactly one line:\n" << result.err;
    }
    EXPECT_EQ(err_lines.size(), bad.size()) << result.err;
    EXPECT_EQ(result.err.find("good-"), std::string::npos) << result.err;

    auto opened = store::Project::open(project);
    EXPECT_EQ(opened.integrity_check(), "ok");
    EXPECT_EQ(store::DocumentStore(opened).count(), 2u);
}

} // namespace
} // namespace dossier::testing
