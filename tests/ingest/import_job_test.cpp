#include "dossier/ingest/import_job.h"
#include "dossier/store/document_store.h"
#include "pdf_writer.h"
#include "test_support.h"

#include <algorithm>
#include <sys/stat.h>

using namespace dossier;
using namespace dossier::ingest;
using dossier::testing::fixture;
using dossier::testing::read_file;
using dossier::testing::TempDir;
using dossier::testing::write_file;

namespace {

ImportResult import_paths(store::Project& project, std::vector<std::filesystem::path> paths,
                          std::function<void(ImportOptions&)> tweak = {}) {
    ImportOptions options;
    options.inputs = std::move(paths);
    if (tweak)
        tweak(options);
    return ImportJob(std::move(options)).run(project);
}

const ImportFailure* failure_for(const ImportResult& result, const std::string& file_name) {
    for (const auto& f : result.failed)
        if (std::filesystem::path(f.path).filename() == file_name)
            return &f;
    return nullptr;
}

} // namespace

TEST(ImportJob, BatchWithBadFilesReportsEachByNameAndImportsTheRest) {
    TempDir dir;
    write_file(dir / "in/cable.txt", read_file(fixture("import/cable_utf8.txt")));
    write_file(dir / "in/memo.html", read_file(fixture("import/memo.html")));
    write_file(dir / "in/volume.xml", read_file(fixture("import/volume_frus.xml")));
    write_file(dir / "in/scan.pdf", dossier::testing::make_pdf({{"Page one of the scan"}}));
    write_file(dir / "in/corrupt.pdf", read_file(fixture("import/broken/corrupt.pdf")));
    write_file(dir / "in/malformed.xml", read_file(fixture("import/broken/malformed.xml")));
    std::string garbage;
    for (int i = 0; i < 2048; ++i)
        garbage += static_cast<char>((i * 31 + 7) % 256);
    write_file(dir / "in/garbage.txt", garbage);

    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    const auto result = import_paths(project, {dir / "in"});
    EXPECT_EQ(result.imported.size(), 5u); // cable, memo, two TEI documents, pdf
    EXPECT_TRUE(result.skipped.empty());
    ASSERT_EQ(result.failed.size(), 3u);
    ASSERT_NE(failure_for(result, "corrupt.pdf"), nullptr);
    EXPECT_EQ(failure_for(result, "corrupt.pdf")->reason, "corrupt PDF");
    ASSERT_NE(failure_for(result, "garbage.txt"), nullptr);
    EXPECT_EQ(failure_for(result, "garbage.txt")->reason, "binary file, not text");
    ASSERT_NE(failure_for(result, "malformed.xml"), nullptr);
    EXPECT_EQ(failure_for(result, "malformed.xml")->reason.rfind("malformed XML", 0), 0u);
    for (const auto& f : result.failed)
        EXPECT_EQ(f.reason.find('\n'), std::string::npos)
            << "reason must be one line: " << f.reason;

    store::DocumentStore documents(project);
    EXPECT_EQ(documents.count(), 5u);
    const auto cable = documents.get(result.imported.front());
    ASSERT_TRUE(cable.has_value());
    EXPECT_EQ(cable->text, read_file(fixture("import/cable_utf8.txt")));
    EXPECT_EQ(cable->sha256.size(), 64u);
}

TEST(ImportJob, ReimportSkipsEverythingAlreadyPresent) {
    TempDir dir;
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    const auto first =
        import_paths(project, {fixture("import/volume_frus.xml"), fixture("import/documents.csv")});
    EXPECT_EQ(first.imported.size(), 5u);
    // The same content under another name is the same document.
    write_file(dir / "copy_of_volume.xml", read_file(fixture("import/volume_frus.xml")));
    const auto second =
        import_paths(project, {fixture("import/volume_frus.xml"), fixture("import/documents.csv"),
                               dir / "copy_of_volume.xml"});
    EXPECT_TRUE(second.imported.empty());
    EXPECT_EQ(second.skipped.size(), 7u);
    EXPECT_TRUE(second.failed.empty());
    EXPECT_EQ(store::DocumentStore(project).count(), 5u);
}

TEST(ImportJob, FileOverTheSizeLimitIsRefusedWithoutBeingRead) {
    TempDir dir;
    write_file(dir / "in/small.txt", "A short note.\n");
    write_file(dir / "in/large.txt", std::string(4096, 'x'));
    // Unreadable: if the job tried to read it the reason would be "Permission denied" (unless root,
    // where the size check is the only thing that can refuse it).
    ::chmod((dir / "in/large.txt").c_str(), 0);
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    const auto result =
        import_paths(project, {dir / "in"}, [](ImportOptions& o) { o.max_file_bytes = 1024; });
    EXPECT_EQ(result.imported.size(), 1u);
    ASSERT_EQ(result.failed.size(), 1u);
    EXPECT_EQ(std::filesystem::path(result.failed[0].path).filename(), "large.txt");
    EXPECT_EQ(result.failed[0].reason, "file is 4.0 KiB, over the size limit of 1.0 KiB");
}

