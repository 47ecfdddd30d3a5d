#pragma once
// A project file received from someone else holds their schema as well as their data: a trigger
// or a view in it runs in every Dossier that opens the file. Project::open refuses a file whose
// schema objects (tables, indexes, triggers, views) differ from what its schema version defines;
// these functions show the differences and strip them (`dossier repair`).
#include <filesystem>
#include <string>
#include <vector>

namespace dossier::store {

struct SchemaDifference {
    enum class Problem {
        Foreign, // an object no Dossier migration makes
        Altered, // one of ours, with other SQL
        Missing, // one of ours, not there
    };
    Problem problem = Problem::Foreign;
    std::string type; // table, index, trigger or view
    std::string name;
    std::string sql; // as the file holds it (Missing: as Dossier defines it)
};

// "foreign trigger t", "altered index documents_date", "missing view v".
std::string describe(const SchemaDifference& difference);

// How the project's schema differs from what its schema version defines; empty when it matches.
// Reads the file only (never migrates it); throws StoreError when it is not a Dossier project.
std::vector<SchemaDifference> audit_project_schema(const std::filesystem::path& path);

// Drops the foreign objects and puts back altered or missing indexes, triggers and views of
// Dossier's, in one transaction; returns what it changed. A table of Dossier's that is altered or
// missing cannot be put back without its data: StoreError, and nothing is changed.
std::vector<SchemaDifference> strip_foreign_schema(const std::filesystem::path& path);

} // namespace dossier::store
