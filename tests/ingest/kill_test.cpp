// A `dossier import` killed with SIGKILL at random moments leaves a project that opens, passes
// PRAGMA integrity_check and holds only complete documents; the same import run again completes
// the batch without duplicates.
#include "dossier/store/document_store.h"
#include "test_support.h"

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <random>
#include <set>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace dossier;
using dossier::testing::read_file;
using dossier::testing::TempDir;
using dossier::testing::write_file;

namespace {

// Starts `dossier import PROJECT FOLDER --no-extract --quiet` with its output discarded.
pid_t start_import(const std::filesystem::path& project, const std::filesystem::path& folder) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null_fd = ::open("/dev/null", O_WRONLY);
        ::dup2(null_fd, STDOUT_FILENO);
        ::dup2(null_fd, STDERR_FILENO);
        ::execl(DOSSIER_CLI, "dossier", "import", project.c_str(), folder.c_str(), "--no-extract",
                "--quiet", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// Documents committed so far, or 0 while the project file is still being created.
std::size_t committed_documents(const std::filesystem::path& project_path) {
    if (!std::filesystem::exists(project_path))
        return 0;
    try {
        auto project = store::Project::open(project_path, store::OpenMode::ReadOnly);
        return store::DocumentStore(project).count();
    } catch (const std::exception&) {
        return 0; // schema not written yet, or busy for a moment
    }
}

int wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

// Paragraphs of varying length so files differ in size and content.
std::string archival_text(int index, std::mt19937& rng) {
    static const char* kSentences[] = {
        "The Ambassador called on the Foreign Minister this morning at his request. ",
        "Minister Halasz repeated that his government wished to expand trade with Austria. ",
        "The delegation will arrive in Vienna on 20 May and stay for four days. ",
        "Embassy comment: the offer appears to be serious and deserves a considered reply. ",
        "Department may wish to consult Bonn and Rome before the next meeting. ",
    };
    std::string text = "CONFIDENTIAL\n\nTelegram " + std::to_string(index) + "\n\n";
    const int paragraphs = 20 + static_cast<int>(rng() % 60);
    for (int p = 0; p < paragraphs; ++p) {
        for (int s = 0; s < 4; ++s)
            text += kSentences[rng() % 5];
        text += "\n\n";
    }
    return text;
}

} // namespace

TEST(KillDuringImport, ProjectStaysIntactAndTheRerunCompletesWithoutDuplicates) {
    ASSERT_TRUE(std::filesystem::exists(DOSSIER_CLI)) << DOSSIER_CLI;
    TempDir dir;
    constexpr int kFiles = 400;
    std::mt19937 rng(20241128);
    for (int i = 0; i < kFiles; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "cable_%04d.txt", i);
        write_file(dir / "in" / name, archival_text(i, rng));
    }
    const auto project_path = dir / "killed.dossier";

    std::size_t previous = 0;
    int kills = 0;
    for (int round = 0; round < 5; ++round) {
        const pid_t pid = start_import(project_path, dir / "in");
        ASSERT_GT(pid, 0);
        // Kill once the import has committed past this round's threshold, watched through a
        // read-only connection (WAL lets it read while the child writes), then a little later so
        // the kill lands at varying points of a file's transaction.
        // Small files are committed in batches (a few dozen of these at a time), so the last
        // round's threshold leaves room for batches still to come before the end.
        const std::size_t threshold = static_cast<std::size_t>((round + 1) * kFiles / 10);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (committed_documents(project_path) < threshold &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % 20000));
        ::kill(pid, SIGKILL);
        const int status = wait_for(pid);
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            ++kills;

        auto project = store::Project::open(project_path, store::OpenMode::ReadWrite);
        ASSERT_EQ(project.integrity_check(), "ok") << "after kill " << round;
        store::DocumentStore documents(project);
        const auto ids = documents.ids();
        EXPECT_GE(ids.size(), std::max(previous, threshold))
            << "documents committed before a kill were lost";
        previous = ids.size();
        // Every committed document is whole: its text is exactly its file.
        for (const auto id : ids) {
            const auto doc = documents.get(id);
            ASSERT_TRUE(doc.has_value());
            ASSERT_EQ(doc->text, read_file(doc->source_path)) << doc->source_path;
        }
    }
    EXPECT_EQ(kills, 5) << "the import finished before it could be killed";
    EXPECT_LT(previous, static_cast<std::size_t>(kFiles));

    const int status = wait_for(start_import(project_path, dir / "in"));
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    auto project = store::Project::open(project_path, store::OpenMode::ReadOnly);
    EXPECT_EQ(project.integrity_check(), "ok");
    store::DocumentStore documents(project);
    const auto all = documents.list();
    EXPECT_EQ(all.size(), static_cast<std::size_t>(kFiles));
    std::set<std::string> sources;
    for (const auto& d : all)
        sources.insert(d.source_path);
    EXPECT_EQ(sources.size(), static_cast<std::size_t>(kFiles)) << "a file was imported twice";
    // The full-text index agrees with the table.
    EXPECT_EQ(documents.search("Halasz", 1000).size(), static_cast<std::size_t>(kFiles));
}
