#pragma once
// Gold for institutions, countries and places that we annotate ourselves (the FRUS TEI tags
// persons only), for `dossier eval --entity-gold FILE`.
//
// The file has the columns of a gold-additions list (gold_additions.h): document key, the name
// as printed, the identity, a note. The identity is "<type>:<id>", the type one of
// organization, country, place ("country:iso:SU", "organization:Government of the USSR"). Every
// word-bounded occurrence of the name in that document is a gold mention of that type, longer
// names first across types (so "Soviet Government" is one institution, not also the country
// "Soviet"). An entry that matches nothing fails the command, as for gold additions.
#include "dossier/extract/evaluation.h"
#include "dossier/extract/gold_additions.h"
#include "dossier/model/entity_type.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract {

struct EntityGoldScores {
    std::vector<ScoredMention> gold;      // of this type, identity without the type prefix
    std::vector<ScoredMention> predicted; // of this type
    EvaluationReport report;
};

// `predicted` holds the extraction's mentions per type (identity: the entity key). Throws
// std::runtime_error for an entry with an unknown type or document, or matching nothing.
std::map<EntityType, EntityGoldScores>
score_entity_gold(const std::vector<GoldAddition>& entries,
                  const std::vector<std::string_view>& texts,
                  const std::vector<std::string>& document_keys,
                  std::map<EntityType, std::vector<ScoredMention>> predicted);

} // namespace dossier::extract
