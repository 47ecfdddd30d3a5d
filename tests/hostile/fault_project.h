#pragma once
// What the extraction, curation and two-writer fault tests share: a corpus of distinct cables in
// which the extractor finds the same officials and countries, and a snapshot of a project's
// counts and names to compare a project after faults with one that never saw a fault.
#include "child_process.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project.h"
#include "dossier/store/project_stats.h"
#include "test_support.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace dossier::testing {

// `count` distinct memoranda naming officials and countries the bundled gazetteers know, so
// extraction produces entities, mentions and relations; the seed fixes the text.
inline void write_cables(const std::filesystem::path& folder, int count, unsigned seed) {
    const char* officials[] = {"Ambassador Karl Lindqvist",     "Secretary of State Dean Rusk",
                               "Foreign Minister Osten Unden",  "Ambassador Carl Lindqvist",
                               "Ambassador Llewellyn Thompson", "Foreign Minister Andrei Gromyko"};
    const char* countries[] = {"Sweden",  "Poland", "France", "the United States",
                               "Finland", "Norway"};
    const char* verbs[] = {"met", "wrote to", "told", "consulted"};
    std::mt19937 random(seed);
    for (int i = 0; i < count; ++i) {
        std::string text = "MEMORANDUM OF CONVERSATION " + std::to_string(i) +
                           "\n\nSUBJECT: Grain deliveries, round " + std::to_string(i) + "\n\n";
        const auto paragraphs = 2 + random() % 4;
        for (unsigned p = 0; p < paragraphs; ++p) {
            text += std::string(officials[random() % 6]) + " " + verbs[random() % 4] + " " +
                    officials[random() % 6] + ". He said that " + countries[random() % 6] +
                    " supports the deliveries to " + countries[random() % 6] + ". Meeting number " +
                    std::to_string(i * 10 + static_cast<int>(p)) + " ended without agreement.\n\n";
        }
        char name[64];
        std::snprintf(name, sizeof name, "memo-%04d.txt", i);
        write_file(folder / name, text);
    }
}

// Counts and names that must match between a project that saw faults and one that did not
// (entity ids may differ: they depend on how often extraction started over), one fact a line so
// a mismatch shows as a readable difference.
inline std::string snapshot_of(const std::filesystem::path& path) {
    auto project = store::Project::open(path, store::OpenMode::ReadOnly);
    const auto stats = store::project_stats(project);
    std::string text = "integrity " + project.integrity_check() + "\n";
    text += "documents " + std::to_string(stats.documents) + "\n";
    text += "text bytes " + std::to_string(stats.text_bytes) + "\n";
    text += "mentions " + std::to_string(stats.mentions) + "\n";
    text += "relations " + std::to_string(stats.relations) + "\n";
    text += "evidence " + std::to_string(stats.evidence) + "\n";
    text += "authority entries " + std::to_string(stats.authority_entries) + "\n";
    for (const auto& [type, count] : stats.relations_by_type)
        text += "relations " + type + " " + std::to_string(count) + "\n";
    std::vector<std::string> entities;
    for (const auto& entity : store::EntityStore(project).list())
        entities.push_back("entity " + std::string(to_string(entity.type)) + " " +
                           entity.canonical_name + "\n");
    std::sort(entities.begin(), entities.end());
    for (const auto& line : entities)
        text += line;
    for (const auto& record : store::CurationStore(project).records())
        text += "curation " + record.op + " " + record.payload + " " + record.status + "\n";
    return text;
}

// A project file and its WAL side files copied elsewhere (only while no process writes to it).
inline void copy_project(const std::filesystem::path& from, const std::filesystem::path& to) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(to.string() + suffix);
        if (std::filesystem::exists(from.string() + suffix))
            std::filesystem::copy_file(from.string() + suffix, to.string() + suffix);
    }
}

} // namespace dossier::testing
