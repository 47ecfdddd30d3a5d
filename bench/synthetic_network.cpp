#include "synthetic_network.h"

#include "dossier/model/document.h"
#include "dossier/store/document_store.h"
#include "dossier/store/graph_source.h"
#include "dossier/store/project.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace dossier::bench {

std::vector<std::pair<std::uint32_t, std::uint32_t>>
preferential_attachment(std::size_t n, std::size_t m, std::mt19937_64& rng) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<std::uint32_t> endpoints;
    edges.reserve(n * m);
    endpoints.reserve(2 * n * m);
    for (std::uint32_t v = 1; v <= m; ++v) {
        edges.emplace_back(0, v);
        endpoints.insert(endpoints.end(), {0, v});
    }
    std::vector<std::uint32_t> chosen;
    for (auto v = static_cast<std::uint32_t>(m + 1); v < n; ++v) {
        chosen.clear();
        while (chosen.size() < m) {
            const auto u =
                endpoints[std::uniform_int_distribution<std::size_t>(0, endpoints.size() - 1)(rng)];
            if (std::find(chosen.begin(), chosen.end(), u) == chosen.end())
                chosen.push_back(u);
        }
        for (auto u : chosen) {
            edges.emplace_back(u, v);
            endpoints.insert(endpoints.end(), {u, v});
        }
    }
    return edges;
}

namespace {

constexpr std::array<const char*, 12> kGiven{"Andrei",  "Cyrus",   "Helmut",   "Zbigniew",
                                             "Leonid",  "Anatoly", "Warren",   "Hans-Dietrich",
                                             "Raymond", "Georgy",  "Marshall", "Valentin"};
constexpr std::array<const char*, 16> kFamily{"Gromyko",   "Vance",       "Schmidt",  "Brzezinski",
                                              "Dobrynin",  "Christopher", "Genscher", "Garthoff",
                                              "Kornienko", "Shulman",     "Ustinov",  "Aleksandrov",
                                              "Kuznetsov", "Falin",       "Zamyatin", "Hartman"};
constexpr std::array<const char*, 6> kInstitutions{"Ministry of Foreign Affairs",
                                                   "Central Committee Department",
                                                   "Embassy",
                                                   "Presidium of the Supreme Soviet",
                                                   "Planning Staff",
                                                   "Trade Mission"};

std::string entity_name(EntityType type, std::size_t i) {
    const auto n = std::to_string(i);
    switch (type) {
    case EntityType::Person:
        return std::string(kGiven[i % kGiven.size()]) + " " +
               kFamily[(i / kGiven.size()) % kFamily.size()] + " " + n;
    case EntityType::Organization:
        return std::string(kInstitutions[i % kInstitutions.size()]) + " " + n;
    case EntityType::Country:
        return "Country " + n;
    default:
        return "Place " + n;
    }
}

} // namespace

void write_synthetic_project(const SyntheticProject& spec, const std::filesystem::path& path) {
    if (std::filesystem::exists(path))
        throw std::runtime_error(path.string() + " exists; choose another name");
    const auto partial = std::filesystem::path(path.string() + ".partial");
    std::filesystem::remove(partial);
    {
        auto project = store::Project::open(partial, store::OpenMode::CreateIfMissing);
        store::Transaction tx(project);
        std::mt19937_64 rng(spec.seed);
        store::DocumentStore docs(project);
        std::vector<DocumentId> doc_ids;
        std::vector<std::string> doc_dates;
        for (std::size_t d = 0; d < spec.documents; ++d) {
            Document doc;
            doc.sha256 = "synthetic-" + std::to_string(spec.seed) + "-" + std::to_string(d);
            doc.source_path = "synthetic/" + std::to_string(d) + ".txt";
            doc.format = "text";
            const int year =
                1958 + static_cast<int>(d * 30 / std::max<std::size_t>(spec.documents, 1));
            const int month = 1 + static_cast<int>(d % 12), day = 1 + static_cast<int>(d % 28);
            doc.date = PartialDate{year, month, day, DatePrecision::Day};
            doc.title = d % 3 == 0 ? "Memorandum of Conversation"
                                   : "Telegram " + std::to_string(1000 + d) +
                                         " From the Embassy in the Soviet Union";
            doc.text = doc.title + ". It reports a meeting on " + doc.date.iso() +
                       ". The parties discussed cooperation and supplies.";
            doc_ids.push_back(docs.insert(doc, doc.text.size()));
            doc_dates.push_back(doc.date.iso());
        }
        // Its entities and relations stand for an extraction's: no document waits for one.
        docs.mark_extracted(doc_ids);
        store::GraphSourceWriter writer(project);
        std::vector<EntityId> entities;
        for (std::size_t i = 0; i < spec.entities; ++i) {
            const auto type = i % 10 < 6   ? EntityType::Person
                              : i % 10 < 8 ? EntityType::Organization
                              : i % 10 < 9 ? EntityType::Country
                                           : EntityType::Place;
            entities.push_back(writer.add_entity(type, entity_name(type, i)));
        }
        struct TypeMix {
            const char* name;
            bool directed;
        };
        // The mix extraction gives: mostly co-occurrence, some typed relations.
        constexpr std::array<TypeMix, 8> kRelationTypes{{{"co_occurs_sentence", false},
                                                         {"co_occurs_sentence", false},
                                                         {"co_occurs_paragraph", false},
                                                         {"meets_with", false},
                                                         {"cooperates_with", false},
                                                         {"opposes", true},
                                                         {"addressed_to", true},
                                                         {"member_of", true}}};
        std::geometric_distribution<int> extra_weight(0.5);
        std::uniform_int_distribution<std::size_t> pick_doc(0, spec.documents - 1);
        for (const auto& [a, b] :
             preferential_attachment(spec.entities, spec.links_per_entity, rng)) {
            const auto& type = kRelationTypes[rng() % kRelationTypes.size()];
            const auto doc = pick_doc(rng);
            const auto id =
                writer.add_relation(type.name, entities[a], entities[b], type.directed,
                                    1.0 + extra_weight(rng), doc_dates[doc], doc_dates[doc]);
            writer.add_evidence(id, doc_ids[doc], 0, 10);
        }
        tx.commit();
    }
    std::filesystem::rename(partial, path);
}

} // namespace dossier::bench
