// Hostile plain text and CSV through their importers, and a file over the size limit through the
// import job: each gives a one-line reason or a sensible document, in bounded memory.
#include "child_process.h"
#include "dossier/importers/csv_importer.h"
#include "dossier/importers/text_importer.h"
#include "dossier/ingest/import_job.h"
#include "dossier/model/text_utf8.h"
#include "dossier/store/document_store.h"
#include "hostile_support.h"
#include "test_support.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>

namespace dossier::testing {
namespace {

const importers::Importer& text_importer() {
    static const auto importer = importers::make_text_importer();
    return *importer;
}

const importers::Importer& csv_importer() {
    static const auto importer = importers::make_csv_importer();
    return *importer;
}

TEST(TextHostile, NulBytesInsideTextAreRefusedAsBinaryOrDropped) {
    std::string bytes = "TELEGRAM 12\nFROM: CONSUL\n";
    bytes += std::string("padding\0\0\0padding\n", 19);
    bytes += "END OF MESSAGE\n";
    try {
        const auto docs = text_importer().read("nul.txt", bytes);
        ASSERT_EQ(docs.size(), 1u);
        EXPECT_EQ(docs[0].text.find('\0'), std::string::npos)
            << "a NUL byte reached the stored text";
        EXPECT_TRUE(is_valid_utf8(docs[0].text));
        EXPECT_NE(docs[0].text.find("END OF MESSAGE"), std::string::npos);
    } catch (const importers::ImportError& e) {
        EXPECT_TRUE(is_one_line(e.what()));
        EXPECT_NE(std::string(e.what()).find("binary"), std::string::npos) << e.what();
    }
}

TEST(TextHostile, MixedUtf8AndCp1251InOneFileComeOutAsValidUtf8WithTheAsciiIntact) {
    std::string bytes = "Header in ASCII\n";
    bytes += "UTF-8 line: \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\n"; // Привет in UTF-8
    bytes += "CP1251 line: \xCF\xF0\xE8\xE2\xE5\xF2\n"; // Привет in Windows-1251
    bytes += "Trailer in ASCII\n";
    const auto docs = text_importer().read("mixed.txt", bytes);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_TRUE(is_valid_utf8(docs[0].text));
    EXPECT_NE(docs[0].text.find("Header in ASCII"), std::string::npos);
    EXPECT_NE(docs[0].text.find("Trailer in ASCII"), std::string::npos);
    // Line structure is kept whatever the decoding chose.
    EXPECT_EQ(std::count(docs[0].text.begin(), docs[0].text.end(), '\n'), 4);
}

TEST(TextHostile, FiftyMegabyteSingleLineIsReadWholeInBoundedMemory) {
    constexpr std::size_t kBytes = 50u << 20;
    const auto result = run_in_child([&] {
        std::string bytes;
        bytes.reserve(kBytes);
        while (bytes.size() < kBytes)
            bytes += "one endless line of a telegram without any break ";
        const auto docs = text_importer().read("line.txt", bytes);
        if (docs.size() != 1)
            return std::string("documents: ") + std::to_string(docs.size());
        return std::to_string(docs[0].text.size());
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_GE(std::stoull(result.out), kBytes) << result.out;
    EXPECT_LT(result.max_rss_bytes, 1ull << 30)
        << "peak RSS " << (result.max_rss_bytes >> 20) << " MiB";
}

TEST(TextHostile, SparseOneGigabyteFileIsRefusedBySizeWithoutBeingRead) {
    TempDir dir;
    const auto big = dir / "corpus" / "huge.txt";
    write_file(dir / "corpus" / "small.txt", "A short note that fits.\n");
    write_file(big, "");
    std::filesystem::resize_file(big, 1ull << 30); // sparse: costs no disk
    const auto project_path = dir / "p.dossier";
    const auto result = run_in_child([&] {
        auto project = store::Project::open(project_path, store::OpenMode::CreateIfMissing);
        ingest::ImportOptions options;
        options.inputs = {dir / "corpus"};
        const auto imported = ingest::ImportJob(options).run(project);
        std::string report = std::to_string(imported.imported.size()) + " imported";
        for (const auto& failure : imported.failed)
            report += "|" + failure.path + ": " + failure.reason;
        return report;
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.rfind("1 imported|", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("huge.txt: "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("size limit"), std::string::npos) << result.out;
    // Reading 1 GiB would show in the peak; refusing by size keeps it far below.
    EXPECT_LT(result.max_rss_bytes, 512ull << 20)
        << "peak RSS " << (result.max_rss_bytes >> 20) << " MiB";
    EXPECT_EQ(integrity_of(project_path), "ok");
}

TEST(CsvHostile, UnbalancedQuoteIsRefusedNamingTheLine) {
    const std::string csv =
        "id,title,text\n1,Card,\"fine\"\n2,Other,\"never closed\n3,Third,text\n";
    const auto error = import_error_of(csv_importer(), "open-quote.csv", csv);
    EXPECT_TRUE(is_one_line(error));
    EXPECT_NE(error.find("line 3"), std::string::npos) << error;
}

TEST(CsvHostile, RaggedRowsAreRefusedNamingTheLineOrReadWithoutInventingFields) {
    const std::string csv =
        "id,title,text\n1,Card,first text\n2,Short\n3,Long,third text,extra,more\n";
    try {
        const auto docs = csv_importer().read("ragged.csv", csv);
        for (const auto& doc : docs)
            EXPECT_TRUE(is_valid_utf8(doc.text));
        ASSERT_FALSE(docs.empty());
        EXPECT_EQ(docs[0].text, "first text");
    } catch (const importers::ImportError& e) {
        EXPECT_TRUE(is_one_line(e.what()));
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
}

TEST(CsvHostile, MillionColumnHeaderIsHandledInBoundedMemory) {
    const auto result = run_in_child([] {
        std::string csv;
        constexpr int kColumns = 1000000;
        csv.reserve(12u << 20);
        for (int i = 0; i < kColumns - 1; ++i)
            csv += "c" + std::to_string(i) + ",";
        csv += "text\n";
        csv += std::string(kColumns - 1, ',') + "the only text\n";
        try {
            const auto docs = csv_importer().read("wide.csv", csv);
            return "read " + std::to_string(docs.size()) +
                   (docs.size() == 1 ? " " + docs[0].text : "");
        } catch (const importers::ImportError& e) {
            return "refused: " + std::string(e.what());
        }
    });
    ASSERT_TRUE(result.exited) << "killed by signal " << result.signal;
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(result.out == "read 1 the only text" || result.out.rfind("refused: ", 0) == 0)
        << result.out;
    EXPECT_TRUE(is_one_line(result.out));
    EXPECT_LT(result.max_rss_bytes, 2ull << 30)
        << "peak RSS " << (result.max_rss_bytes >> 20) << " MiB";
}

} // namespace
} // namespace dossier::testing
