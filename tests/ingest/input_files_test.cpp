#include "dossier/ingest/input_files.h"
#include "test_support.h"

#include <algorithm>

using namespace dossier::ingest;
using dossier::testing::TempDir;
using dossier::testing::write_file;

namespace {
std::vector<std::string> names(const InputSelection& selection, const std::filesystem::path& root) {
    std::vector<std::string> out;
    for (const auto& f : selection.files)
        out.push_back(f.path.lexically_relative(root).generic_string());
    return out;
}
} // namespace

TEST(InputFiles, FoldersAreWalkedRecursivelyInSortedOrderSkippingHiddenOnes) {
    TempDir dir;
    write_file(dir / "b.txt", "b");
    write_file(dir / "a/z.txt", "z");
    write_file(dir / "a/deeper/y.html", "y");
    write_file(dir / ".git/config", "hidden");
    write_file(dir / ".hidden.txt", "hidden");
    const auto selection = select_input_files({dir.path()}, {}, {});
    EXPECT_EQ(names(selection, dir.path()),
              (std::vector<std::string>{"a/deeper/y.html", "a/z.txt", "b.txt"}));
    EXPECT_TRUE(selection.problems.empty());
}

TEST(InputFiles, IncludeAndExcludeGlobsMatchNamesAndRelativePaths) {
    TempDir dir;
    write_file(dir / "cables/c1.txt", "1");
    write_file(dir / "cables/c2.txt", "2");
    write_file(dir / "cables/index.html", "i");
    write_file(dir / "drafts/d1.txt", "d");
    const auto only_txt = select_input_files({dir.path()}, {"*.txt"}, {"drafts"});
    EXPECT_EQ(names(only_txt, dir.path()),
              (std::vector<std::string>{"cables/c1.txt", "cables/c2.txt"}));
    const auto by_path = select_input_files({dir.path()}, {"cables/*"}, {"*2.txt"});
    EXPECT_EQ(names(by_path, dir.path()),
              (std::vector<std::string>{"cables/c1.txt", "cables/index.html"}));
}

TEST(InputFiles, SizesComeFromTheListingAndMissingInputsAreProblems) {
    TempDir dir;
    write_file(dir / "five.txt", "12345");
    const auto selection = select_input_files({dir / "five.txt", dir / "missing.txt"}, {}, {});
    ASSERT_EQ(selection.files.size(), 1u);
    EXPECT_EQ(selection.files[0].size, 5u);
    ASSERT_EQ(selection.problems.size(), 1u);
    EXPECT_EQ(selection.problems[0].reason, "no such file or folder");
}
