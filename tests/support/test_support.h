#pragma once
// Shared by the test suites: scratch folders, fixture paths, the real corpus when present.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace dossier::testing {

// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("dossier-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(DOSSIER_FIXTURES) / name;
}

inline std::filesystem::path shared_corpus(const std::string& name) {
    return std::filesystem::path(DOSSIER_SHARED_CORPUS) / name;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

} // namespace dossier::testing

// Skips the test, with the reason, when ../shared/corpus (or one file of it) is absent.
#define DOSSIER_REQUIRE_SHARED_CORPUS(file)                                                        \
    do {                                                                                           \
        if (!std::filesystem::exists(::dossier::testing::shared_corpus(file)))                     \
            GTEST_SKIP() << "shared corpus file " << (file) << " not present at "                  \
                         << DOSSIER_SHARED_CORPUS;                                                 \
    } while (0)
