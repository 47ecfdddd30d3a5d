// `dossier export --citations` on the sample corpus (data/samples, imported and extracted as
// scripts/demo.sh does): every document the evidence appendix quotes is cited in the appendix and
// written once to CSL-JSON (checked against the schema's rules) and to BibTeX (read back by
// Debian's python3-bibtexparser, which reference managers' BibTeX import resembles).
#include "csl_schema.h"
#include "process.h"
#include "test_support.h"

#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace dossier::exporting {
namespace {

using dossier::testing::read_file;
using dossier::testing::TempDir;

constexpr const char* kPython = "/usr/bin/python3"; // Debian's, where python3-bibtexparser is

// Exit code and what the command printed, stderr included.
std::pair<int, std::string> run(const std::string& command) {
    auto result = dossier::testing::run_shell(command);
    return {result.exit_code, std::move(result.out)};
}

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

// RFC 4180 rows (quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                rows.back().back() += text[++i];
            else if (c == '"')
                in_quotes = false;
            else
                rows.back().back() += c;
        } else if (c == '"') {
            in_quotes = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else if (c != '\r') {
            rows.back().back() += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty())
        rows.pop_back();
    return rows;
}

// Reads a .bib file with bibtexparser (LaTeX escapes turned back into text) and prints its
// entries as JSON.
constexpr const char* kBibReader = R"PY(
import json, sys
import bibtexparser
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import convert_to_unicode
parser = BibTexParser(common_strings=True)
parser.customization = convert_to_unicode
with open(sys.argv[1], encoding="utf-8") as f:
    db = bibtexparser.load(f, parser=parser)
print(json.dumps(db.entries, ensure_ascii=False))
)PY";

class SampleCitations : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir;
        const auto samples = std::string(DOSSIER_DATA_DIR) + "/samples";
        const auto [status, out] = run(std::string(DOSSIER_CLI) + " import " + quoted(project()) +
                                       " '" + samples + "' --exclude README.md --quiet");
        ASSERT_EQ(status, 0) << out;
        const auto exported =
            run(std::string(DOSSIER_CLI) + " export " + quoted(project()) + " --format json -o " +
                quoted(path("graph.json")) + " --evidence " + quoted(path("evidence.csv")) +
                " --citations " + quoted(path("refs.json")));
        ASSERT_EQ(exported.first, 0) << exported.second;
        const auto bib =
            run(std::string(DOSSIER_CLI) + " export " + quoted(project()) + " --format json -o " +
                quoted(path("graph2.json")) + " --citations " + quoted(path("refs.bib")));
        ASSERT_EQ(bib.first, 0) << bib.second;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static std::filesystem::path project() { return dir_->path() / "samples.dossier"; }
    static std::filesystem::path path(const std::string& name) { return dir_->path() / name; }

    // document id -> the citation column of the evidence appendix
    static std::map<std::string, std::set<std::string>> appendix_citations() {
        std::map<std::string, std::set<std::string>> out;
        const auto rows = csv_rows(read_file(path("evidence.csv")));
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (rows[i].size() == 9)
                out[rows[i][4]].insert(rows[i][8]);
        return out;
    }

    static TempDir* dir_;
};
TempDir* SampleCitations::dir_ = nullptr;

TEST_F(SampleCitations, EveryRowOfTheAppendixCitesItsDocument) {
    const auto rows = csv_rows(read_file(path("evidence.csv")));
    ASSERT_GT(rows.size(), 10u);
    EXPECT_EQ(rows[0].back(), "citation");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 9u) << i;
        EXPECT_FALSE(rows[i][8].empty()) << i;
        EXPECT_EQ(rows[i][8].back(), '.') << rows[i][8];
    }
    // One citation per document, whichever sentence quotes it.
    for (const auto& [document, citations] : appendix_citations())
        EXPECT_EQ(citations.size(), 1u) << document;
}

