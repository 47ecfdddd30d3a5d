#pragma once
// Scores extracted person mentions against gold annotations (TEI persName spans with corresp).
//
// Mentions: precision, recall and F1 with exact spans and with overlapping spans (each gold
// mention matches at most one predicted mention and vice versa, greedily by position).
// Identity: B-cubed over the gold mentions that overlap a predicted one: for each such mention,
// precision = |predicted cluster ∩ gold cluster| / |predicted cluster| and recall =
// |predicted cluster ∩ gold cluster| / |gold cluster|, averaged. Gold mentions without corresp
// have no known identity and take no part in B-cubed (they still count for P/R/F1).
#include "dossier/model/document.h"

#include <string>
#include <utility>
#include <vector>

namespace dossier::extract {

struct ScoredMention {
    std::size_t document = 0; // any index that tells documents apart
    Span span;
    std::string identity; // gold: corresp id; predicted: entity id or authority id
};

struct MentionScores {
    std::size_t gold = 0, predicted = 0, matched = 0;
    double precision = 0, recall = 0, f1 = 0;
};

struct EvaluationReport {
    MentionScores exact;
    MentionScores overlap;
    double bcubed_precision = 0, bcubed_recall = 0, bcubed_f1 = 0;
};

// The one-to-one overlap matching evaluate_mentions scores: pairs of (gold index, predicted
// index) into the vectors as given, greedily in text order.
std::vector<std::pair<std::size_t, std::size_t>>
match_overlapping(const std::vector<ScoredMention>& gold,
                  const std::vector<ScoredMention>& predicted);

EvaluationReport evaluate_mentions(const std::vector<ScoredMention>& gold,
                                   const std::vector<ScoredMention>& predicted);

} // namespace dossier::extract
