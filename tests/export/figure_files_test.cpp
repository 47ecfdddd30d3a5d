// SVG, PDF and PNG through the one renderer, checked with real readers: pugixml for the SVG,
// poppler's pdfinfo/pdffonts/pdftotext for the PDF, Qt's PNG reader for the image.
#include "dossier/export/figure_builder.h"
#include "dossier/export/figure_files.h"
#include "dossier/export/page_length.h"
#include "dossier/layout/graphviz_layout.h"
#include "gui_application.h"
#include "process.h"
#include "sample_graph.h"
#include "test_support.h"

#include <QImage>
#include <chrono>
#include <cstdlib>
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <set>
#include <thread>

namespace dossier::exporting {
namespace {

using dossier::testing::read_file;
using dossier::testing::TempDir;

// What the command prints on stdout.
std::string run(const std::string& command) {
    return dossier::testing::run_shell(command, {dossier::testing::Stderr::Apart}).out;
}

class FigureFiles : public ::testing::Test {
protected:
    void SetUp() override {
        dossier::testing::ensure_gui_application();
        options.style.size_by = "pagerank";
        options.style.legend = true;
        options.style.title = "Contacts, October 1962";
        options.style.caption = "Fixture graph written for the Dossier tests.";
        options.layout.engine = layout::Engine::Neato;
        options.layout_engine_chosen = true;
    }
    render::Figure figure() {
        layout::GraphvizLayout graphviz;
        const auto placed = graphviz.run(make_layout_request(graph, options));
        EXPECT_TRUE(placed.ok) << placed.error;
        return build_figure(graph, placed, options.style);
    }
    PageSetup page() const { return {parse_page_length("180mm"), parse_page_length("120mm"), 300}; }
    TempDir dir;
    ExportGraph graph = testing::sample_graph();
    ViewOptions options;
};

void collect_text(const pugi::xml_node& node, std::set<std::string>& texts) {
    for (const auto& child : node.children()) {
        if (std::string(child.name()) == "text") {
            std::string text;
            for (const auto& piece : child.select_nodes(".//text()"))
                text += piece.node().value();
            texts.insert(text);
        }
        collect_text(child, texts);
    }
}

TEST_F(FigureFiles, SvgIsWellFormedAndItsTextElementsHoldEveryLabel) {
    const auto path = dir / "figure.svg";
    const auto report = write_svg(path, figure(), page());
    EXPECT_TRUE(report.labels.dropped.empty());
    pugi::xml_document svg;
    const auto parsed = svg.load_file(path.c_str());
    ASSERT_TRUE(parsed) << parsed.description();
    EXPECT_STREQ(svg.document_element().name(), "svg");
    std::set<std::string> texts;
    collect_text(svg, texts);
    for (const auto& node : graph.nodes)
        EXPECT_TRUE(texts.count(node.label)) << "no <text> holds " << node.label;
    EXPECT_TRUE(texts.count("Андрей Громыко"));
    EXPECT_TRUE(texts.count("周恩来"));
    EXPECT_TRUE(texts.count("Contacts, October 1962"));
    EXPECT_TRUE(texts.count("person")) << "legend entry for the type";
}

TEST_F(FigureFiles, PdfHasThePageSizeAskedForAndEmbedsEveryFont) {
    const auto path = dir / "figure.pdf";
    write_pdf(path, figure(), page());
    const auto info = run("pdfinfo " + path.string());
    // 180 x 120 mm = 510.24 x 340.16 pt; Qt's PDF engine writes the page box in whole points.
    EXPECT_NE(info.find("Page size:       510 x 340 pts"), std::string::npos) << info;
    const auto fonts = run("pdffonts " + path.string());
    std::istringstream lines(fonts);
    std::string line;
    int font_rows = 0;
    bool cjk = false;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty())
            continue;
        ++font_rows;
        // Columns: name type encoding emb sub uni object ID; "emb" must be "yes".
        std::istringstream columns(line);
        std::vector<std::string> words{std::istream_iterator<std::string>(columns), {}};
        ASSERT_GE(words.size(), 7u) << line;
        EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << line;
        cjk = cjk || line.find("CJK") != std::string::npos;
    }
    EXPECT_GE(font_rows, 2) << fonts;
    EXPECT_TRUE(cjk) << "the Chinese label needs a CJK font: " << fonts;
    const auto text = run("pdftotext " + path.string() + " -");
    EXPECT_NE(text.find("Андрей Громыко"), std::string::npos) << text;
    EXPECT_NE(text.find("周恩来"), std::string::npos) << text;
}

