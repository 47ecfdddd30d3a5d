#pragma once
// run_relation_extraction with the project's rules but without its replay of the analyst's
// corrections: for run_extraction, which replays them once, after the relations.
#include "dossier/extract/relation_pipeline.h"

namespace dossier::extract::detail {

RelationExtractionSummary rebuild_relations_unreplayed(store::Project& project,
                                                       std::atomic<bool>* cancel);

} // namespace dossier::extract::detail
