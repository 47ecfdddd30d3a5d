// dossier import PROJECT PATH...: files and folders into a project, each file wholly or not at all.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/ingest/import_job.h"
#include "dossier/model/ordered_parallel.h"
#include "dossier/store/store_error.h"
#include "post_import.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace dossier::cli {
namespace {

std::string format_duration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
    return buffer;
}

// One line on stderr, redrawn in place: [#####.....] 12/40 files  3.1 MB/s  ETA 0:07  current file
void draw_progress(const ingest::ImportProgress& p) {
    constexpr int kWidth = 24;
    const double fraction =
        p.bytes_total ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                      : 1.0;
    const double seconds = std::chrono::duration<double>(p.elapsed).count();
    const double rate = seconds > 0 ? static_cast<double>(p.bytes_done) / seconds : 0;
    std::string bar(static_cast<std::size_t>(fraction * kWidth), '#');
    bar.resize(kWidth, '.');
    std::string eta = "--:--";
    if (rate > 0)
        eta = format_duration(static_cast<double>(p.bytes_total - p.bytes_done) / rate);
    std::string current = p.current_file;
    if (current.size() > 40)
        current = "..." + current.substr(current.size() - 37);
    std::string pages;
    if (p.pages_total > 0)
        pages = "  OCR page " + std::to_string(p.pages_done) + "/" + std::to_string(p.pages_total);
    std::fprintf(stderr, "\r[%s] %zu/%zu files  %.1f MB/s  ETA %s%s  %-40s", bar.c_str(), p.done,
                 p.total, rate / 1e6, eta.c_str(), pages.c_str(), current.c_str());
    std::fflush(stderr);
}

void register_import_command(CLI::App& app) {
    struct Options {
        std::string project;
        std::vector<std::string> paths;
        InputOptions input;
        bool no_extract = false;
        bool quiet = false;
        unsigned ocr_threads = 0;
        unsigned jobs = all_cores();
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "import",
        "Import files and folders into a project (created if missing); documents already present "
        "(same content hash) are skipped. Exit 0: all imported; 2: some inputs failed; 1: nothing "
        "could be done.");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command->add_option("PATH", options->paths, "Files or folders (folders are read recursively)")
        ->required();
    add_input_options(command, options->input);
    command->add_flag("--no-extract", options->no_extract, "Import only; do not run extraction");
    command
        ->add_option("--jobs,-j", options->jobs,
                     "Files read and documents extracted at once (default: every core); the "
                     "project is the same for any number")
        ->check(CLI::Range(1u, 1024u));
    command->add_flag("--quiet", options->quiet, "No progress bar and no summary, only failures");

    set_action(command, [options]() -> int {
        const auto max_size = checked_size_and_languages(options->input);
        if (!max_size)
            return kFailure;
        auto project = open_project(options->project, store::OpenMode::CreateIfMissing);
        if (project.read_only()) {
            print_error(options->project + " : the project file is read-only");
            return kFailure;
        }

        ingest::ImportOptions import;
        for (const auto& p : options->paths)
            import.inputs.emplace_back(p);
        import.include = options->input.include;
        import.exclude = options->input.exclude;
        import.max_file_bytes = *max_size;
        import.format = options->input.format;
        import.ocr.mode = options->input.ocr == "never"    ? importers::OcrMode::Never
                          : options->input.ocr == "always" ? importers::OcrMode::Always
                                                           : importers::OcrMode::Auto;
        import.ocr.languages = options->input.ocr_lang;
        import.ocr.threads = options->ocr_threads;
        import.jobs = options->jobs;
        const bool show_progress = !options->quiet && stderr_is_terminal();
        if (show_progress)
            import.control.progress = draw_progress;

        ingest::ImportResult result;
        try {
            result = ingest::ImportJob(std::move(import)).run(project);
        } catch (const store::StoreError& e) {
            if (show_progress)
                std::fputc('\n', stderr);
            print_error(options->project + " : " + e.what());
            return kFailure;
        }
        if (show_progress)
            std::fprintf(stderr, "\r%*s\r", 120, "");

        after_import(project, result.imported, !options->no_extract, options->jobs);

        for (const auto& failure : result.failed)
            std::cerr << "FAILED " << failure.path << ": " << failure.reason << '\n';
        if (!options->quiet) {
            std::cout << "imported " << result.imported.size() << ", skipped "
                      << result.skipped.size() << " (already present), failed "
                      << result.failed.size() << '\n';
            if (result.cancelled)
                std::cout << "cancelled before the end; run the same import again to complete it\n";
        }
        if (result.failed.empty())
            return result.files_seen == 0
                       ? (print_error("no files to import in the given paths"), kFailure)
                       : kOk;
        const bool something_went_through = !result.imported.empty() || !result.skipped.empty();
        return something_went_through ? kPartial : kFailure;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_import_command);

} // namespace dossier::cli
