#pragma once
// A project file written by the curation tests: one invented memo with entities and mentions
// stored as extraction would store them (the replay tests use real extraction instead), so each
// operation can be checked against exactly known rows.
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project.h"
#include "dossier/store/relation_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

namespace dossier::testing {

inline const std::string kCurationMemo =
    "Minister Anna Berg met Ambassador Lind in Osterlich. Berg thanked Lind for the grain.\n"
    "\n"
    "A. Berg later wrote to Ruritania that the Harbour Board would decide.\n";

struct CurationFixture {
    TempDir dir;
    store::Project project;
    DocumentId memo;
    std::map<std::string, EntityId> entity; // by canonical name
    RelationId lind_berg;                   // an extracted relation

    CurationFixture()
        : project(
              store::Project::open(dir / "curation.dossier", store::OpenMode::CreateIfMissing)) {
        store::Transaction tx(project);
        Document doc;
        doc.sha256 = "curation-memo-sha";
        doc.source_path = "memo.txt";
        doc.format = "text";
        doc.title = "Memo on the grain talks";
        doc.date = *parse_iso_date("1961-03-04");
        doc.text = kCurationMemo;
        memo = store::DocumentStore(project).insert(doc, doc.text.size());
        add("Anna Berg", EntityType::Person, "berg:a", {"Anna Berg", "Berg"});
        add("A. Berg", EntityType::Person, "berg:a.", {"A. Berg"});
        add("Lind", EntityType::Person, "lind", {"Lind"});
        add("Osterlich", EntityType::Person, "osterlich", {"Osterlich"}); // wrong type
        add("Ruritania", EntityType::Country, "ruritania", {"Ruritania"});
        add("Harbour Board", EntityType::Organization, "harbour board", {"Harbour Board"});
        Relation r;
        r.type = "co_occurs_sentence";
        r.source = entity["Lind"];
        r.target = entity["Anna Berg"];
        r.directed = false;
        r.weight = 2;
        r.method = "cooccurrence";
        const auto u32 = [](std::size_t v) { return static_cast<std::uint32_t>(v); };
        const auto lind = kCurationMemo.find("Lind");
        const auto berg = kCurationMemo.find("Anna Berg");
        r.evidence.push_back({memo,
                              {0, u32(kCurationMemo.find('.') + 1)},
                              {u32(lind), u32(lind + 4)},
                              {u32(berg), u32(berg + 9)}});
        lind_berg = store::RelationStore(project).insert(r);
        tx.commit();
    }

    // The entity with every occurrence of each surface as a mention, and the surfaces as aliases.
    void add(const std::string& name, EntityType type, const std::string& key,
             const std::vector<std::string>& surfaces) {
        store::EntityStore entities(project);
        const auto id = entities.find_or_create(type, key, name);
        entity[name] = id;
        std::vector<Mention> mentions;
        for (const auto& surface : surfaces) {
            entities.add_alias(id, surface, surface);
            for (auto at = kCurationMemo.find(surface); at != std::string::npos;
                 at = kCurationMemo.find(surface, at + 1)) {
                // "Berg" inside "Anna Berg" / "A. Berg" is not a mention of its own.
                if (surface == "Berg" && at > 0 && kCurationMemo[at - 1] == ' ' &&
                    (kCurationMemo.compare(at - 5, 4, "Anna") == 0 ||
                     kCurationMemo.compare(at - 3, 2, "A.") == 0))
                    continue;
                Mention m;
                m.document = memo;
                m.span = {static_cast<std::uint32_t>(at),
                          static_cast<std::uint32_t>(at + surface.size())};
                m.entity = id;
                m.surface = surface;
                mentions.push_back(m);
            }
        }
        entities.insert_mentions(mentions);
    }

    std::vector<std::string> surfaces_of(EntityId id) {
        std::vector<std::string> out;
        for (const auto& row : store::EntityStore(project).mentions_of(id))
            out.push_back(row.mention.surface);
        return out;
    }
};

} // namespace dossier::testing
