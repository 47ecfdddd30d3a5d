#pragma once
// A small fictional project written straight into a real project file (DocumentStore and the
// store's plain graph writer), so the GUI tests know exactly which entities, dates, mentions and
// evidence sentences it holds without depending on extraction quality.
#include "dossier/model/date.h"
#include "dossier/model/document.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <map>
#include <stdexcept>
#include <string>

namespace dossier::gui::testing {

struct FixtureDoc {
    std::string title;
    std::string date;
    std::string text;
};

// The three documents. Sentences named below are quoted by the evidence rows.
inline const FixtureDoc kTelegram{"Telegram 12 from Vienna", "1958-03-14",
                                  "Ambassador Halvorsen met Minister Okonkwo in Vienna. "
                                  "Halvorsen urged cooperation between Norland and Ostravia."};
inline const FixtureDoc kMemo{"Memorandum on the trade talks", "1960-05-02",
                              "Okonkwo told the Trade Council that Ostravia would sign."};
inline const FixtureDoc kProtocol{
    "Protocol 5 of the Council", "1980-10-02",
    "The Council discussed Valdemar Prusk and Norland. Prusk opposed the treaty."};
inline const std::string kCooperationSentence =
    "Halvorsen urged cooperation between Norland and Ostravia.";

struct GuiFixture {
    QTemporaryDir dir;
    QString path;
    std::map<std::string, EntityId> entity;     // by canonical name
    std::map<std::string, DocumentId> document; // by title

    GuiFixture() {
        if (!dir.isValid())
            throw std::runtime_error("no temporary directory");
        path = QDir(dir.path()).filePath(QStringLiteral("fixture.dossier"));
        auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
        store::Transaction tx(project);
        store::DocumentStore docs(project);
        store::GraphSourceWriter writer(project);
        auto add_doc = [&](const FixtureDoc& d) {
            Document doc;
            doc.sha256 = "fixture-" + d.title;
            doc.source_path = d.title + ".txt";
            doc.format = "text";
            doc.title = d.title;
            doc.date = *parse_iso_date(d.date);
            doc.text = d.text;
            doc.classification = "Secret";
            document[d.title] = docs.insert(doc, d.text.size());
        };
        add_doc(kTelegram);
        add_doc(kMemo);
        add_doc(kProtocol);
        auto add_entity = [&](EntityType type, const std::string& name) {
            entity[name] = writer.add_entity(type, name);
        };
        add_entity(EntityType::Person, "Halvorsen");
        add_entity(EntityType::Person, "Okonkwo");
        add_entity(EntityType::Person, "Valdemar Prusk");
        add_entity(EntityType::Country, "Norland");
        add_entity(EntityType::Country, "Ostravia");
        add_entity(EntityType::Organization, "Trade Council");
        add_entity(EntityType::Place, "Vienna");
        writer.add_alias(entity["Valdemar Prusk"], "Prusk");
        // Every occurrence of a surface form in a document becomes a mention.
        auto mention_all = [&](const FixtureDoc& d, const std::string& surface,
                               const std::string& name) {
            for (auto at = d.text.find(surface); at != std::string::npos;
                 at = d.text.find(surface, at + 1))
                writer.add_mention(entity[name], document[d.title], static_cast<std::uint32_t>(at),
                                   static_cast<std::uint32_t>(at + surface.size()));
        };
        mention_all(kTelegram, "Halvorsen", "Halvorsen");
        mention_all(kTelegram, "Okonkwo", "Okonkwo");
        mention_all(kTelegram, "Vienna", "Vienna");
        mention_all(kTelegram, "Norland", "Norland");
        mention_all(kTelegram, "Ostravia", "Ostravia");
        mention_all(kMemo, "Okonkwo", "Okonkwo");
        mention_all(kMemo, "Trade Council", "Trade Council");
        mention_all(kMemo, "Ostravia", "Ostravia");
        mention_all(kProtocol, "Valdemar Prusk", "Valdemar Prusk");
        mention_all(kProtocol, "Norland", "Norland");
        auto relate = [&](const std::string& type, const std::string& a, const std::string& b,
                          double weight, const FixtureDoc& d, const std::string& sentence) {
            const auto r =
                writer.add_relation(type, entity[a], entity[b], false, weight, d.date, d.date);
            const auto at = d.text.find(sentence);
            if (at == std::string::npos)
                throw std::logic_error("fixture sentence not in its document: " + sentence);
            writer.add_evidence(r, document[d.title], static_cast<std::uint32_t>(at),
                                static_cast<std::uint32_t>(at + sentence.size()));
        };
        relate("co_occurs_sentence", "Halvorsen", "Okonkwo", 1, kTelegram,
               "Ambassador Halvorsen met Minister Okonkwo in Vienna.");
        relate("co_occurs_sentence", "Halvorsen", "Vienna", 1, kTelegram,
               "Ambassador Halvorsen met Minister Okonkwo in Vienna.");
        relate("cooperates_with", "Norland", "Ostravia", 1, kTelegram, kCooperationSentence);
        relate("co_occurs_sentence", "Okonkwo", "Trade Council", 1, kMemo,
               "Okonkwo told the Trade Council that Ostravia would sign.");
        relate("co_occurs_sentence", "Trade Council", "Ostravia", 1, kMemo,
               "Okonkwo told the Trade Council that Ostravia would sign.");
        relate("co_occurs_sentence", "Valdemar Prusk", "Norland", 2, kProtocol,
               "The Council discussed Valdemar Prusk and Norland.");
        tx.commit();
    }
    static constexpr int kEntities = 7;
    static constexpr int kPersons = 3;
    static constexpr int kRelations = 6;
};

} // namespace dossier::gui::testing
