// `dossier export` announces a long layout before it starts (an estimate from node and edge
// counts, issue 5) and an interrupted export stops the layout worker and leaves no partial file.
// The real binary on a real project; the layout really starts, the test interrupts it.
#include "dossier/model/document.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "test_support.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <memory>
#include <poll.h>
#include <random>
#include <regex>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace dossier::exporting {
namespace {

using dossier::testing::TempDir;
using Clock = std::chrono::steady_clock;

// A connected graph of people: a chain through every node plus random extra relations.
void write_graph_project(const std::filesystem::path& path, int nodes, int relations) {
    auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
    store::Transaction tx(project);
    store::GraphSourceWriter writer(project);
    std::vector<EntityId> ids;
    for (int i = 0; i < nodes; ++i)
        ids.push_back(writer.add_entity(EntityType::Person, "Official " + std::to_string(i)));
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(0, nodes - 1);
    for (int i = 0; i < relations; ++i) {
        const int a = i < nodes - 1 ? i : pick(random);
        int b = i < nodes - 1 ? i + 1 : pick(random);
        if (a == b)
            b = (b + 1) % nodes;
        writer.add_relation("co_occurs", ids[static_cast<std::size_t>(a)],
                            ids[static_cast<std::size_t>(b)], false, 1.0);
    }
    tx.commit();
}

// `dossier export` in its own process group (as a shell job is), stderr on a pipe.
class ExportProcess {
public:
    explicit ExportProcess(std::vector<std::string> arguments) {
        int pipe_ends[2];
        if (::pipe(pipe_ends) != 0)
            throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        ::posix_spawn_file_actions_init(&actions);
        ::posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDERR_FILENO);
        ::posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
        posix_spawnattr_t attributes;
        ::posix_spawnattr_init(&attributes);
        ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        ::posix_spawnattr_setpgroup(&attributes, 0);
        arguments.insert(arguments.begin(), DOSSIER_CLI);
        std::vector<char*> argv;
        for (auto& argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        const int failed =
            ::posix_spawn(&pid_, DOSSIER_CLI, &actions, &attributes, argv.data(), environ);
        ::posix_spawn_file_actions_destroy(&actions);
        ::posix_spawnattr_destroy(&attributes);
        ::close(pipe_ends[1]);
        stderr_ = pipe_ends[0];
        if (failed != 0)
            throw std::runtime_error("posix_spawn failed");
    }
    ~ExportProcess() {
        if (pid_ > 0) {
            ::kill(-pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(stderr_);
    }

    // Reads stderr until `text` appears, the stream ends or the time is up.
    bool wait_for_stderr(const std::string& text, std::chrono::seconds limit) {
        const auto deadline = Clock::now() + limit;
        while (captured_.find(text) == std::string::npos) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0)
                return false;
            pollfd readable{stderr_, POLLIN, 0};
            if (::poll(&readable, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char buffer[1024];
            const auto got = ::read(stderr_, buffer, sizeof buffer);
            if (got <= 0)
                return captured_.find(text) != std::string::npos;
            captured_.append(buffer, static_cast<std::size_t>(got));
        }
        return true;
    }

    bool running() const { return ::waitpid(pid_, nullptr, WNOHANG) == 0; }

    // Waits for the exit; the exit status, or 128 + signal as a shell reports it.
    int wait_exit() {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    // True once no process of the group (the command and its layout worker) is left.
    bool group_gone(pid_t group, std::chrono::seconds limit) const {
        const auto deadline = Clock::now() + limit;
        while (Clock::now() < deadline) {
            if (::kill(-group, 0) != 0 && errno == ESRCH)
                return true;
            ::usleep(50'000);
        }
        return false;
    }

    pid_t pid() const { return pid_; }
    const std::string& captured() const { return captured_; }

private:
    pid_t pid_ = -1;
    int stderr_ = -1;
    std::string captured_;
};

// A project of `nodes` people in a fresh folder, and `dossier export` of it as SVG with neato.
class LongLayoutWarning : public ::testing::Test {
protected:
    std::unique_ptr<ExportProcess> start_export(int nodes, int relations) {
        write_graph_project(project, nodes, relations);
        return std::make_unique<ExportProcess>(
            std::vector<std::string>{"export", project.string(), "--format", "svg", "-o",
                                     figure.string(), "--layout", "neato"});
    }

    TempDir dir;
    const std::filesystem::path project = dir.path() / "graph.dossier";
    const std::filesystem::path figure = dir.path() / "graph.svg";
};

TEST_F(LongLayoutWarning, ExportAnnouncesTheEstimateBeforeTheLayoutAndCtrlCStopsIt) {
    // neato is quadratic: 1,500 nodes and 6,000 relations are estimated at over 5 s.
    auto export_run = start_export(1500, 6000);
    ASSERT_TRUE(export_run->wait_for_stderr("\n", std::chrono::seconds(120)))
        << "no message within 2 minutes; stderr: " << export_run->captured();
    const std::string& said = export_run->captured();
    EXPECT_NE(said.find("dossier: export: layout will take a while"), std::string::npos) << said;
    std::smatch estimate;
    ASSERT_TRUE(std::regex_search(said, estimate,
                                  std::regex(R"(neato: about (\d+) s for 1500 nodes, 6000 edges)")))
        << said;
    EXPECT_GE(std::stoi(estimate[1]), 5);
    // Said before the layout finished: the command is still working on it.
    EXPECT_TRUE(export_run->running()) << "the export ended before the test could interrupt it";

    // Ctrl+C in a terminal signals the whole job: the command and its layout worker.
    const pid_t group = export_run->pid();
    ASSERT_EQ(::kill(-group, SIGINT), 0);
    EXPECT_EQ(export_run->wait_exit(), 128 + SIGINT);
    EXPECT_TRUE(export_run->group_gone(group, std::chrono::seconds(10)))
        << "a layout worker outlived the interrupted export";
    EXPECT_FALSE(std::filesystem::exists(figure)) << "an interrupted export left a file";
}

TEST_F(LongLayoutWarning, KillingTheExportAloneKillsItsLayoutWorkerToo) {
    auto export_run = start_export(1500, 6000);
    ASSERT_TRUE(export_run->wait_for_stderr("will take a while", std::chrono::seconds(120)))
        << export_run->captured();
    ::usleep(300'000); // the worker has been started and is laying out
    // SIGKILL to the command only (a crash, `kill -9`): no destructor can stop the worker, the
    // kernel's parent-death signal must.
    const pid_t group = export_run->pid();
    ASSERT_EQ(::kill(group, SIGKILL), 0);
    EXPECT_EQ(export_run->wait_exit(), 128 + SIGKILL);
    EXPECT_TRUE(export_run->group_gone(group, std::chrono::seconds(10)))
        << "the layout worker outlived the killed export";
    EXPECT_FALSE(std::filesystem::exists(figure));
}

TEST_F(LongLayoutWarning, ShortLayoutSaysNothingAndWritesTheFigure) {
    auto export_run = start_export(40, 80);
    export_run->wait_for_stderr("\x04", std::chrono::seconds(120)); // reads to the end of stderr
    EXPECT_EQ(export_run->wait_exit(), 0) << export_run->captured();
    EXPECT_EQ(export_run->captured().find("will take a while"), std::string::npos)
        << export_run->captured();
    ASSERT_TRUE(std::filesystem::exists(figure));
    EXPECT_GT(std::filesystem::file_size(figure), 1000u);
}

} // namespace
} // namespace dossier::exporting
