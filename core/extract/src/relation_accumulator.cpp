#include "dossier/extract/relation_accumulator.h"

#include <algorithm>

namespace dossier::extract {

bool RelationAccumulator::add(std::string_view type, EntityId source, EntityId target,
                              bool directed, double confidence, std::string_view method,
                              const Evidence& evidence, const PartialDate& date) {
    Evidence stored = evidence;
    if (!directed && target < source) {
        // The argument spans travel with their entities.
        std::swap(source, target);
        std::swap(stored.source_span, stored.target_span);
    }
    const KeyView key{type, source.value, target.value};
    auto it = relations_.lower_bound(key);
    const bool inserted = it == relations_.end() || KeyLess{}(key, it->first);
    if (inserted)
        it = relations_.emplace_hint(it, Key{std::string(type), source.value, target.value},
                                     Entry{});
    auto& entry = it->second;
    auto& r = entry.relation;
    if (inserted) {
        r.type = type;
        r.source = source;
        r.target = target;
        r.directed = directed;
        r.weight = 0;
        r.confidence = confidence;
        r.method = method;
    }
    if (!entry.seen
             .insert(
                 {stored.document.value, stored.sentence, stored.source_span, stored.target_span})
             .second)
        return false;
    r.evidence.push_back(stored);
    r.weight += 1;
    r.confidence = std::max(r.confidence, confidence);
    if (!date.empty()) {
        if (r.first_date.empty() || date < r.first_date)
            r.first_date = date;
        if (r.last_date.empty() || r.last_date < date)
            r.last_date = date;
    }
    return true;
}

std::vector<Relation> RelationAccumulator::take() {
    std::vector<Relation> result;
    result.reserve(relations_.size());
    for (auto& [key, entry] : relations_)
        result.push_back(std::move(entry.relation));
    relations_.clear();
    return result;
}

} // namespace dossier::extract
