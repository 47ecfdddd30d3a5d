// The issue's targets on the real corpus (../shared/corpus), skipped when it is absent: the seed
// cable and the FRUS excerpt go through import, entity extraction and relation extraction.
#include "dossier/extract/extraction.h"
#include "dossier/extract/relation_pipeline.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/importers/text_importer.h"
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/relation_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <set>

using namespace dossier;
using dossier::testing::TempDir;

namespace {

constexpr const char* kSeed = "cc-cpsu-politburo-p217-57-1980.txt";
constexpr const char* kFrus = "frus-1958-60v13-excerpt.xml";

struct CorpusProject {
    TempDir dir;
    store::Project project =
        store::Project::open(dir / "p.dossier", store::OpenMode::CreateIfMissing);

    explicit CorpusProject(const char* file, importers::Importer& importer) {
        const auto path = dossier::testing::shared_corpus(file);
        const auto bytes = dossier::testing::read_file(path);
        auto documents = importer.read(path.string(), bytes);
        store::Transaction tx(project);
        store::DocumentStore store(project);
        int n = 0;
        for (auto& doc : documents) {
            if (doc.sha256.empty())
                doc.sha256 = std::string(file) + "#" + std::to_string(n++);
            store.insert(doc, bytes.size());
        }
        tx.commit();
        extract::run_extraction(project, std::vector<DocumentId>{});
        extract::run_relation_extraction(project);
    }

    std::vector<store::RelationRow> relations(const std::string& type) {
        return store::RelationStore(project).list(type);
    }
    std::string text_of(DocumentId id) { return store::DocumentStore(project).get(id)->text; }
};

std::string cut(const std::string& text, Span s) {
    return text.substr(s.start, s.size());
}

bool links(const store::RelationRow& row, const std::string& a, const std::string& b) {
    return (row.source_name == a && row.target_name == b) ||
           (row.source_name == b && row.target_name == a);
}

// The canonical name extraction gave a country, found through one of its names in the text.
std::string country_named(store::Project& project, const std::string& name) {
    auto found = store::EntityStore(project).find_by_name(name);
    return found.entity ? found.entity->canonical_name : name;
}

} // namespace

TEST(SeedCable, AddressedToTheTwelveOfficialsWithoutCooccurrenceAmongThem) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    auto importer = importers::make_text_importer();
    CorpusProject p(kSeed, *importer);
    const auto addressed = p.relations("addressed_to");
    std::set<std::int64_t> officials;
    for (const auto& row : addressed)
        if (row.target_type == EntityType::Person)
            officials.insert(row.relation.target.value);
    EXPECT_EQ(officials.size(), 12u);
    for (const auto& row : addressed) {
        ASSERT_FALSE(row.relation.evidence.empty());
        const auto quote =
            cut(p.text_of(row.relation.evidence[0].document), row.relation.evidence[0].sentence);
        EXPECT_EQ(quote.rfind("To Comrades", 0), 0u) << quote;
    }
    std::size_t among = 0;
    for (const char* type : {"co_occurs_sentence", "co_occurs_paragraph"})
        for (const auto& row : p.relations(type))
            if (officials.count(row.relation.source.value) &&
                officials.count(row.relation.target.value))
                ++among;
    EXPECT_EQ(among, 0u);
}

TEST(SeedCable, TypedRelationsBetweenTheCountries) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kSeed);
    auto importer = importers::make_text_importer();
    CorpusProject p(kSeed, *importer);
    const auto usa = country_named(p.project, "USA");
    const auto china = country_named(p.project, "China");
    const auto india = country_named(p.project, "India");
    const auto pakistan = country_named(p.project, "Pakistan");
    const auto soviet = country_named(p.project, "Soviet Union");

    bool partnership_sentence = false;
    std::size_t coop = 0;
    for (const auto& row : p.relations("cooperates_with")) {
        if (!links(row, usa, china))
            continue;
        ++coop;
        for (const auto& e : row.relation.evidence)
            partnership_sentence |=
                cut(p.text_of(e.document), e.sentence)
                    .find("partnership between American imperialism and Beijing") !=
                std::string::npos;
    }
    EXPECT_EQ(coop, 1u) << "one cooperates_with relation between " << usa << " and " << china;
    EXPECT_TRUE(partnership_sentence);

    // A typed (pattern) relation, not mere co-occurrence, between China and India and between
    // Pakistan and India.
    auto typed_between = [&](const std::string& a, const std::string& b) {
        for (const auto& row : store::RelationStore(p.project).list())
            if (row.relation.method.rfind("pattern:", 0) == 0 && links(row, a, b))
                return true;
        return false;
    };
    EXPECT_TRUE(typed_between(china, india));
    EXPECT_TRUE(typed_between(pakistan, india));

    // "Carry out your work in coordination with the embassies (missions of) Cuba, the SRV, ...":
    // the Soviet Union coordinates with the nine countries of the list.
    std::set<std::string> partners;
    for (const auto& row : p.relations("coordinates_with"))
        if (row.source_name == soviet || row.target_name == soviet)
            partners.insert(row.source_name == soviet ? row.target_name : row.source_name);
    for (const char* name : {"Cuba", "SRV", "PRB", "HPR", "GDR", "LPDR", "MPR", "PPR", "CPR"}) {
        EXPECT_TRUE(partners.count(country_named(p.project, name)))
            << name << " -> " << country_named(p.project, name);
    }
    EXPECT_EQ(partners.size(), 9u);
}

TEST(FrusExcerpt, SentByAndAddressedToForEveryTaggedHead) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    auto importer = importers::make_tei_importer();
    CorpusProject p(kFrus, *importer);
    store::DocumentStore documents(p.project);
    store::EntityStore entities(p.project);
    std::size_t heads = 0;
    for (const auto& summary : documents.list()) {
        const auto doc_entity = entities.document_entity(summary.id, summary.title);
        auto count_edges = [&](const char* type) {
            std::size_t n = 0;
            for (const auto& row : p.relations(type))
                n += row.relation.source == doc_entity;
            return n;
        };
        if (!summary.senders.empty()) {
            ++heads;
            EXPECT_GE(count_edges("sent_by"), 1u) << summary.title;
        }
        if (!summary.recipients.empty()) {
            EXPECT_GE(count_edges("addressed_to"), 1u) << summary.title;
        }
    }
    EXPECT_GE(heads, 5u);
}
