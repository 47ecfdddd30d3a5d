#include "golden.h"

#include "test_support.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace dossier::testing {

void expect_golden(const std::filesystem::path& golden, const std::string& actual) {
    if (std::getenv("DOSSIER_UPDATE_GOLDEN") != nullptr) {
        write_file(golden, actual);
        GTEST_SKIP() << "rewrote golden file " << golden;
    }
    ASSERT_TRUE(std::filesystem::exists(golden))
        << "missing golden file " << golden
        << " (run once with DOSSIER_UPDATE_GOLDEN=1 and review it)";
    EXPECT_EQ(actual, read_file(golden)) << "differs from golden file " << golden;
}

} // namespace dossier::testing
