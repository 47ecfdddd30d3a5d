// OCR quality on damaged scans of the seed cable (typed in FreeMono, skewed, blurred, speckled,
// faint, JPEG-compressed, at 200 and 300 dpi): Dossier's character error rate against the
// `tesseract` program's on the same image files, and person mentions found in the OCR'd cable
// against the same cable imported clean.
#include "child_process.h"
#include "dossier/importers/image_importer.h"
#include "ocr_test_support.h"
#include "page_images.h"
#include "process.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

using namespace dossier;
using namespace dossier::testing;

namespace {

// Words separated by single spaces: line breaks and layout are not what CER measures here.
std::string normalized(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

double character_error_rate(const std::string& read, const std::string& truth) {
    const auto a = normalized(read), b = normalized(truth);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const auto up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return static_cast<double>(row[b.size()]) / static_cast<double>(b.size());
}

struct Damaged {
    std::string name;
    int dpi;
    ScanDamage damage;
    bool legible = true; // false: damage past what a reading room would deliver (figures only)
};

std::vector<Damaged> damaged_scans() {
    std::vector<Damaged> scans;
    ScanDamage light;
    light.skew_degrees = 0.5;
    light.ink = 60;
    light.jpeg_quality = 75;
    scans.push_back({"300 dpi, 0.5 deg skew, grey ink, JPEG 75", 300, light});
    ScanDamage heavy;
    heavy.skew_degrees = -2.0;
    heavy.ink = 110;
    heavy.blur_radius = 1;
    heavy.speckle = 0.002;
    heavy.jpeg_quality = 40;
    heavy.seed = 7;
    scans.push_back({"300 dpi, -2 deg skew, faint ink, blur, speckle, JPEG 40", 300, heavy, false});
    ScanDamage low;
    low.skew_degrees = 1.2;
    low.ink = 80;
    low.speckle = 0.001;
    low.jpeg_quality = 60;
    scans.push_back({"200 dpi, 1.2 deg skew, faint ink, speckle, JPEG 60", 200, low});
    return scans;
}

std::string tesseract_program(const std::filesystem::path& image) {
    const auto result = run_program(
        {"/usr/bin/env", "OMP_THREAD_LIMIT=1", "tesseract", image.string(), "stdout", "-l", "eng"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
}

// Person entity -> mentions, from `dossier mentions --json`.
std::map<std::string, int> person_mentions(const std::filesystem::path& project) {
    const auto run = run_cli("mentions '" + project.string() + "' --json");
    std::map<std::string, int> count;
    for (const auto& row : nlohmann::json::parse(run.out))
        if (row["type"] == "person")
            ++count[normalized(row["text"].get<std::string>())];
    return count;
}

} // namespace

TEST(OcrQuality, CharacterErrorRateOnDamagedScansIsNoWorseThanTheTesseractProgram) {
    const auto truth_lines = typewriter_lines(seed_cable_text());
    std::string truth;
    for (const auto& line : truth_lines)
        truth += line + "\n";
    const auto importer = importers::make_image_importer();
    TempDir dir;
    for (const auto& scan : damaged_scans()) {
        const auto pages = render_pages(truth_lines, scan.dpi, scan.damage);
        std::string ours, theirs;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const auto jpeg = encode_image(pages[i], "JPEG", 95);
            const auto file = dir / ("page-" + std::to_string(i) + ".jpg");
            write_file(file, jpeg);
            ours += importer->read_with(file.string(), jpeg, ocr_options()).at(0).text + "\n";
            theirs += tesseract_program(file) + "\n";
        }
        const auto our_cer = character_error_rate(ours, truth);
        const auto their_cer = character_error_rate(theirs, truth);
        std::printf("[ CER      ] %-58s dossier %.4f  tesseract %.4f\n", scan.name.c_str(), our_cer,
                    their_cer);
        EXPECT_LE(our_cer, their_cer + 1e-9) << scan.name << "\n" << ours;
        if (scan.legible) {
            EXPECT_LT(our_cer, 0.05) << scan.name << "\n" << ours;
        }
    }
}

// Recall of the clean text's person mentions (by surface, white space normalised) in the OCR'd one.
double person_recall(const std::filesystem::path& clean_project,
                     const std::filesystem::path& ocr_project) {
    const auto clean = person_mentions(clean_project);
    const auto ocrd = person_mentions(ocr_project);
    int expected = 0, found = 0;
    for (const auto& [surface, count] : clean) {
        expected += count;
        const auto it = ocrd.find(surface);
        found += std::min(count, it == ocrd.end() ? 0 : it->second);
        std::printf("[ PERSON   ] %-40s clean %d  ocr %d\n", surface.c_str(), count,
                    it == ocrd.end() ? 0 : it->second);
    }
    EXPECT_GT(expected, 5);
    return expected ? static_cast<double>(found) / expected : 0;
}

TEST(OcrQuality, PersonMentionsInTheOcrdCableStayWithinFivePointsOfTheCleanText) {
    TempDir dir;
    write_file(dir / "clean" / "cable.txt", seed_cable_text());
    ASSERT_EQ(run_cli("import '" + (dir / "clean.dossier").string() + "' '" +
                      (dir / "clean").string() + "' --quiet")
                  .exit_code,
              0);
    int n = 0;
    for (const auto& scan : damaged_scans()) {
        const auto name = "scan" + std::to_string(n++);
        const auto pages = render_pages(typewriter_lines(seed_cable_text()), scan.dpi, scan.damage);
        write_file(dir / name / "cable.tif", multipage_tiff(pages));
        const auto project = dir / (name + ".dossier");
        const auto imported =
            run_cli("import '" + project.string() + "' '" + (dir / name).string() + "' --quiet");
        ASSERT_EQ(imported.exit_code, 0) << imported.out;
        const auto recall = person_recall(dir / "clean.dossier", project);
        std::printf("[ RECALL   ] %-58s person mentions %.3f of the clean text's\n",
                    scan.name.c_str(), recall);
        if (scan.legible) {
            EXPECT_GE(recall, 0.95) << scan.name;
        }
    }
}
