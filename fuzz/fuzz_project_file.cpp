// libFuzzer target: arbitrary bytes as a project file someone sent (corrupted pages, foreign
// schema objects, absurd sizes in the header). Opening it, reading it and checking it either works
// or fails with a StoreError whose message is one line; anything else (a crash, another exception,
// a hang) is a finding. Seeds: small projects made by fuzz/make_project_seeds.sh.
#include "dossier/store/document_store.h"
#include "dossier/store/project.h"
#include "dossier/store/schema_audit.h"
#include "dossier/store/store_error.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
    std::fprintf(stderr, "project file contract broken: %s: %s\n", what, detail.c_str());
    std::abort();
}

// One scratch file per fuzzing process, in memory when /dev/shm is there.
const std::filesystem::path& scratch() {
    static const std::filesystem::path path = [] {
        const std::filesystem::path dir =
            std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
        return dir / ("dossier-fuzz-project-" + std::to_string(::getpid()) + ".dossier");
    }();
    return path;
}

void remove_scratch() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink((scratch().string() + suffix).c_str());
}

void exercise(const std::filesystem::path& path) {
    dossier::store::audit_project_schema(path);
    auto project = dossier::store::Project::open(path, dossier::store::OpenMode::ReadWrite);
    project.integrity_check();
    dossier::store::DocumentStore documents(project);
    const auto summaries = documents.list();
    for (std::size_t i = 0; i < summaries.size() && i < 20; ++i)
        documents.get(summaries[i].id);
    project.setting("layout.engine");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    remove_scratch();
    {
        std::ofstream out(scratch(), std::ios::binary);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    dossier::store::set_busy_notice({});
    try {
        exercise(scratch());
    } catch (const dossier::store::StoreError& e) {
        const std::string message = e.what();
        if (message.empty() || message.find('\n') != std::string::npos)
            broken("error is not one line", message);
    }
    remove_scratch();
    return 0;
}
