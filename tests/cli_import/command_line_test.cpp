// The command line itself: a mistyped command fails with a clear message, even with --help,
// so that a script notices; the real commands still answer --help.
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace {
using dossier::testing::TempDir;

dossier::testing::CommandResult run_cli(const std::string& arguments) {
    static const TempDir scratch;
    return dossier::testing::run_cli(arguments, {dossier::testing::Stderr::Apart, scratch.path()});
}

TEST(CommandLine, UnknownCommandFailsWithCloseMatches) {
    const auto result = run_cli("extrct --help");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE((result.out + result.err).find("unknown command 'extrct'"), std::string::npos)
        << result.out;
    EXPECT_NE((result.out + result.err).find("did you mean extract"), std::string::npos)
        << result.out;
}

TEST(CommandLine, UnknownCommandWithNothingCloseSaysWhereTheListIs) {
    const auto result = run_cli("frobnicate");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ((result.out + result.err).find("did you mean"), std::string::npos) << result.out;
    EXPECT_NE((result.out + result.err).find("dossier --help"), std::string::npos) << result.out;
}

TEST(CommandLine, KnownCommandsAndTheGeneralHelpStillExitZero) {
    EXPECT_EQ(run_cli("extract --help").exit_code, 0);
    const auto help = run_cli("--help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("import"), std::string::npos);
}
} // namespace
