// resolve_persons_across_corpus through run_extraction on real project files: which short names
// join which full names across documents, and which stay apart because more than one person fits.
// Every name here is invented for these tests.
#include "corpus_project.h"
#include "dossier/extract/extraction.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "extract_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace dossier;
using namespace dossier::store;
using dossier::testing::TempDir;

namespace {
// A document whose `annotated` words carry a TEI-like persName annotation with corresp `ref`.
void add_annotated(Project& project, const std::string& text,
                   const std::vector<std::pair<std::string, std::string>>& annotated = {}) {
    std::vector<SourceAnnotation> annotations;
    for (const auto& [words, ref] : annotated) {
        const auto at = text.find(words);
        ASSERT_NE(at, std::string::npos) << words;
        SourceAnnotation a;
        a.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + words.size())};
        a.kind = "persName";
        a.ref = ref;
        annotations.push_back(a);
    }
    dossier::testing::add_document(project, text, std::move(annotations));
}

// Extracts the whole project, then lists its persons.
std::vector<std::string> persons_after_extraction(Project& project) {
    extract::run_extraction(project, dossier::testing::shared_context(), {});
    return dossier::testing::person_names(project);
}
} // namespace

TEST(CorpusResolution, AnAnnotatedSurnameAndTheSameSurnameFoundByRuleBothJoinTheOneFullName) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_annotated(project, "Assistant Secretary Oswin T. Marchbank arrived in Vienna.");
    add_annotated(project, "Approved by Marchbank.", {{"Marchbank", "#p_MOT1"}});
    add_annotated(project, "The Ambassador saw Mr. Marchbank on Tuesday.");
    EXPECT_EQ(persons_after_extraction(project), (std::vector<std::string>{"Oswin T. Marchbank"}));
}

TEST(CorpusResolution, ASurnameJoinsTheFullNameOnceItsShorterFormsHaveJoinedIt) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_annotated(project, "Assistant Secretary Oswin T. Marchbank arrived in Vienna.");
    add_annotated(project, "The note was initialled by O. Marchbank in London.");
    add_annotated(project, "The Ambassador saw Mr. Marchbank on Tuesday.");
    // O. Marchbank is Oswin T. Marchbank, so Marchbank alone fits one person, not two.
    EXPECT_EQ(persons_after_extraction(project), (std::vector<std::string>{"Oswin T. Marchbank"}));
}

TEST(CorpusResolution, AnnotationsWithTheSameCorrespAreOnePersonEvenWithoutAFullName) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_annotated(project, "Signed: Tolliver", {{"Tolliver", "#p_TG1"}});
    add_annotated(project, "The Secretary (Tolliver) agreed.", {{"Tolliver", "#p_TG1"}});
    EXPECT_EQ(persons_after_extraction(project), (std::vector<std::string>{"Tolliver"}));
}

TEST(CorpusResolution, TwoAnnotatedPersonsOfOneSurnameStayApartFromTheFullName) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_annotated(project, "Assistant Secretary Oswin T. Marchbank arrived in Vienna.");
    add_annotated(project, "Approved by Marchbank.", {{"Marchbank", "#p_MOT1"}});
    add_annotated(project, "Drafted by Marchbank.", {{"Marchbank", "#p_MEL2"}});
    // The sources say these are two persons; which of them, if either, is Oswin T. Marchbank,
    // nothing says.
    EXPECT_EQ(persons_after_extraction(project),
              (std::vector<std::string>{"Marchbank", "Marchbank", "Oswin T. Marchbank"}));
}

TEST(CorpusResolution, ASurnameThatFitsTwoFullNamesStaysApartThoughItIsAlsoAnnotated) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_annotated(project, "Senator John Q. Harrow spoke.");
    add_annotated(project, "Senator Robert Harrow replied.");
    add_annotated(project, "Approved by Harrow.", {{"Harrow", "#p_HX1"}});
    add_annotated(project, "Senator Harrow left.");
    // Neither "Harrow" says which Harrow it is; the annotation says only that its own mentions
    // are one person.
    EXPECT_EQ(persons_after_extraction(project),
              (std::vector<std::string>{"Harrow", "Harrow", "John Q. Harrow", "Robert Harrow"}));
}

TEST(CorpusResolution, AnArabicSurnameWithItsArticleJoinsTheSameSurnameWrittenWithoutIt) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_annotated(project, "The Deputy Minister of Supply, Dr. Karim S. el-Qadiri, welcomed us.");
    add_annotated(project, "Dr. Qadiri said that the offer stood.");
    EXPECT_EQ(persons_after_extraction(project), (std::vector<std::string>{"Karim S. el-Qadiri"}));
}

TEST(CorpusResolution, AnArabicSurnameWithoutItsArticleStillFitsOnlyOnePerson) {
    TempDir dir;
    auto project = Project::open(dir / "p.dossier", OpenMode::CreateIfMissing);
    add_annotated(project, "The Deputy Minister of Supply, Dr. Karim S. el-Qadiri, welcomed us.");
    add_annotated(project, "The Governor, Dr. Yusuf Qadiri, was absent.");
    add_annotated(project, "Dr. Qadiri said that the offer stood.");
    EXPECT_EQ(persons_after_extraction(project),
              (std::vector<std::string>{"Karim S. el-Qadiri", "Qadiri", "Yusuf Qadiri"}));
}
