// Broken and hostile scans through the real `dossier import`: each bad file is named on one line
// with its reason, the rest is imported, and memory stays bounded.
#include "child_process.h"
#include "dossier/importers/image_decoding.h"
#include "dossier/importers/tessdata.h"
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "ocr_test_support.h"
#include "page_images.h"

#include <array>

using namespace dossier;
using namespace dossier::testing;

namespace {

std::uint32_t crc32_of(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string big_endian(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
    return big_endian(static_cast<std::uint32_t>(data.size())) + type + data +
           big_endian(crc32_of(type + data));
}

// A PNG whose header claims 60,000 x 60,000 grey pixels (3.6 GB decoded); the data that follows
// is a few bytes: it must be refused by the header alone.
std::string decompression_bomb_png() {
    const std::string ihdr =
        big_endian(60000) + big_endian(60000) + std::string("\x08\x00\x00\x00\x00", 5);
    const std::string idat("\x78\x9c\x63\x00\x00\x00\x01\x00\x01", 9);
    return "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", ihdr) + png_chunk("IDAT", idat) +
           png_chunk("IEND", "");
}

// `count` US-letter pages sharing one empty content stream.
std::string blank_pages_pdf(std::size_t count) {
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    auto add = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    std::string kids;
    for (std::size_t i = 0; i < count; ++i)
        kids += std::to_string(4 + i) + " 0 R ";
    add("<< /Type /Catalog /Pages 2 0 R >>");
    add("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count) + " >>");
    add("<< /Length 0 >>\nstream\n\nendstream");
    for (std::size_t i = 0; i < count; ++i)
        add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>");
    const auto xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (auto offset : offsets) {
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    return lines;
}

} // namespace

TEST(BadScans, DecompressionBombIsRefusedByItsHeaderBeforeDecoding) {
    const auto page = importers::decode_image_page(decompression_bomb_png(), 0);
    EXPECT_TRUE(page.image.pixels.empty());
    EXPECT_EQ(page.error, "60000 x 60000 pixels is over the limit of 80 million pixels for one "
                          "page (refused before decoding)");
}

TEST(BadScans, TruncatedTiffNamesThePageThatCannotBeRead) {
    const auto pages = render_pages(typewriter_lines(seed_cable_text()), 150);
    ASSERT_GE(pages.size(), 2u);
    const auto tiff = multipage_tiff(pages);
    const auto cut = tiff.substr(0, tiff.size() * 6 / 10);
    std::string error;
    try {
        const auto count = importers::image_page_count(cut);
        for (std::size_t i = 0; i < count && error.empty(); ++i)
            error = importers::decode_image_page(cut, i).error;
    } catch (const importers::ImportError& e) {
        error = e.what();
    }
    EXPECT_NE(error.find("TIFF"), std::string::npos) << error;
}

TEST(BadScans, MissingLanguagePackIsNamedWithTheDebianPackage) {
    TempDir dir;
    importers::OcrSettings settings;
    settings.tessdata_dir = dir.path().string();
    settings.languages = "eng+chi_sim";
    write_file(dir / "eng.traineddata", "");
    try {
        importers::require_languages(settings);
        FAIL() << "chi_sim is not in " << dir.path();
    } catch (const importers::OcrError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "OCR language 'chi_sim' is not installed (no chi_sim.traineddata in " +
                      dir.path().string() + "; install the Debian package tesseract-ocr-chi-sim)");
    }
}

TEST(BadScans, EachBadScanIsNamedOnOneLineTheGoodOneImportsAndMemoryStaysUnderOneGiB) {
    TempDir dir;
    const auto corpus = dir / "scans";
    const auto lines = typewriter_lines(seed_cable_text());
    write_file(corpus / "good.png", encode_image(render_pages(lines, 300).at(0), "PNG"));
    const auto tiff = multipage_tiff(render_pages(lines, 150));
    write_file(corpus / "truncated.tif", tiff.substr(0, tiff.size() * 6 / 10));
    write_file(corpus / "bomb.png", decompression_bomb_png());
    write_file(corpus / "blank-5000.pdf", blank_pages_pdf(5000));

    const auto project = dir / "p.dossier";
    const auto result =
        run_program({DOSSIER_CLI, "import", project.string(), corpus.string(), "--no-extract"});
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    const std::array<std::pair<std::string, std::string>, 3> bad = {{
        {"truncated.tif", "TIFF"},
        {"bomb.png", "60000 x 60000 pixels"},
        {"blank-5000.pdf", "OCR read 5000 pages without a text layer and found no words"},
    }};
    const auto err_lines = lines_of(result.err);
    for (const auto& [name, reason] : bad) {
        int naming = 0;
        for (const auto& line : err_lines)
            if (line.find(name) != std::string::npos) {
                ++naming;
                EXPECT_NE(line.find(reason), std::string::npos) << line;
            }
        EXPECT_EQ(naming, 1) << name << "\n" << result.err;
    }
    EXPECT_EQ(err_lines.size(), bad.size()) << result.err;
    auto opened = store::Project::open(project);
    EXPECT_EQ(store::DocumentStore(opened).count(), 1u);
    EXPECT_LT(result.max_rss_bytes, 1ull << 30)
        << "peak RSS " << (result.max_rss_bytes >> 20) << " MiB";
}
