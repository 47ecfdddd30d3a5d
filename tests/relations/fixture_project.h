#pragma once
// A small project written by the tests: two invented documents with their entities and
// mentions, as extraction would have stored them, so relation extraction and the CLI can run on
// a real project file without depending on entity extraction.
#include "dossier/store/document_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

namespace dossier::testing {

inline const std::string kFixtureMemo =
    "MINISTRY OF EXTERNAL AFFAIRS OF RURITANIA\n"
    "TO: Ambassador Lind, Minister Berg, Director Hof\n"
    "Re: Osterlich naval plans\n"
    "\n"
    "The partnership between Ruritanian shipyards and Osterlich admirals worries the "
    "Council. Lind reported that Osterlich is pressuring Fenwick.\n"
    "\n"
    "Carry out your work in coordination with the embassies of Fenwick and Graustark.\n";

inline const std::string kFixtureNote =
    "Note on the harbour talks\n"
    "\n"
    "Further Ruritanian-Osterlich naval cooperation was agreed.\n";

struct FixtureProject {
    DocumentId memo;
    DocumentId note;
    std::map<std::string, EntityId> entity; // by canonical name
};

inline FixtureProject write_fixture_project(store::Project& project) {
    FixtureProject f;
    store::Transaction tx(project);
    store::DocumentStore documents(project);
    store::EntityStore entities(project);
    Document memo;
    memo.sha256 = "fixture-memo";
    memo.source_path = "memo.txt";
    memo.format = "text";
    memo.title = "Instruction on Osterlich";
    memo.date = *parse_iso_date("1961-05-02");
    memo.text = kFixtureMemo;
    f.memo = documents.insert(memo, memo.text.size());
    Document note;
    note.sha256 = "fixture-note";
    note.source_path = "note.txt";
    note.format = "text";
    note.title = "Note on the harbour talks";
    note.date = *parse_iso_date("1961-07-01");
    note.text = kFixtureNote;
    note.page_starts = {0, 27};
    f.note = documents.insert(note, note.text.size());

    struct Named {
        const char* name;
        EntityType type;
    };
    for (auto [name, type] :
         {Named{"Ruritania", EntityType::Country}, Named{"Osterlich", EntityType::Country},
          Named{"Fenwick", EntityType::Country}, Named{"Graustark", EntityType::Country},
          Named{"Lind", EntityType::Person}, Named{"Berg", EntityType::Person},
          Named{"Hof", EntityType::Person}, Named{"Council", EntityType::Organization}}) {
        std::string key = name;
        for (auto& c : key)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        f.entity[name] = entities.find_or_create(type, key, name);
    }
    // (document, surface, occurrence, entity)
    struct Occurrence {
        DocumentId doc;
        const std::string* text;
        const char* surface;
        int occurrence;
        const char* entity;
    };
    std::vector<Mention> mentions;
    for (const auto& o :
         std::vector<Occurrence>{{f.memo, &kFixtureMemo, "RURITANIA", 0, "Ruritania"},
                                 {f.memo, &kFixtureMemo, "Lind", 0, "Lind"},
                                 {f.memo, &kFixtureMemo, "Berg", 0, "Berg"},
                                 {f.memo, &kFixtureMemo, "Hof", 0, "Hof"},
                                 {f.memo, &kFixtureMemo, "Osterlich", 0, "Osterlich"},
                                 {f.memo, &kFixtureMemo, "Ruritanian", 0, "Ruritania"},
                                 {f.memo, &kFixtureMemo, "Osterlich", 1, "Osterlich"},
                                 {f.memo, &kFixtureMemo, "Council", 0, "Council"},
                                 {f.memo, &kFixtureMemo, "Lind", 1, "Lind"},
                                 {f.memo, &kFixtureMemo, "Osterlich", 2, "Osterlich"},
                                 {f.memo, &kFixtureMemo, "Fenwick", 0, "Fenwick"},
                                 {f.memo, &kFixtureMemo, "Fenwick", 1, "Fenwick"},
                                 {f.memo, &kFixtureMemo, "Graustark", 0, "Graustark"},
                                 {f.note, &kFixtureNote, "Ruritanian", 0, "Ruritania"},
                                 {f.note, &kFixtureNote, "Osterlich", 0, "Osterlich"}}) {
        std::size_t at = o.text->find(o.surface);
        for (int i = 0; i < o.occurrence; ++i)
            at = o.text->find(o.surface, at + 1);
        EXPECT_NE(at, std::string::npos) << o.surface;
        Mention m;
        m.document = o.doc;
        m.span = {static_cast<std::uint32_t>(at),
                  static_cast<std::uint32_t>(at + std::string(o.surface).size())};
        m.entity = f.entity.at(o.entity);
        m.method = MentionMethod::Gazetteer;
        m.surface = o.surface;
        mentions.push_back(m);
    }
    entities.insert_mentions(mentions);
    tx.commit();
    return f;
}

} // namespace dossier::testing