TEST_F(FigureFiles, PngPixelSizeIsPageSizeTimesDpi) {
    const auto path = dir / "figure.png";
    auto setup = page();
    setup.dpi = 150;
    write_png(path, figure(), setup);
    QImage image(QString::fromStdString(path.string()));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 1063); // 180 mm / 25.4 * 150
    EXPECT_EQ(image.height(), 709); // 120 mm / 25.4 * 150
    EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 150, 0.5);
    // The people are drawn in Okabe-Ito orange.
    int orange = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            orange += image.pixel(x, y) == qRgb(0xE6, 0x9F, 0x00) ? 1 : 0;
    EXPECT_GT(orange, 100);
}

TEST_F(FigureFiles, GrayscalePaletteDrawsOnlyGrays) {
    options.style.palette = render::Palette::Grayscale;
    const auto path = dir / "gray.png";
    auto setup = page();
    setup.dpi = 72;
    write_png(path, figure(), setup);
    QImage image(QString::fromStdString(path.string()));
    ASSERT_FALSE(image.isNull());
    int coloured = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            coloured += (qRed(p) != qGreen(p) || qGreen(p) != qBlue(p)) ? 1 : 0;
        }
    EXPECT_EQ(coloured, 0);
}

TEST_F(FigureFiles, TwoExportsWithTheSameViewAndSeedAreByteIdentical) {
    write_svg(dir / "a.svg", figure(), page());
    write_svg(dir / "b.svg", figure(), page());
    EXPECT_EQ(read_file(dir / "a.svg"), read_file(dir / "b.svg"));
    auto setup = page();
    setup.dpi = 100;
    write_png(dir / "a.png", figure(), setup);
    write_png(dir / "b.png", figure(), setup);
    EXPECT_EQ(read_file(dir / "a.png"), read_file(dir / "b.png"));
}

// Qt stamps PDFs with the creation time (whole seconds) and a random document id; the two files
// are written more than a second apart so a leftover time stamp would show.
TEST_F(FigureFiles, TwoPdfExportsWithTheSameViewAndSeedAreByteIdenticalAndValid) {
    write_pdf(dir / "a.pdf", figure(), page());
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    write_pdf(dir / "b.pdf", figure(), page());
    const auto a = read_file(dir / "a.pdf");
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a, read_file(dir / "b.pdf"));
    EXPECT_EQ(a.find("/CreationDate"), std::string::npos);
    // qpdf checks the cross-reference offsets our rewrite must have kept valid.
    const auto check = run("qpdf --check '" + (dir / "a.pdf").string() + "' 2>&1");
    EXPECT_NE(check.find("No syntax or stream encoding errors found"), std::string::npos) << check;
    const auto info = run("pdfinfo '" + (dir / "a.pdf").string() + "' 2>&1");
    EXPECT_NE(info.find("Contacts, October 1962"), std::string::npos) << info;
}

// With SOURCE_DATE_EPOCH set (the reproducible-builds convention) the date is that one.
TEST_F(FigureFiles, PdfCreationDateFollowsSourceDateEpoch) {
    ::setenv("SOURCE_DATE_EPOCH", "1000000000", 1); // 2001-09-09 01:46:40 UTC
    write_pdf(dir / "dated.pdf", figure(), page());
    ::unsetenv("SOURCE_DATE_EPOCH");
    const auto pdf = read_file(dir / "dated.pdf");
    EXPECT_NE(pdf.find("/CreationDate (D:20010909014640"), std::string::npos);
    const auto check = run("qpdf --check '" + (dir / "dated.pdf").string() + "' 2>&1");
    EXPECT_NE(check.find("No syntax or stream encoding errors found"), std::string::npos) << check;
}

TEST_F(FigureFiles, AnUnwritablePathGivesAClearErrorAndNoFile) {
    const auto path = dir / "missing-folder" / "figure.svg";
    EXPECT_THROW(write_svg(path, figure(), page()), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(PageLength, ReadsMillimetresCentimetresInchesAndPoints) {
    EXPECT_NEAR(parse_page_length("180mm"), 510.236, 0.001);
    EXPECT_NEAR(parse_page_length("18cm"), 510.236, 0.001);
    EXPECT_DOUBLE_EQ(parse_page_length("7in"), 504);
    EXPECT_DOUBLE_EQ(parse_page_length("500pt"), 500);
    EXPECT_THROW(parse_page_length("wide"), std::invalid_argument);
    EXPECT_THROW(parse_page_length("12furlongs"), std::invalid_argument);
}

} // namespace
} // namespace dossier::exporting
