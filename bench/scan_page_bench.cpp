// A scanned page read again for the explorer's evidence (gui/src/panels/scan_evidence.cpp): what
// the UI thread pays, before the first crop of a page, to check the file's hash and decode the
// image (PNG, JPEG) or render the PDF page as the importer rendered it for OCR (poppler, 300 dpi,
// grey). The same page each time: the seed cable typed in FreeMono at 300 dpi
// (tests/ocr/page_images.cpp), US letter, 2550 x 3300 pixels. See docs/PERFORMANCE.md.
//   build/bench/scan_page_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "../tests/ocr/page_images.h"
#include "dossier/importers/image_decoding.h"
#include "dossier/importers/pdf_page_image.h"
#include "dossier/ingest/content_hash.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using namespace dossier;

struct PageFiles {
    std::string png;
    std::string jpeg;
    std::string pdf; // image-only, as scanners write them
};

const PageFiles& page_files() {
    static const PageFiles made = [] {
        std::ifstream in(std::filesystem::path(DOSSIER_DATA_DIR) / "samples" /
                             "state-telegram-1742-1980.txt",
                         std::ios::binary);
        const std::string text(std::istreambuf_iterator<char>(in), {});
        const auto page = testing::render_pages(testing::typewriter_lines(text), 300).at(0);
        return PageFiles{testing::encode_image(page, "PNG"),
                         testing::encode_image(page, "JPEG", 85),
                         testing::image_only_pdf({page}, 300)};
    }();
    return made;
}

template <class Read>
void read_again(benchmark::State& state, const std::string& bytes, Read read) {
    for (auto _ : state) {
        auto hash = ingest::sha256_hex(bytes);
        auto page = read(bytes);
        if (!page.error.empty() || page.image.pixels.empty())
            state.SkipWithError(page.error.empty() ? "no pixels" : page.error.c_str());
        benchmark::DoNotOptimize(hash);
        benchmark::DoNotOptimize(page);
    }
    state.counters["file_kb"] = static_cast<double>(bytes.size()) / 1024.0;
}

void png_decoded(benchmark::State& state) {
    read_again(state, page_files().png,
               [](const std::string& b) { return importers::decode_image_page(b, 0); });
}

void jpeg_decoded(benchmark::State& state) {
    read_again(state, page_files().jpeg,
               [](const std::string& b) { return importers::decode_image_page(b, 0); });
}

void pdf_rendered(benchmark::State& state) {
    read_again(state, page_files().pdf,
               [](const std::string& b) { return importers::render_pdf_page(b, 0); });
}

BENCHMARK(png_decoded)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(jpeg_decoded)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(pdf_rendered)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
