#pragma once
// A small project written for the graph tests: four documents (one in Russian, to prove byte
// spans), ten entities (one rejected, one without relations) and eight relations with evidence.
//
//   United States --cooperates_with(2), co_occurs_sentence(1)-- China --supplies--> Pakistan
//   India --opposes--> Pakistan
//   Brezhnev --co_occurs_sentence(3)-- Gromyko --represents--> Soviet Union
//   Brezhnev --member_of--> CC CPSU;  Fake (rejected) -- Brezhnev;  Kabul (no relations)
#include "dossier/model/document.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"

#include <filesystem>
#include <map>
#include <string>

namespace dossier::testing {

struct GraphTestProject {
    std::map<std::string, EntityId> entity;
    std::map<std::string, RelationId> relation;
    std::map<std::string, DocumentId> document;
    std::map<std::string, std::string> text; // document text by name

    // The byte span of `sentence` inside document `doc`.
    std::pair<std::uint32_t, std::uint32_t> span(const std::string& doc,
                                                 const std::string& sentence) const {
        const auto start = text.at(doc).find(sentence);
        return {static_cast<std::uint32_t>(start),
                static_cast<std::uint32_t>(start + sentence.size())};
    }

    static GraphTestProject create(const std::filesystem::path& path) {
        GraphTestProject t;
        auto project = store::Project::open(path, store::OpenMode::CreateIfMissing);
        store::Transaction tx(project);
        store::DocumentStore docs(project);
        auto add_doc = [&](const std::string& name, const std::string& title,
                           const std::string& date, const std::string& body) {
            Document d;
            d.sha256 = "sha-" + name;
            d.source_path = name + ".txt";
            d.format = "text";
            d.title = title;
            d.date = *parse_iso_date(date);
            d.text = body;
            t.text[name] = body;
            t.document[name] = docs.insert(d, body.size());
        };
        add_doc("d1", "Cable on the partnership", "1979-12-27",
                "On cooperation. The partnership between Washington and Beijing grows. "
                "Pakistan receives arms from China.");
        add_doc("d2", "Indian protest", "1980-03",
                "India protests. India opposes the arms supply to Pakistan.");
        add_doc("d3", "Meeting", "1981",
                "Brezhnev met Gromyko in Moscow. He spoke for the CC CPSU.");
        add_doc("d4", "Протокол", "1981-02-03", "Заседание. Брежнев встретился с Громыко.");

        store::GraphSourceWriter w(project);
        auto add = [&](const std::string& name, EntityType type, bool rejected = false) {
            t.entity[name] = w.add_entity(type, name, rejected);
        };
        add("United States", EntityType::Country);
        add("China", EntityType::Country);
        add("Pakistan", EntityType::Country);
        add("India", EntityType::Country);
        add("Soviet Union", EntityType::Country);
        add("Brezhnev", EntityType::Person);
        add("Gromyko", EntityType::Person);
        add("CC CPSU", EntityType::Organization);
        add("Fake", EntityType::Person, true);
        add("Kabul", EntityType::Place);
        w.add_alias(t.entity["United States"], "Washington");
        w.add_alias(t.entity["China"], "Beijing");
        w.add_alias(t.entity["Brezhnev"], "L. I. Brezhnev");
        w.add_alias(t.entity["Brezhnev"], "Брежнев");
        const auto brezhnev_at = t.text["d3"].find("Brezhnev");
        w.add_mention(t.entity["Brezhnev"], t.document["d3"],
                      static_cast<std::uint32_t>(brezhnev_at),
                      static_cast<std::uint32_t>(brezhnev_at + 8));

        auto relate = [&](const std::string& name, const std::string& type, const std::string& from,
                          const std::string& to, bool directed, double weight,
                          const std::string& doc, const std::string& sentence,
                          const std::string& date) {
            const auto id = w.add_relation(type, t.entity.at(from), t.entity.at(to), directed,
                                           weight, date, date);
            const auto [start, end] = t.span(doc, sentence);
            w.add_evidence(id, t.document.at(doc), start, end);
            t.relation[name] = id;
        };
        relate("r1", "cooperates_with", "United States", "China", false, 2.0, "d1",
               "The partnership between Washington and Beijing grows.", "1979-12-27");
        relate("r2", "supplies", "China", "Pakistan", true, 1.0, "d1",
               "Pakistan receives arms from China.", "1979-12-27");
        relate("r3", "opposes", "India", "Pakistan", true, 1.0, "d2",
               "India opposes the arms supply to Pakistan.", "1980-03");
        relate("r4", "co_occurs_sentence", "Brezhnev", "Gromyko", false, 3.0, "d3",
               "Brezhnev met Gromyko in Moscow.", "1981");
        relate("r5", "member_of", "Brezhnev", "CC CPSU", true, 1.0, "d3",
               "He spoke for the CC CPSU.", "1981");
        relate("r6", "co_occurs_sentence", "United States", "China", false, 1.0, "d1",
               "The partnership between Washington and Beijing grows.", "1979-12-27");
        relate("r7", "co_occurs_sentence", "Fake", "Brezhnev", false, 1.0, "d3",
               "Brezhnev met Gromyko in Moscow.", "1981");
        relate("r8", "represents", "Gromyko", "Soviet Union", true, 1.0, "d3",
               "Brezhnev met Gromyko in Moscow.", "1981");
        // A second evidence for r4, in Russian: its span is in bytes, not characters.
        const auto [start, end] = t.span("d4", "Брежнев встретился с Громыко.");
        w.add_evidence(t.relation["r4"], t.document["d4"], start, end);
        tx.commit();
        return t;
    }
};

} // namespace dossier::testing
