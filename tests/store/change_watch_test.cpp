// What the explorer polls to notice other processes' commits (gui/src/app/project_change_watch.h).
#include "dossier/store/change_watch.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"
#include "dossier/store/project_stats.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {
DocumentId add_document(Project& project, const std::string& text) {
    Document doc;
    doc.sha256 = "hash-" + text;
    doc.source_path = text + ".txt";
    doc.format = "text";
    doc.title = text;
    doc.text = text;
    return DocumentStore(project).insert(doc, text.size());
}
} // namespace

TEST(ChangeWatch, DataVersionChangesWhenAnotherConnectionCommitsAndOnlyThen) {
    TempDir dir;
    auto watcher = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    auto other = Project::open(dir / "p.dossier", OpenMode::ReadWrite);
    const auto before = data_version(watcher);
    EXPECT_EQ(data_version(watcher), before); // nothing committed in between
    add_document(watcher, "own commit");
    EXPECT_EQ(data_version(watcher), before); // its own commit is not another's
    add_document(other, "another commit");
    EXPECT_NE(data_version(watcher), before);
}

TEST(ChangeWatch, FingerprintChangesWithDocumentsEntitiesAndCorrectionsButNotPositions) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_document(project, "first");
    const EntityId entity = GraphSourceWriter(project).add_entity(EntityType::Person, "Gromyko");
    const auto start = shown_content_fingerprint(project);

    CurationStore(project).set_position({entity, 10.0, 20.0, true});
    EXPECT_EQ(shown_content_fingerprint(project), start);

    add_document(project, "second");
    const auto with_document = shown_content_fingerprint(project);
    EXPECT_NE(with_document, start);

    GraphSourceWriter(project).add_entity(EntityType::Person, "Rusk");
    const auto with_entity = shown_content_fingerprint(project);
    EXPECT_NE(with_entity, with_document);

    CurationRecord record;
    record.op = "note";
    record.payload = R"({"entity":"Gromyko","text":"met Rusk"})";
    const CurationId id = CurationStore(project).add_record(record);
    const auto with_note = shown_content_fingerprint(project);
    EXPECT_NE(with_note, with_entity);

    CurationStore(project).update_record(id, "undone", "", "{}");
    const auto undone = shown_content_fingerprint(project);
    EXPECT_NE(undone, with_note);

    project.set_setting(kExtractionIncompleteSetting, "1");
    EXPECT_NE(shown_content_fingerprint(project), undone);
}