TEST(ImportJob, FormatOverrideForcesTheImporter) {
    TempDir dir;
    write_file(dir / "table.txt", read_file(fixture("import/documents.csv")));
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    const auto result =
        import_paths(project, {dir / "table.txt"}, [](ImportOptions& o) { o.format = "csv"; });
    EXPECT_EQ(result.imported.size(), 3u);
    EXPECT_THROW(
        import_paths(project, {dir / "table.txt"}, [](ImportOptions& o) { o.format = "docx"; }),
        std::invalid_argument);
}

TEST(ImportJob, MisnamedPdfIsImportedAsPdf) {
    TempDir dir;
    write_file(dir / "looks_like_text.txt", dossier::testing::make_pdf({{"Hidden PDF text"}}));
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    const auto result = import_paths(project, {dir / "looks_like_text.txt"});
    ASSERT_EQ(result.imported.size(), 1u);
    const auto doc = store::DocumentStore(project).get(result.imported[0]);
    EXPECT_EQ(doc->format, "pdf");
    EXPECT_NE(doc->text.find("Hidden PDF text"), std::string::npos);
    EXPECT_EQ(doc->page_starts.size(), 1u);
}

TEST(ImportJob, StoredDocumentsKeepPartiesAnnotationsAndMetadata) {
    TempDir dir;
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    const auto result = import_paths(project, {fixture("import/volume_frus.xml")});
    ASSERT_EQ(result.imported.size(), 2u);
    const auto doc = store::DocumentStore(project).get(result.imported[1]);
    ASSERT_TRUE(doc.has_value());
    EXPECT_EQ(doc->source_key, "d2");
    EXPECT_EQ(doc->names_with_role(DocumentParty::Role::Sender), std::vector<std::string>{"Pryor"});
    ASSERT_FALSE(doc->annotations.empty());
    for (const auto& a : doc->annotations)
        ASSERT_LE(a.span.end, doc->text.size());
    const auto pryor = std::find_if(doc->annotations.begin(), doc->annotations.end(),
                                    [](const SourceAnnotation& a) { return a.role == "from"; });
    ASSERT_NE(pryor, doc->annotations.end());
    EXPECT_EQ(doc->text.substr(pryor->span.start, pryor->span.size()), "Pryor");
}

TEST(ImportJob, ProgressReportsEveryFileByTheEnd) {
    TempDir dir;
    for (int i = 0; i < 5; ++i)
        write_file(dir / ("in/note" + std::to_string(i) + ".txt"),
                   "Note number " + std::to_string(i) + "\n");
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    std::vector<ImportProgress> reports;
    import_paths(project, {dir / "in"}, [&](ImportOptions& o) {
        o.control.progress = [&](const ImportProgress& p) { reports.push_back(p); };
    });
    ASSERT_FALSE(reports.empty());
    EXPECT_EQ(reports.back().done, 5u);
    EXPECT_EQ(reports.back().total, 5u);
    EXPECT_EQ(reports.back().bytes_done, reports.back().bytes_total);
    for (std::size_t i = 1; i < reports.size(); ++i)
        EXPECT_GE(reports[i].done, reports[i - 1].done);
}

TEST(ImportJob, CancelStopsBetweenFilesAndKeepsWhatWasCommitted) {
    TempDir dir;
    for (int i = 0; i < 6; ++i)
        write_file(dir / ("in/note" + std::to_string(i) + ".txt"),
                   "Note number " + std::to_string(i) + "\n");
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    const auto result = import_paths(project, {dir / "in"}, [&](ImportOptions& o) {
        o.control.progress_interval = std::chrono::milliseconds(0);
        // Ask to stop once three files are done, as a GUI's Cancel button would.
        o.control.progress = [cancel = o.control.cancel](const ImportProgress& p) {
            if (p.done == 3)
                cancel.cancel();
        };
    });
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.imported.size(), 3u);
    EXPECT_EQ(store::DocumentStore(project).count(), 3u);
    // Running again without cancelling completes the batch.
    const auto rest = import_paths(project, {dir / "in"});
    EXPECT_EQ(rest.imported.size(), 3u);
    EXPECT_EQ(rest.skipped.size(), 3u);
}

TEST(ImportJob, ImportedTextIsSearchableWhenTheJobEnds) {
    TempDir dir;
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    import_paths(project, {fixture("import/cable_utf8.txt"), fixture("import/note_cp1251.txt")});
    store::DocumentStore documents(project);
    EXPECT_EQ(documents.search("Whitcomb").size(), 1u);
    EXPECT_EQ(documents.search("Громыко").size(), 1u);
}

TEST(ImportJob, DocumentsLeftUnindexedByAKilledRunAreIndexedByTheNextRun) {
    TempDir dir;
    auto project = store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);
    store::DocumentStore documents(project);
    {
        // What a run killed between a file's commit and the next full-text batch leaves behind.
        Document doc;
        doc.sha256 = "pending-document";
        doc.source_path = "killed.txt";
        doc.format = "text";
        doc.text = "Telegram about the Zanzibar consulate.";
        store::Transaction transaction(project);
        documents.insert(doc, doc.text.size(), /*defer_full_text=*/true);
        transaction.commit();
    }
    EXPECT_TRUE(documents.search("Zanzibar").empty());
    import_paths(project, {fixture("import/cable_utf8.txt")});
    EXPECT_EQ(documents.search("Zanzibar").size(), 1u);
    EXPECT_EQ(documents.search("Whitcomb").size(), 1u);
}