TEST_F(SampleCitations, CslJsonHasOneSchemaConformingItemPerQuotedDocument) {
    const auto items = nlohmann::json::parse(read_file(path("refs.json")));
    ASSERT_TRUE(items.is_array());
    const auto quoted_documents = appendix_citations();
    ASSERT_EQ(items.size(), quoted_documents.size());
    std::set<std::string> types;
    for (const auto& item : items) {
        EXPECT_EQ(testing::csl_item_violation(item), "") << item.dump();
        const auto id = item["id"].get<std::string>();
        ASSERT_EQ(id.rfind("doc", 0), 0u);
        const auto document = id.substr(3);
        ASSERT_TRUE(quoted_documents.contains(document)) << id;
        // The note is the appendix's citation, word for word.
        EXPECT_EQ(item["note"], *quoted_documents.at(document).begin());
        types.insert(item["type"].get<std::string>());
    }
    // The TEI (FRUS-style) documents are cited in their volume with their number, the cables,
    // memoranda and protocols as manuscripts.
    EXPECT_TRUE(types.contains("document")) << items.dump(1);
    EXPECT_TRUE(types.contains("manuscript")) << items.dump(1);
    for (const auto& item : items)
        if (item["type"] == "document") {
            EXPECT_TRUE(item.contains("container-title")) << item.dump();
            EXPECT_TRUE(item.contains("number")) << item.dump();
            EXPECT_NE(item["note"].get<std::string>().find(", doc. "), std::string::npos);
        }
}

TEST_F(SampleCitations, BibtexParserReadsTheSameEntriesWithTheSameTitles) {
    const auto [ok, version] =
        run(std::string(kPython) + " -c 'import bibtexparser; print(bibtexparser.__version__)'");
    ASSERT_EQ(ok, 0) << "python3-bibtexparser is missing (scripts/setup.sh installs it): "
                     << version;
    const auto script = path("read_bib.py");
    { std::ofstream(script) << kBibReader; }
    const auto [status, out] =
        run(std::string(kPython) + " " + quoted(script) + " " + quoted(path("refs.bib")));
    ASSERT_EQ(status, 0) << out;
    const auto entries = nlohmann::json::parse(out);
    const auto items = nlohmann::json::parse(read_file(path("refs.json")));
    ASSERT_EQ(entries.size(), items.size());
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& entry : entries)
        by_id[entry["ID"].get<std::string>()] = entry;
    for (const auto& item : items) {
        const auto id = item["id"].get<std::string>();
        ASSERT_TRUE(by_id.contains(id)) << id;
        const auto& entry = by_id[id];
        EXPECT_EQ(entry["ENTRYTYPE"], "misc");
        if (item.contains("title")) {
            // {{Title}} keeps the title's case; the parser gives it back with its outer braces.
            auto title = entry["title"].get<std::string>();
            if (title.size() >= 2 && title.front() == '{' && title.back() == '}')
                title = title.substr(1, title.size() - 2);
            EXPECT_EQ(title, item["title"]) << id;
        }
        EXPECT_EQ(entry["note"], item["note"]) << id;
        if (item.contains("issued")) {
            EXPECT_EQ(entry["year"], std::to_string(item["issued"]["date-parts"][0][0].get<int>()));
        }
    }
}

TEST_F(SampleCitations, ACitationsFileThatIsNeitherJsonNorBibIsRefusedBeforeAnyWork) {
    const auto [status, out] =
        run(std::string(DOSSIER_CLI) + " export " + quoted(project()) + " --format svg -o " +
            quoted(path("never.svg")) + " --citations " + quoted(path("refs.txt")));
    EXPECT_EQ(status, 1);
    EXPECT_NE(out.find("should end in .json (CSL-JSON) or .bib (BibTeX)"), std::string::npos)
        << out;
    EXPECT_FALSE(std::filesystem::exists(path("never.svg")));
    EXPECT_FALSE(std::filesystem::exists(path("refs.txt")));
}

} // namespace
} // namespace dossier::exporting
