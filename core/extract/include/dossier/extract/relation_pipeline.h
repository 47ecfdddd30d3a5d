#pragma once
// Recomputes every extracted relation of a project from its documents and mentions, in one
// transaction: relations of origin 'extract' are deleted and rebuilt, rows of origin 'curation'
// are never touched. A cancel rolls everything back, leaving the previous relations in place.
#include "dossier/extract/extraction.h"
#include "dossier/extract/relation_document.h"
#include "dossier/extract/relation_rules.h"
#include "dossier/store/project.h"

#include <cstddef>

namespace dossier::extract {

struct RelationExtractionSummary {
    std::size_t documents = 0;
    std::size_t relations = 0;
    std::size_t evidence = 0;
    std::size_t sentences_over_limit = 0;  // sentences too crowded to pair (CooccurrenceLimits)
    std::size_t paragraphs_over_limit = 0; // paragraphs too crowded to pair
    bool cancelled = false;
};

// The project setting that names a user's rules file; empty or absent means the bundled
// data/rules/relations.rules (default_relation_rules_path()).
inline constexpr const char* kRelationRulesSetting = "relation_rules";

// Loads the rules (project setting, else the default file); throws RuleError on a bad file.
// Progress (on the calling thread) counts one step per document, stage "relations".
RelationExtractionSummary run_relation_extraction(store::Project& project,
                                                  const JobControl& control = {});

RelationExtractionSummary run_relation_extraction(store::Project& project,
                                                  const RelationRuleSet& rules,
                                                  const CooccurrenceLimits& limits,
                                                  const JobControl& control = {});

} // namespace dossier::extract
