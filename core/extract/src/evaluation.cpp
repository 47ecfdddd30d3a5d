#include "dossier/extract/evaluation.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace dossier::extract {
namespace {

void finish(MentionScores& s) {
    s.precision =
        s.predicted ? static_cast<double>(s.matched) / static_cast<double>(s.predicted) : 0.0;
    s.recall = s.gold ? static_cast<double>(s.matched) / static_cast<double>(s.gold) : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
}

bool before(const ScoredMention& a, const ScoredMention& b) {
    return a.document != b.document ? a.document < b.document : a.span < b.span;
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>>
match_overlapping(const std::vector<ScoredMention>& gold_in,
                  const std::vector<ScoredMention>& predicted_in) {
    auto order = [](const std::vector<ScoredMention>& mentions) {
        std::vector<std::size_t> index(mentions.size());
        for (std::size_t i = 0; i < index.size(); ++i)
            index[i] = i;
        std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
            return before(mentions[a], mentions[b]);
        });
        return index;
    };
    const auto gold_order = order(gold_in);
    const auto predicted_order = order(predicted_in);
    auto gold = [&](std::size_t i) -> const ScoredMention& { return gold_in[gold_order[i]]; };
    auto predicted = [&](std::size_t i) -> const ScoredMention& {
        return predicted_in[predicted_order[i]];
    };
    std::vector<bool> used(predicted_in.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::size_t first = 0;
    for (std::size_t g = 0; g < gold_in.size(); ++g) {
        while (first < predicted_in.size() && (predicted(first).document < gold(g).document ||
                                               (predicted(first).document == gold(g).document &&
                                                predicted(first).span.end <= gold(g).span.start)))
            ++first;
        for (std::size_t p = first;
             p < predicted_in.size() && predicted(p).document == gold(g).document &&
             predicted(p).span.start < gold(g).span.end;
             ++p) {
            if (!used[p] && predicted(p).span.end > gold(g).span.start) {
                used[p] = true;
                pairs.emplace_back(gold_order[g], predicted_order[p]);
                break;
            }
        }
    }
    return pairs;
}

EvaluationReport evaluate_mentions(const std::vector<ScoredMention>& gold,
                                   const std::vector<ScoredMention>& predicted) {
    EvaluationReport report;
    report.exact.gold = report.overlap.gold = gold.size();
    report.exact.predicted = report.overlap.predicted = predicted.size();

    std::set<std::pair<std::size_t, Span>> predicted_spans;
    for (const auto& p : predicted)
        predicted_spans.insert({p.document, p.span});
    for (const auto& g : gold)
        report.exact.matched += predicted_spans.count({g.document, g.span});

    // Overlap: a one-to-one greedy matching in text order.
    auto pairs = match_overlapping(gold, predicted);
    report.overlap.matched = pairs.size();
    finish(report.exact);
    finish(report.overlap);

    // B-cubed over the matched mentions.
    if (pairs.empty())
        return report;
    std::erase_if(pairs, [&](const auto& pair) { return gold[pair.first].identity.empty(); });
    if (pairs.empty())
        return report;
    std::vector<std::string> gold_id(pairs.size()), predicted_id(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        gold_id[i] = gold[pairs[i].first].identity;
        predicted_id[i] = predicted[pairs[i].second].identity;
    }
    std::unordered_map<std::string, std::size_t> gold_size, predicted_size;
    std::map<std::pair<std::string, std::string>, std::size_t> both;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        ++gold_size[gold_id[i]];
        ++predicted_size[predicted_id[i]];
        ++both[{gold_id[i], predicted_id[i]}];
    }
    double p_sum = 0, r_sum = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const double common = static_cast<double>(both[{gold_id[i], predicted_id[i]}]);
        p_sum += common / static_cast<double>(predicted_size[predicted_id[i]]);
        r_sum += common / static_cast<double>(gold_size[gold_id[i]]);
    }
    report.bcubed_precision = p_sum / static_cast<double>(pairs.size());
    report.bcubed_recall = r_sum / static_cast<double>(pairs.size());
    const double pr = report.bcubed_precision + report.bcubed_recall;
    report.bcubed_f1 = pr > 0 ? 2 * report.bcubed_precision * report.bcubed_recall / pr : 0;
    return report;
}

} // namespace dossier::extract
