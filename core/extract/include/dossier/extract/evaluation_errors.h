#pragma once
// Why each person mention that `dossier eval` scores as an error is one, and how precision reads
// within the gold's annotation scope.
//
// Errors follow the one-to-one overlap matching of evaluate_mentions: a gold mention no
// prediction overlaps is missed, a prediction that overlaps no gold mention is spurious, and a
// matched pair with different spans is a boundary error (it counts for overlap, not for exact).
// Classes, decided from the gold file alone (the names of its persons list and the surface text
// of its annotations), never from what a rule intended:
//   (a) UntaggedName: a spurious name whose surname matches no word of any listed person's name
//       and no word the gold tags anywhere in the file: a name outside what the annotators tag.
//       Whether it really is a person is for a reader to check (docs/EXTRACTION.md lists them);
//       it may be class (c) in truth.
//   (b) SpanBoundary: found with other boundaries than the gold (a title or "'s" included, a
//       given name left out), or a gold mention covered by a prediction matched to another.
//   (c) NotAPerson: a spurious mention with no capitalised word, or with a digit: not a name.
//   (d) Other: a spurious name the gold does tag elsewhere or that matches a listed person (the
//       gold leaves it untagged here, or the extractor misread it), and every missed mention.
#include "dossier/extract/evaluation.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract {

enum class ErrorKind { Missed, Spurious, Boundary };
enum class ErrorClass { UntaggedName, SpanBoundary, NotAPerson, Other };

const char* to_string(ErrorKind kind);
const char* to_string(ErrorClass error_class); // "a", "b", "c", "d"

struct EvaluationError {
    ErrorKind kind = ErrorKind::Spurious;
    ErrorClass error_class = ErrorClass::Other;
    ScoredMention mention; // the gold mention (missed) or the prediction (spurious, boundary)
    ScoredMention gold;    // boundary: the gold mention it was matched with
    std::string surface;   // text of `mention`
    std::string reason;    // one line: why this class
    std::string context;   // the text around it, on one line, whole UTF-8 characters
};

struct ScopeReport {
    MentionScores exact, overlap;
    std::map<std::string, std::size_t> excluded; // surface -> predictions left out of scoring
};

// The gold as a file states it: its mentions, its persons list, its documents' texts (indexed by
// ScoredMention::document).
struct GoldStandard {
    const std::vector<ScoredMention>& mentions;
    const std::vector<std::string>& listed_names; // "Ben Gurion, David", "Nuri el-Said"
    const std::vector<std::string_view>& texts;
};

std::vector<EvaluationError> classify_errors(const GoldStandard& gold,
                                             const std::vector<ScoredMention>& predicted);

// Precision "within the gold's annotation scope" (scope: listed persons): the predictions of
// class (a) are left out of scoring; everything else, including class (d), still counts.
ScopeReport score_within_listed_scope(const GoldStandard& gold,
                                      const std::vector<ScoredMention>& predicted);

} // namespace dossier::extract
