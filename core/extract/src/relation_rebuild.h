#pragma once
// run_relation_extraction with the project's rules but without its replay of the analyst's
// corrections: for run_extraction, which replays them once, after the relations.
#include "dossier/extract/relation_pipeline.h"

namespace dossier::extract::detail {

// `jobs` threads read the documents; the result is the same for any number.
RelationExtractionSummary
rebuild_relations_unreplayed(store::Project& project, const JobControl& control, unsigned jobs = 1);

} // namespace dossier::extract::detail
