// XML attacks on the TEI importer: nothing in a DOCTYPE is ever expanded, and no file or network
// resource is ever fetched, so both stay bounded by the size of the input.
#include "dossier/importers/tei_importer.h"
#include "test_support.h"

#include <sys/resource.h>

using namespace dossier;
using namespace dossier::importers;
using dossier::testing::fixture;
using dossier::testing::read_file;

namespace {
long max_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}
} // namespace

TEST(TeiSecurity, BillionLaughsIsParsedWithoutExpansionInBoundedMemory) {
    const auto bytes = read_file(fixture("import/broken/billion_laughs.xml"));
    const long before = max_rss_kib();
    const auto volume = read_tei(bytes, "billion_laughs.xml");
    const long grown_kib = max_rss_kib() - before;
    ASSERT_EQ(volume.documents.size(), 1u);
    // Expanded, &lol9; would be 3 GB of "lol"; unexpanded it stays the literal reference.
    EXPECT_EQ(volume.documents[0].text, "&lol9;");
    EXPECT_LT(volume.documents[0].text.size(), bytes.size());
    EXPECT_LT(grown_kib, 64 * 1024) << "peak memory grew by " << grown_kib << " KiB";
}

TEST(TeiSecurity, ExternalEntityIsNotResolved) {
    const auto volume =
        read_tei(read_file(fixture("import/broken/external_entity.xml")), "external_entity.xml");
    ASSERT_EQ(volume.documents.size(), 1u);
    EXPECT_EQ(volume.documents[0].text, "Secret: &xxe;");
    EXPECT_EQ(volume.documents[0].text.find("root:"), std::string::npos);
}
