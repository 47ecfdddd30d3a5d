// OCR throughput: Dossier's page-parallel Tesseract (one engine per worker thread) against the
// `tesseract` program run one process per page with OMP_THREAD_LIMIT=1, on the same page images
// in the same run. Pages: the seed cable typed in FreeMono at 300 dpi with light scan damage
// (tests/ocr/page_images.cpp). Wall time per batch of pages; see docs/PERFORMANCE.md.
//   build/bench/ocr_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include "../tests/ocr/page_images.h"
#include "dossier/importers/image_decoding.h"
#include "dossier/importers/openmp_limit.h"
#include "dossier/importers/page_ocr.h"

#include <benchmark/benchmark.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace dossier;

constexpr std::size_t kPages = 4;

// CPU seconds (user + system) used so far by this process (RUSAGE_SELF: every worker thread) or
// by its finished children (RUSAGE_CHILDREN: the tesseract processes). Wall time over CPU time
// says how many cores the work got: on a shared machine the limit of a speed-up.
double cpu_seconds(int who) {
    rusage usage{};
    ::getrusage(who, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Counters: CPU seconds per page, and the cores the run got on average (CPU time / wall time).
void count_cpu(benchmark::State& state, double cpu, double wall, std::size_t pages) {
    state.counters["cpu_s_per_page"] = cpu / static_cast<double>(pages);
    state.counters["cores_used"] = wall > 0 ? cpu / wall : 0;
}

double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Pages {
    std::filesystem::path folder;
    std::vector<std::string> png; // encoded, as files hold them
    std::vector<std::filesystem::path> files;
};

std::string read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const Pages& pages() {
    static const Pages made = [] {
        Pages p;
        p.folder = std::filesystem::temp_directory_path() /
                   ("dossier-ocr-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(p.folder);
        const auto text = read_whole(std::filesystem::path(DOSSIER_DATA_DIR) / "samples" /
                                     "state-telegram-1742-1980.txt");
        auto lines = testing::typewriter_lines(text + "\n" + text + "\n" + text + "\n" + text);
        testing::ScanDamage damage;
        damage.skew_degrees = 0.7;
        damage.ink = 40;
        damage.speckle = 0.0005;
        const auto images = testing::render_pages(lines, 300, damage, kPages);
        for (std::size_t i = 0; i < images.size(); ++i) {
            p.png.push_back(testing::encode_image(images[i], "PNG"));
            p.files.push_back(p.folder / ("page-" + std::to_string(i + 1) + ".png"));
            std::ofstream(p.files.back(), std::ios::binary) << p.png.back();
        }
        return p;
    }();
    return made;
}

void dossier_pages(benchmark::State& state) {
    const auto& p = pages();
    importers::ReadOptions options;
    options.ocr.threads = static_cast<unsigned>(state.range(0));
    double cpu = 0, wall = 0;
    for (auto _ : state) {
        const double cpu_before = cpu_seconds(RUSAGE_SELF), wall_before = wall_seconds();
        auto texts = importers::read_pages(
            p.png.size(), [&](std::size_t i) { return importers::decode_image_page(p.png[i], 0); },
            options);
        benchmark::DoNotOptimize(texts);
        cpu += cpu_seconds(RUSAGE_SELF) - cpu_before;
        wall += wall_seconds() - wall_before;
    }
    state.counters["pages"] = static_cast<double>(p.png.size());
    count_cpu(state, cpu, wall, p.png.size());
}

pid_t start_tesseract(const std::filesystem::path& image, const std::filesystem::path& out) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("OMP_THREAD_LIMIT", "1", 1);
        std::freopen("/dev/null", "w", stderr);
        ::execlp("tesseract", "tesseract", image.c_str(), out.c_str(), "-l", "eng",
                 static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// The `tesseract` program, one process per page, `range(0)` processes at a time.
void tesseract_program(benchmark::State& state) {
    const auto& p = pages();
    const auto parallel = static_cast<std::size_t>(state.range(0));
    double cpu = 0, wall = 0;
    for (auto _ : state) {
        const double cpu_before = cpu_seconds(RUSAGE_CHILDREN), wall_before = wall_seconds();
        std::size_t next = 0, running = 0;
        while (next < p.files.size() || running > 0) {
            while (running < parallel && next < p.files.size()) {
                start_tesseract(p.files[next], p.folder / ("out-" + std::to_string(next)));
                ++next;
                ++running;
            }
            int status = 0;
            if (::wait(&status) > 0)
                --running;
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                state.SkipWithError("tesseract failed");
        }
        cpu += cpu_seconds(RUSAGE_CHILDREN) - cpu_before;
        wall += wall_seconds() - wall_before;
    }
    state.counters["pages"] = static_cast<double>(p.files.size());
    count_cpu(state, cpu, wall, p.files.size());
}

BENCHMARK(dossier_pages)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK(tesseract_program)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    dossier::importers::restart_with_single_threaded_openmp(argv);
    // bench/ocr_vs_ocrmypdf.sh: the same pages as an image-only PDF, for the analyst's route.
    if (argc == 3 && std::string(argv[1]) == "--write-scan-pdf") {
        const auto& p = pages();
        std::vector<QImage> images;
        for (const auto& png : p.png)
            images.push_back(QImage::fromData(reinterpret_cast<const uchar*>(png.data()),
                                              static_cast<int>(png.size()), "PNG"));
        std::ofstream(argv[2], std::ios::binary) << testing::image_only_pdf(images, 300);
        std::filesystem::remove_all(p.folder);
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    std::filesystem::remove_all(pages().folder);
    return 0;
}
