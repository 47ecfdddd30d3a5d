// The real `dossier` binary on a scanned PDF: import with OCR, mentions with page and box, the
// evidence appendix with page numbers, and the --ocr / --ocr-lang options.
#include "ocr_test_support.h"
#include "page_images.h"
#include "process.h"

#include <nlohmann/json.hpp>

using namespace dossier::testing;

namespace {

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

// Fields of one CSV record (RFC 4180 quotes).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted_field = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted_field) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += '"', ++i;
            else if (c == '"')
                quoted_field = false;
            else
                fields.back() += c;
        } else if (c == '"') {
            quoted_field = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

struct ScannedCable {
    TempDir dir;
    std::filesystem::path pdf = dir / "cable-scan.pdf";
    std::filesystem::path project = dir / "p.dossier";
    ScannedCable() {
        write_file(pdf,
                   image_only_pdf(render_pages(typewriter_lines(seed_cable_text()), 300), 300));
    }
};

} // namespace

TEST(OcrCli, ScannedCableMentionsCarryPageAndBoxAndEvidenceCitesPages) {
    ScannedCable scan;
    const auto imported = run_cli("import " + quoted(scan.project) + " " + quoted(scan.pdf));
    ASSERT_EQ(imported.exit_code, 0) << imported.out;
    const auto mentions = run_cli("mentions " + quoted(scan.project) + " --json");
    ASSERT_EQ(mentions.exit_code, 0) << mentions.out;
    const auto rows = nlohmann::json::parse(mentions.out);
    int kuznetsov = 0;
    for (const auto& row : rows) {
        ASSERT_TRUE(row.contains("page")) << row.dump();
        EXPECT_GE(row["page"].get<int>(), 1);
        EXPECT_EQ(row["dpi"].get<int>(), 300);
        const auto& box = row["box"];
        EXPECT_LT(box["left"].get<int>(), box["right"].get<int>()) << row.dump();
        EXPECT_LT(box["top"].get<int>(), box["bottom"].get<int>()) << row.dump();
        EXPECT_LE(box["right"].get<int>(), 2550);
        EXPECT_LE(box["bottom"].get<int>(), 3300);
        EXPECT_LE(row["line_box"]["left"].get<int>(), box["left"].get<int>());
        if (row["name"].get<std::string>().find("Kuznetsov") != std::string::npos)
            ++kuznetsov;
    }
    EXPECT_GE(kuznetsov, 2) << mentions.out;

    const auto evidence = scan.dir / "evidence.csv";
    const auto exported = run_cli("export " + quoted(scan.project) + " --format svg -o " +
                                  quoted(scan.dir / "net.svg") + " --evidence " + quoted(evidence));
    ASSERT_EQ(exported.exit_code, 0) << exported.out;
    // Records end in CRLF; a sentence may hold a bare LF inside its quotes.
    std::vector<std::string> records;
    const auto csv = read_file(evidence);
    for (std::size_t at = 0, end; at < csv.size(); at = end + 2) {
        end = csv.find("\r\n", at);
        if (end == std::string::npos)
            end = csv.size();
        records.push_back(csv.substr(at, end - at));
    }
    ASSERT_FALSE(records.empty());
    ASSERT_EQ(csv_fields(records[0]).at(6), "page");
    int rows_with_page = 0;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& line = records[r];
        const auto fields = csv_fields(line);
        ASSERT_GE(fields.size(), 8u) << line;
        EXPECT_FALSE(fields[6].empty()) << line;
        rows_with_page += !fields[6].empty();
    }
    EXPECT_GT(rows_with_page, 0);
}

TEST(OcrCli, OcrNeverRefusesTheScanAndAMissingLanguageNamesItsPackage) {
    ScannedCable scan;
    const auto never = run_cli("import " + quoted(scan.project) + " " + quoted(scan.pdf) +
                               " --ocr never --no-extract --quiet");
    EXPECT_EQ(never.exit_code, 1) << never.out;
    EXPECT_NE(never.out.find("no text layer; OCR needed"), std::string::npos) << never.out;

    // A tessdata folder holding English only: Russian is "not installed" there.
    const auto tessdata = scan.dir / "tessdata";
    std::filesystem::create_directories(tessdata);
    std::filesystem::create_symlink("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata",
                                    tessdata / "eng.traineddata");
    ::setenv("TESSDATA_PREFIX", tessdata.c_str(), 1);
    const auto missing = run_cli("import " + quoted(scan.project) + " " + quoted(scan.pdf) +
                                 " --ocr-lang eng+rus --no-extract --quiet");
    ::unsetenv("TESSDATA_PREFIX");
    EXPECT_EQ(missing.exit_code, 1) << missing.out;
    EXPECT_NE(missing.out.find("OCR language 'rus' is not installed"), std::string::npos)
        << missing.out;
    EXPECT_NE(missing.out.find("tesseract-ocr-rus"), std::string::npos) << missing.out;

    const auto bad = run_cli("import " + quoted(scan.project) + " " + quoted(scan.pdf) +
                             " --ocr-lang 'eng;rm' --quiet");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.out.find("--ocr-lang"), std::string::npos) << bad.out;
}
